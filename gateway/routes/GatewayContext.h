#pragma once

#include "gateway/config/GatewayConfig.h"

namespace llamagate {

class McpHub;
class ModelQueue;
class OllamaClient;
class ResponseCache;

/// What route handlers share: the current settings and the upstream client. Owned by the Gateway; the config is
/// swapped when new settings are applied.
struct GatewayContext
{
    GatewayConfig config;
    OllamaClient* ollama = nullptr;
    ModelQueue* queue = nullptr;
    McpHub* mcp = nullptr;          ///< MCP servers, tool policy and tool loop support
    ResponseCache* cache = nullptr; ///< used only while CACHE_ENABLED is on
};

} // namespace llamagate
