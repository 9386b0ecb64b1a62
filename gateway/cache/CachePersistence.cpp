#include "gateway/cache/CachePersistence.h"

#include "gateway/cache/ResponseCache.h"
#include "gateway/log/JsonLogger.h"

namespace llamagate {

CachePersistence::CachePersistence(ResponseCache* cache, QObject* parent)
    : QObject(parent), m_cache(cache), m_delay(this)
{
    m_writer.setMaxThreadCount(1); // writes run one after another, in order
    m_delay.setSingleShot(true);
    m_delay.setInterval(kWriteDelay);
    connect(&m_delay, &QTimer::timeout, this, &CachePersistence::writeInBackground);
    connect(m_cache, &ResponseCache::changed, this, &CachePersistence::onCacheChanged);
}

CachePersistence::~CachePersistence()
{
    flush();
}

void CachePersistence::open(const QString& path)
{
    flush();
    m_file.emplace(path);
    const QList<ResponseCache::Entry> entries = m_file->load();
    m_cache->restore(entries);
    logInfo(QStringLiteral("response cache loaded"),
            {{QStringLiteral("path"), path}, {QStringLiteral("entries"), m_cache->stats().entries}});
}

void CachePersistence::close()
{
    flush();
    m_file.reset();
}

void CachePersistence::onCacheChanged()
{
    if (!m_file)
        return;
    m_dirty = true;
    if (!m_delay.isActive())
        m_delay.start(); // not restarted by later changes: a busy cache is still written every few seconds
}

void CachePersistence::writeInBackground()
{
    if (!m_file || !m_dirty)
        return;
    m_dirty = false;
    m_writer.start([this, file = *m_file, entries = m_cache->snapshot()] { write(file, entries); });
}

void CachePersistence::flush()
{
    m_writer.waitForDone();
    m_delay.stop();
    if (m_file && m_dirty) {
        m_dirty = false;
        write(*m_file, m_cache->snapshot());
    }
}

void CachePersistence::write(const CacheFile& file, const QList<ResponseCache::Entry>& entries)
{
    QString error;
    if (file.save(entries, &error)) {
        m_lastWriteFailed = false;
        return;
    }
    if (!m_lastWriteFailed.exchange(true))
        logWarning(QStringLiteral("cannot write the response cache file"),
                   {{QStringLiteral("path"), file.path()}, {QStringLiteral("error"), error}});
}

} // namespace llamagate
