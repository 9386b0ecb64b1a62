#pragma once

#include "gateway/openai/AnswerJson.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <list>
#include <optional>

namespace llamagate {

/// Complete OpenAI answers by cache key, least recently used first out, bounded by entries, bytes and age. Counts
/// hits and misses per request: find() counts a hit when it returns an answer; a miss is counted by countMiss() when
/// the request is sent upstream (a request may look twice: on arrival, and again after waiting in the model queue,
/// where an identical request ahead of it may have stored the answer). The clock (wall time, ms since the epoch, so
/// ages survive a restart) can be replaced in tests.
class ResponseCache : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;

    /// One stored answer. `bytes` is what it counts against the size limit: key plus compact JSON (computed here;
    /// ignored by restore()).
    struct Entry
    {
        QByteArray key;
        AnswerJson answer;
        qint64 storedAtMs = 0;
        qint64 bytes = 0;
    };

    struct Limits
    {
        qint64 maxEntries = 1000;
        qint64 maxBytes = 64 * 1024 * 1024;
        qint64 ttlMs = 60 * 60 * 1000;
    };

    struct Stats
    {
        qint64 entries = 0;
        qint64 bytes = 0;
        qint64 hits = 0;
        qint64 misses = 0;
        /// hits / (hits + misses); 0 before the first lookup.
        double hitRatio() const { return hits + misses == 0 ? 0.0 : double(hits) / double(hits + misses); }
    };

    explicit ResponseCache(QObject* parent = nullptr);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    /// New limits apply at once (entries beyond them are evicted).
    void setLimits(const Limits& limits);
    const Limits& limits() const { return m_limits; }

    /// The answer stored under `key` and still fresh (counted as a hit, and now the most recently used), or nullopt.
    std::optional<AnswerJson> find(const QByteArray& key);
    void countMiss() { ++m_misses; }
    /// Stores (or replaces) an answer; then evicts the least recently used entries until the limits hold. An answer
    /// larger than the size limit by itself is not stored.
    void insert(const QByteArray& key, const AnswerJson& answer);
    void clear();

    /// Counts after dropping expired entries.
    Stats stats();

    /// The fresh entries, least recently used first (what persistence writes).
    QList<Entry> snapshot();
    /// Adds entries read back from disk, least recently used first; expired ones are skipped, limits apply. Does not
    /// emit changed().
    void restore(const QList<Entry>& entries);

signals:
    /// Entries were added, replaced or removed (not emitted for lookups).
    void changed();

private:
    using Order = std::list<Entry>; ///< most recently used first

    bool isExpired(const Entry& entry, qint64 nowMs) const { return nowMs - entry.storedAtMs >= m_limits.ttlMs; }
    /// Puts an entry in front, unless it alone is larger than the size limit.
    void place(const QByteArray& key, const AnswerJson& answer, qint64 storedAtMs);
    void erase(Order::iterator it);
    /// Drops expired entries (everywhere when `sweepExpired`, a walk of the whole list), then the least recently used
    /// ones until the entry and byte limits hold. True when something was dropped.
    bool enforceLimits(bool sweepExpired = true);

    Clock m_clock;
    Limits m_limits;
    Order m_order;
    QHash<QByteArray, Order::iterator> m_index;
    qint64 m_bytes = 0;
    qint64 m_lastSweepMs = 0; ///< when expired entries were last swept out of the whole list
    qint64 m_hits = 0;
    qint64 m_misses = 0;
};

} // namespace llamagate
