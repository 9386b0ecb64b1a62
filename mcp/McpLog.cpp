#include "mcp/McpLog.h"

namespace mcp {

Q_LOGGING_CATEGORY(lcMcp, "llamagate.mcp")
Q_LOGGING_CATEGORY(lcMcpServer, "llamagate.mcp.server")

} // namespace mcp
