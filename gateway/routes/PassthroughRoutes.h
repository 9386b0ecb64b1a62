#pragma once

#include <QString>

namespace llamagate {

class Router;
struct GatewayContext;

/// `/api/*`: Ollama's native API for native clients, request and response bytes passed through unchanged and
/// flushed as they arrive. Model calls go through the per-model queue like the OpenAI routes.
void addPassthroughRoutes(Router& router, const GatewayContext& context);

/// Whether a native path changes Ollama's state (pull, push, create, copy, delete): admin-only once keys exist.
bool isStateChangingNativePath(const QString& path);

} // namespace llamagate
