#pragma once

#include <QStringList>

namespace mcp {

/// The MCP protocol versions this client speaks, newest first.
QStringList supportedProtocolVersions();

} // namespace mcp
