#include "gateway/cache/ResponseCache.h"

#include <QDateTime>

namespace llamagate {

namespace {

constexpr qint64 kSweepIntervalMs = 1000;

} // namespace

ResponseCache::ResponseCache(QObject* parent)
    : QObject(parent), m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

void ResponseCache::setLimits(const Limits& limits)
{
    m_limits = limits;
    if (enforceLimits())
        emit changed();
}

std::optional<AnswerJson> ResponseCache::find(const QByteArray& key)
{
    const auto found = m_index.constFind(key);
    if (found == m_index.cend())
        return std::nullopt;
    const Order::iterator it = found.value();
    if (isExpired(*it, m_clock())) {
        erase(it);
        emit changed();
        return std::nullopt;
    }
    m_order.splice(m_order.begin(), m_order, it);
    ++m_hits;
    return it->answer;
}

void ResponseCache::insert(const QByteArray& key, const AnswerJson& answer)
{
    if (const auto old = m_index.constFind(key); old != m_index.cend())
        erase(old.value());
    const qint64 now = m_clock();
    place(key, answer, now);
    // Walking the whole list for expired entries on every insert cost ~8 % of the gateway's CPU under load; expired
    // entries are never served (find() checks), so sweeping them once a second is enough.
    enforceLimits(now - m_lastSweepMs >= kSweepIntervalMs);
    emit changed();
}

void ResponseCache::place(const QByteArray& key, const AnswerJson& answer, qint64 storedAtMs)
{
    const qint64 bytes = key.size() + answer.size();
    if (bytes > m_limits.maxBytes)
        return;
    m_bytes += bytes;
    m_order.push_front(Entry{key, answer, storedAtMs, bytes});
    m_index.insert(key, m_order.begin());
}

void ResponseCache::erase(Order::iterator it)
{
    m_bytes -= it->bytes;
    m_index.remove(it->key);
    m_order.erase(it);
}

bool ResponseCache::enforceLimits(bool sweepExpired)
{
    const qint64 before = qint64(m_order.size());
    if (sweepExpired) {
        const qint64 now = m_clock();
        m_lastSweepMs = now;
        for (auto it = m_order.begin(); it != m_order.end();) {
            const auto next = std::next(it);
            if (isExpired(*it, now))
                erase(it);
            it = next;
        }
    }
    while (!m_order.empty() && (qint64(m_order.size()) > m_limits.maxEntries || m_bytes > m_limits.maxBytes))
        erase(std::prev(m_order.end()));
    return qint64(m_order.size()) != before;
}

void ResponseCache::clear()
{
    const bool hadEntries = !m_order.empty();
    m_order.clear();
    m_index.clear();
    m_bytes = 0;
    if (hadEntries)
        emit changed();
}

ResponseCache::Stats ResponseCache::stats()
{
    if (enforceLimits())
        emit changed();
    return Stats{qint64(m_order.size()), m_bytes, m_hits, m_misses};
}

QList<ResponseCache::Entry> ResponseCache::snapshot()
{
    enforceLimits();
    QList<Entry> entries;
    entries.reserve(qsizetype(m_order.size()));
    for (auto it = m_order.rbegin(); it != m_order.rend(); ++it)
        entries.append(*it);
    return entries;
}

void ResponseCache::restore(const QList<Entry>& entries)
{
    const qint64 now = m_clock();
    for (const Entry& entry : entries) {
        if (isExpired(entry, now))
            continue;
        if (const auto old = m_index.constFind(entry.key); old != m_index.cend())
            erase(old.value());
        place(entry.key, entry.answer, entry.storedAtMs);
    }
    enforceLimits();
}

} // namespace llamagate
