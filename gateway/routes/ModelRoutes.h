#pragma once

namespace llamagate {

class Router;
struct GatewayContext;

/// `GET /v1/models` (from /api/tags) and `GET /v1/models/{id}` (from /api/show).
void addModelRoutes(Router& router, const GatewayContext& context);

} // namespace llamagate
