#pragma once

#include "gateway/cache/CachePersistence.h"
#include "gateway/cache/ResponseCache.h"

#include <QObject>

namespace llamagate {

class GatewayConfig;

/// The response cache as the gateway runs it: its limits, on/off and persistence taken from the CACHE_* settings.
class CacheService : public QObject
{
    Q_OBJECT
public:
    explicit CacheService(QObject* parent = nullptr);

    ResponseCache* cache() { return &m_cache; }
    /// Applies the settings: limits at once; off empties the cache; the file is read when persistence is turned on
    /// or its path changes, and no longer written when it is turned off.
    void apply(const GatewayConfig& config);
    /// Writes pending changes to the file now (at shutdown).
    void flush() { m_persistence.flush(); }

    /// `response-cache.ndjson` in the app data folder: where the cache is kept unless CACHE_FILE says otherwise.
    static QString defaultFilePath();

private:
    ResponseCache m_cache;
    CachePersistence m_persistence; ///< after m_cache: destroyed (and flushed) first
};

} // namespace llamagate
