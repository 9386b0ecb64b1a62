#include "gateway/access/TokenBucket.h"

#include <algorithm>
#include <cmath>

namespace llamagate {

namespace {

constexpr double kNsPerSecond = 1e9;
/// Rounding slack of the floating-point maths: a bucket this close to a whole token has one, and a wait this close
/// to a whole nanosecond is that nanosecond (so waiting the time a refusal names is always enough).
constexpr double kTokenSlack = 1e-6;
constexpr double kNsSlack = 1e-3;

} // namespace

TokenBucket::TokenBucket(double ratePerSecond, double capacity, qint64 nowNs)
    : m_rate(ratePerSecond), m_capacity(capacity), m_tokens(capacity), m_lastNs(nowNs)
{
}

void TokenBucket::refill(qint64 nowNs)
{
    if (nowNs > m_lastNs) {
        m_tokens = std::min(m_capacity, m_tokens + double(nowNs - m_lastNs) * m_rate / kNsPerSecond);
        m_lastNs = nowNs;
    }
}

qint64 TokenBucket::waitNs(qint64 nowNs)
{
    refill(nowNs);
    if (m_tokens >= 1 - kTokenSlack)
        return 0;
    return qint64(std::ceil((1 - m_tokens) * kNsPerSecond / m_rate - kNsSlack));
}

bool TokenBucket::isFull(qint64 nowNs)
{
    refill(nowNs);
    return m_tokens >= m_capacity - kTokenSlack;
}

void TokenBucket::reconfigure(double ratePerSecond, double capacity, qint64 nowNs)
{
    refill(nowNs);
    m_rate = ratePerSecond;
    m_capacity = capacity;
    m_tokens = std::min(m_tokens, capacity);
}

} // namespace llamagate
