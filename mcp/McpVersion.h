#pragma once

#include <QStringList>

namespace mcp {

/// The MCP protocol versions this client speaks, newest first; the first is the one it asks for.
QStringList supportedProtocolVersions();

} // namespace mcp
