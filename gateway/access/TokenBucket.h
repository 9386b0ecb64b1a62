#pragma once

#include <QtGlobal>

namespace llamagate {

/// A token bucket: up to `capacity` requests at once, refilled at `ratePerSecond`. Time is a monotonic clock in
/// nanoseconds passed in by the caller, so the maths is testable. A new bucket is full.
class TokenBucket
{
public:
    TokenBucket(double ratePerSecond, double capacity, qint64 nowNs);

    /// Nanoseconds until a token is there; 0 when one is there now.
    qint64 waitNs(qint64 nowNs);
    /// Takes a token; call only after waitNs() said 0 at the same time.
    void take() { m_tokens -= 1; }
    /// Whether the bucket has refilled completely (it then behaves like a new one and may be dropped).
    bool isFull(qint64 nowNs);
    /// New rate and capacity; the tokens saved up so far stay, up to the new capacity.
    void reconfigure(double ratePerSecond, double capacity, qint64 nowNs);

    double ratePerSecond() const { return m_rate; }
    double capacity() const { return m_capacity; }

private:
    void refill(qint64 nowNs);

    double m_rate;
    double m_capacity;
    double m_tokens;
    qint64 m_lastNs;
};

} // namespace llamagate
