#pragma once

namespace llamagate {

class Router;
struct GatewayContext;

/// `GET /v1/cache` (the response cache's settings and counts) and `DELETE /v1/cache` (empties it); admin scope.
void addCacheRoutes(Router& router, const GatewayContext& context);

} // namespace llamagate
