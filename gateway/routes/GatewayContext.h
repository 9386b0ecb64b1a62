#pragma once

#include "gateway/config/GatewayConfig.h"

namespace llamagate {

class ModelQueue;
class OllamaClient;

/// What route handlers share: the current settings and the upstream client. Owned by the Gateway; the config is
/// swapped when new settings are applied.
struct GatewayContext
{
    GatewayConfig config;
    OllamaClient* ollama = nullptr;
    ModelQueue* queue = nullptr;
};

} // namespace llamagate
