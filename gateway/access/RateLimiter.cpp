#include "gateway/access/RateLimiter.h"

#include <algorithm>
#include <chrono>

namespace llamagate {

namespace {

constexpr qsizetype kFewAddresses = 1024;
constexpr qint64 kNsPerMs = 1000000;

} // namespace

RateLimiter::RateLimiter(Clock clock) : m_clock(std::move(clock)), m_pruneAddressesAt(kFewAddresses) {}

RateLimiter::Clock RateLimiter::monotonicClock()
{
    return [] {
        return qint64(
            std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
                .count());
    };
}

void RateLimiter::setLimits(const Limits& limits)
{
    m_limits = limits;
    m_global.reset();
    if (limits.globalPerSecond > 0)
        m_global.emplace(limits.globalPerSecond, std::max(1, limits.burst), m_clock());
    m_keyBuckets.clear();
    m_addressBuckets.clear();
}

double RateLimiter::perMinuteCapacity(int perMinute) const
{
    return std::max(1, std::min(m_limits.burst, perMinute));
}

TokenBucket& RateLimiter::keyBucket(const QString& keyName, int perMinute, qint64 nowNs)
{
    const double rate = perMinute / 60.0;
    auto it = m_keyBuckets.find(keyName);
    if (it == m_keyBuckets.end())
        return *m_keyBuckets.insert(keyName, TokenBucket(rate, perMinuteCapacity(perMinute), nowNs));
    if (it->ratePerSecond() != rate)
        it->reconfigure(rate, perMinuteCapacity(perMinute), nowNs);
    return *it;
}

TokenBucket& RateLimiter::addressBucket(const QHostAddress& address, qint64 nowNs)
{
    auto it = m_addressBuckets.find(address);
    if (it != m_addressBuckets.end())
        return *it;
    if (m_addressBuckets.size() >= m_pruneAddressesAt) {
        // A full bucket is no different from a new one: forget those, and look again when twice as many are held.
        m_addressBuckets.removeIf(
            [nowNs](QHash<QHostAddress, TokenBucket>::iterator bucket) { return bucket->isFull(nowNs); });
        m_pruneAddressesAt = std::max(kFewAddresses, 2 * m_addressBuckets.size());
    }
    const int perMinute = m_limits.perAddressPerMinute;
    return *m_addressBuckets.insert(address, TokenBucket(perMinute / 60.0, perMinuteCapacity(perMinute), nowNs));
}

RateLimiter::Verdict RateLimiter::admit(const QString& keyName, int keyPerMinute)
{
    const qint64 now = m_clock();
    TokenBucket* keyLimit = !keyName.isEmpty() && keyPerMinute > 0 ? &keyBucket(keyName, keyPerMinute, now) : nullptr;
    return take({{m_global ? &*m_global : nullptr, "global"}, {keyLimit, "key"}}, now);
}

RateLimiter::Verdict RateLimiter::admitAnonymous(const QHostAddress& address)
{
    const qint64 now = m_clock();
    return take({{m_limits.perAddressPerMinute > 0 ? &addressBucket(address, now) : nullptr, "ip"}}, now);
}

RateLimiter::Verdict RateLimiter::take(std::initializer_list<std::pair<TokenBucket*, const char*>> buckets,
                                       qint64 nowNs)
{
    qint64 longestWaitNs = 0;
    const char* refusedBy = nullptr;
    for (const auto& [bucket, name] : buckets) {
        const qint64 waitNs = bucket ? bucket->waitNs(nowNs) : 0;
        if (waitNs > longestWaitNs) {
            longestWaitNs = waitNs;
            refusedBy = name;
        }
    }
    if (refusedBy)
        return {(longestWaitNs + kNsPerMs - 1) / kNsPerMs, QString::fromLatin1(refusedBy)};
    for (const auto& [bucket, name] : buckets) {
        if (bucket)
            bucket->take();
    }
    return {};
}

void RateLimiter::retainKeys(const QSet<QString>& keyNames)
{
    m_keyBuckets.removeIf(
        [&keyNames](QHash<QString, TokenBucket>::iterator bucket) { return !keyNames.contains(bucket.key()); });
}

} // namespace llamagate
