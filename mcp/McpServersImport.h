#pragma once

#include "mcp/ServerConfig.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace mcp {

/// Reads the `mcpServers` JSON of Claude Desktop, Cursor and LM Studio (command/args/env/cwd, url/headers,
/// type, disabled, timeout in seconds; entries without one get `defaultTimeout`) into server configs. Entries it cannot
/// take are left out, each with an error naming the exact field, so one bad entry never hides the good ones.
struct McpServersImport
{
    QList<ServerConfig> servers;
    QStringList errors;

    static McpServersImport parse(const QByteArray& json, std::chrono::milliseconds defaultTimeout);
};

} // namespace mcp
