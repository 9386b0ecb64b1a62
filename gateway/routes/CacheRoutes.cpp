#include "gateway/routes/CacheRoutes.h"

#include "gateway/cache/ResponseCache.h"
#include "gateway/routes/GatewayContext.h"
#include "gateway/routes/Router.h"

namespace llamagate {

namespace {

QJsonObject statsJson(const GatewayContext& context)
{
    const CacheSnapshot cache = cacheSnapshot(context);
    const ResponseCache::Stats& stats = cache.stats;
    const ResponseCache::Limits& limits = cache.limits;
    return QJsonObject{{QStringLiteral("object"), QStringLiteral("cache.stats")},
                       {QStringLiteral("enabled"), cache.enabled},
                       {QStringLiteral("persistent"), cache.persistent},
                       {QStringLiteral("entries"), stats.entries},
                       {QStringLiteral("bytes"), stats.bytes},
                       {QStringLiteral("hits"), stats.hits},
                       {QStringLiteral("misses"), stats.misses},
                       {QStringLiteral("hit_ratio"), stats.hitRatio()},
                       {QStringLiteral("max_entries"), limits.maxEntries},
                       {QStringLiteral("max_bytes"), limits.maxBytes},
                       {QStringLiteral("ttl_seconds"), limits.ttlMs / 1000}};
}

} // namespace

CacheSnapshot cacheSnapshot(const GatewayContext& context)
{
    return {context.config.flag(Setting::CacheEnabled),
            context.config.flag(Setting::CachePersist),
            context.cache->stats(),
            context.cache->limits()};
}

void addCacheRoutes(Router& router, const GatewayContext& context)
{
    const RouteAccess admin = RouteAccess::needs(Scope::Admin);
    router.add("GET", QStringLiteral("/v1/cache"), admin, [&context](const ExchangePtr& exchange) {
        exchange->responder->sendJson(200, statsJson(context));
    });

    router.add("DELETE", QStringLiteral("/v1/cache"), admin, [&context](const ExchangePtr& exchange) {
        const qint64 cleared = context.cache->stats().entries;
        context.cache->clear();
        QJsonObject answer = statsJson(context);
        answer.insert(QStringLiteral("cleared"), cleared);
        exchange->responder->sendJson(200, answer);
    });
}

} // namespace llamagate
