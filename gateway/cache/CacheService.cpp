#include "gateway/cache/CacheService.h"

#include "gateway/config/GatewayConfig.h"

#include <QStandardPaths>

namespace llamagate {

// Both members are children: they move to the gateway thread with this service (the cache's `changed` signal then
// reaches the persistence directly, and its write timer runs on the thread that owns the cache).
CacheService::CacheService(QObject* parent) : QObject(parent), m_cache(this), m_persistence(&m_cache, this) {}

QString CacheService::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/response-cache.ndjson");
}

void CacheService::apply(const GatewayConfig& config)
{
    m_cache.setLimits({config.integer(Setting::CacheMaxEntries),
                       config.integer(Setting::CacheMaxSize),
                       config.integer(Setting::CacheTtl)});
    const bool enabled = config.flag(Setting::CacheEnabled);
    if (!enabled || !config.flag(Setting::CachePersist)) {
        m_persistence.close();
        if (!enabled)
            m_cache.clear();
        return;
    }
    const QString path =
        config.text(Setting::CacheFile).isEmpty() ? defaultFilePath() : config.text(Setting::CacheFile);
    if (path != m_persistence.path())
        m_persistence.open(path);
}

} // namespace llamagate
