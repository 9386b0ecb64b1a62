#pragma once

namespace llamagate {

class Router;
struct GatewayContext;

/// `POST /v1/chat/completions`, `POST /v1/completions` (streaming or not) and `POST /v1/embeddings`, translated to
/// Ollama's native API and sent through the per-model queue.
void addInferenceRoutes(Router& router, const GatewayContext& context);

} // namespace llamagate
