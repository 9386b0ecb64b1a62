#pragma once

#include "gateway/access/TokenBucket.h"

#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QString>

#include <functional>
#include <initializer_list>
#include <optional>
#include <utility>

namespace llamagate {

/// The rate limits a request must pass. Requests let in to a route count against the global rate (RATE_LIMIT_RPS,
/// bursts of RATE_LIMIT_BURST) and, made with a key that has a limit of its own, against that key's requests per
/// minute. While keys exist, a request without a valid key counts against its address's requests per minute
/// (RATE_LIMIT_IP_RPM) instead, so callers without a key cannot use up the others' share. A request passes only when
/// every bucket that applies has a token, and then takes one from each; otherwise it learns how long until it would
/// pass. Per-minute buckets hold min(burst, limit) tokens.
class RateLimiter
{
public:
    using Clock = std::function<qint64()>; ///< monotonic nanoseconds

    struct Limits
    {
        double globalPerSecond = 0; ///< 0: no global limit
        int burst = 1;
        int perAddressPerMinute = 0; ///< 0: no limit per address
    };

    /// What became of a request: admitted, or the limit that refused it and when it would pass.
    struct Verdict
    {
        qint64 retryAfterMs = 0; ///< 0: admitted
        QString limit;           ///< "global", "key" or "ip" when refused

        bool admitted() const { return retryAfterMs == 0; }
    };

    explicit RateLimiter(Clock clock = monotonicClock());

    /// New limits; every bucket starts full again.
    void setLimits(const Limits& limits);
    /// Counts a request let in with the key of this name, whose own limit is keyPerMinute (0: none) — or, with no
    /// name, a request while auth is off.
    Verdict admit(const QString& keyName, int keyPerMinute);
    /// Counts a request without a valid key while keys exist.
    Verdict admitAnonymous(const QHostAddress& address);
    /// Forgets the buckets of keys that no longer exist.
    void retainKeys(const QSet<QString>& keyNames);

    /// std::chrono::steady_clock in nanoseconds.
    static Clock monotonicClock();

private:
    TokenBucket& keyBucket(const QString& keyName, int perMinute, qint64 nowNs);
    TokenBucket& addressBucket(const QHostAddress& address, qint64 nowNs);
    double perMinuteCapacity(int perMinute) const;
    /// Takes a token from each bucket (null ones do not apply) if all have one.
    Verdict take(std::initializer_list<std::pair<TokenBucket*, const char*>> buckets, qint64 nowNs);

    Clock m_clock;
    Limits m_limits;
    std::optional<TokenBucket> m_global;
    QHash<QString, TokenBucket> m_keyBuckets; ///< by key name
    QHash<QHostAddress, TokenBucket> m_addressBuckets;
    qsizetype m_pruneAddressesAt;
};

} // namespace llamagate
