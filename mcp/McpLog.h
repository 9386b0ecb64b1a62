#pragma once

#include <QLoggingCategory>

namespace mcp {

Q_DECLARE_LOGGING_CATEGORY(lcMcp)
/// Log lines the MCP servers themselves produce (stderr, notifications/message).
Q_DECLARE_LOGGING_CATEGORY(lcMcpServer)

} // namespace mcp
