#pragma once

#include "gateway/log/RequestLogEntry.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <array>

namespace llamagate {

/// The gateway's traffic counters and latency histogram, fed from each request's log entry and rendered in the
/// Prometheus text exposition format.
class GatewayMetrics
{
public:
    /// A value sampled at render time (in-flight requests, queue length, cache size, …).
    struct Gauge
    {
        QString name;
        QString help;
        double value = 0;
    };

    /// Counts one finished request; `route` is the matched route pattern (empty when none matched).
    void record(const RequestLogEntry& entry, const QString& route);

    QByteArray render(const QList<Gauge>& gauges) const;

    /// Upper bounds of the latency histogram's buckets, in seconds.
    static constexpr std::array<double, 14> kLatencyBuckets = {
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

private:
    struct Histogram
    {
        std::array<quint64, kLatencyBuckets.size()> buckets{};
        quint64 count = 0;
        double sum = 0;
    };

    QMap<QString, quint64> m_requests;  ///< labels → count
    QMap<QString, Histogram> m_latency; ///< route labels → histogram
    QMap<QString, quint64> m_upstreamErrors;
    QMap<QString, quint64> m_rateLimited;
    QMap<QString, quint64> m_tokens;
    QMap<QString, quint64> m_cache;
};

/// `name="value"` with the value escaped as the text format requires.
QString prometheusLabel(const QString& name, const QString& value);

} // namespace llamagate
