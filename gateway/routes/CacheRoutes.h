#pragma once

#include "gateway/GatewayStats.h"

namespace llamagate {

class Router;
struct GatewayContext;

/// The response cache's counters and settings now.
CacheSnapshot cacheSnapshot(const GatewayContext& context);

/// `GET /v1/cache` (the response cache's settings and counts) and `DELETE /v1/cache` (empties it); admin scope.
void addCacheRoutes(Router& router, const GatewayContext& context);

} // namespace llamagate
