#pragma once

namespace llamagate {

class Router;
struct GatewayContext;

/// The MCP management API under `/v1/mcp/` with the original LlamaGate's paths: servers and their health, stats,
/// tools (with the policy's verdict), resources, prompts, refresh, tool execution, and adding, changing and
/// removing servers at run time. Every answer is `mcp_disabled` while MCP_ENABLED is off.
void addMcpRoutes(Router& router, const GatewayContext& context);

} // namespace llamagate
