#pragma once

#include "gateway/config/GatewayConfig.h"

namespace llamagate {

class McpHub;
class ModelQueue;
class OllamaClient;

/// What route handlers share: the current settings and the upstream client. Owned by the Gateway; the config is
/// swapped when new settings are applied.
struct GatewayContext
{
    GatewayConfig config;
    OllamaClient* ollama = nullptr;
    ModelQueue* queue = nullptr;
    McpHub* mcp = nullptr; ///< MCP servers, tool policy and tool loop support
};

} // namespace llamagate
