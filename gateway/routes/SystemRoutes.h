#pragma once

namespace llamagate {

class Router;
struct GatewayContext;

/// `GET|HEAD /` (the probe native Ollama clients send) and `GET /health` (gateway + Ollama reachability).
void addSystemRoutes(Router& router, const GatewayContext& context);

} // namespace llamagate
