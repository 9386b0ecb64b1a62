#pragma once

#include "gateway/config/GatewayConfig.h"
#include "mcp/ServerConfig.h"

#include <QList>
#include <QStringList>

#include <chrono>

namespace llamagate {

/// The servers of one of the two places MCP servers are configured, read the same way by the gateway and the
/// control panel: the saved list (MCP_SERVERS, a JSON array of McpServerJson) and the MCP_CONFIG file (the
/// `mcpServers` JSON of Claude Desktop, Cursor and LM Studio). Entries that cannot be read are left out, each with
/// the reason in `errors`.
struct McpServerList
{
    QList<mcp::ServerConfig> servers;
    QStringList errors;

    /// The call timeout of a server whose configuration sets none (MCP_DEFAULT_TOOL_TIMEOUT).
    static std::chrono::milliseconds defaultTimeout(const GatewayConfig& config);
    /// The MCP_SERVERS text; a server without a timeout gets `defaultTimeout`.
    static McpServerList fromSetting(const QString& text, std::chrono::milliseconds defaultTimeout);
    /// The MCP_CONFIG file at `path` (nothing for an empty path); a server without a timeout gets `defaultTimeout`.
    static McpServerList fromFile(const QString& path, std::chrono::milliseconds defaultTimeout);
    /// The MCP_SERVERS text of these servers, values as they are (secrets are references by then).
    static QString toSetting(const QList<mcp::ServerConfig>& servers);
};

} // namespace llamagate
