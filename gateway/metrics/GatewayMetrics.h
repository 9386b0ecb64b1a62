#pragma once

#include "gateway/log/RequestLogEntry.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <array>
#include <tuple>
#include <utility>

namespace llamagate {

/// The gateway's traffic counters and latency histogram, fed from each request's log entry and rendered in the
/// Prometheus text exposition format. Counts are kept by their label values; the label text is built only when the
/// metrics are rendered, not for every request.
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

    /// The labels of one series of the request counter.
    struct RequestLabels
    {
        QString route;
        QString method;
        QString model;
        int status = 0;

        bool operator<(const RequestLabels& other) const
        {
            return std::tie(route, method, model, status) <
                   std::tie(other.route, other.method, other.model, other.status);
        }
    };

    /// The token counters by their label text.
    QMap<QString, quint64> tokenSeries() const;

    QMap<RequestLabels, quint64> m_requests;
    QMap<QString, Histogram> m_latency;      ///< by route
    QMap<QString, quint64> m_upstreamErrors; ///< by route
    QMap<QString, quint64> m_rateLimited;    ///< by reason
    /// Token types: the log field counting them, and their `type` label.
    static constexpr std::array<std::pair<QStringView, QStringView>, 2> kTokenTypes = {
        std::pair{u"prompt_tokens", u"prompt"}, std::pair{u"completion_tokens", u"completion"}};
    QMap<QString, std::array<quint64, kTokenTypes.size()>> m_tokens; ///< by model, then type (a series once above 0)
    QMap<QString, quint64> m_cache;                                  ///< by result
};

/// `name="value"` with the value escaped as the text format requires.
QString prometheusLabel(const QString& name, const QString& value);

} // namespace llamagate
