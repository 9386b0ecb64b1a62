#include "gateway/metrics/GatewayMetrics.h"

#include <algorithm>

namespace llamagate {

namespace {

/// A series' label text (as `labelsOf` writes it) → its count, in the order of that text.
template <typename Key, typename Labels>
QMap<QString, quint64> byLabelText(const QMap<Key, quint64>& series, Labels labelsOf)
{
    QMap<QString, quint64> labelled;
    for (auto it = series.begin(); it != series.end(); ++it)
        labelled.insert(labelsOf(it.key()), it.value());
    return labelled;
}

void appendCounter(QByteArray& out, const char* name, const char* help, const QMap<QString, quint64>& series)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " counter\n";
    for (auto it = series.begin(); it != series.end(); ++it)
        out += name + ('{' + it.key() + '}').toUtf8() + ' ' + QByteArray::number(it.value()) + '\n';
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

QString routeLabel(const QString& route)
{
    return prometheusLabel(QStringLiteral("route"), route);
}

} // namespace

QString prometheusLabel(const QString& name, const QString& value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'\n', QStringLiteral("\\n"));
    return QStringLiteral("%1=\"%2\"").arg(name, escaped);
}

void GatewayMetrics::record(const RequestLogEntry& entry, const QString& route)
{
    const QString routeName = route.isEmpty() ? QStringLiteral("unmatched") : route;
    const QString model = entry.extra.text(u"model");
    ++m_requests[RequestLabels{routeName, entry.method, model, entry.status}];

    Histogram& histogram = m_latency[routeName];
    const double seconds = double(entry.latencyMs) / 1000.0;
    for (size_t index = 0; index < kLatencyBuckets.size(); ++index) {
        if (seconds <= kLatencyBuckets[index])
            ++histogram.buckets[index];
    }
    ++histogram.count;
    histogram.sum += seconds;

    if (entry.extra.contains(u"upstream_error"))
        ++m_upstreamErrors[routeName];
    if (entry.status == 429)
        ++m_rateLimited[entry.extra.contains(u"queue") ? QStringLiteral("queue_full") : QStringLiteral("rate_limit")];
    std::array<quint64, kTokenTypes.size()> tokens{};
    for (size_t type = 0; type < kTokenTypes.size(); ++type)
        tokens[type] = quint64(qMax<qint64>(0, entry.extra.integer(kTokenTypes[type].first)));
    if (std::any_of(tokens.begin(), tokens.end(), [](quint64 count) { return count > 0; })) {
        std::array<quint64, kTokenTypes.size()>& counts = m_tokens[model];
        for (size_t type = 0; type < kTokenTypes.size(); ++type)
            counts[type] += tokens[type];
    }
    const QString cache = entry.extra.text(u"cache");
    if (!cache.isEmpty())
        ++m_cache[cache.isLower() ? cache : cache.toLower()];
}

QMap<QString, quint64> GatewayMetrics::tokenSeries() const
{
    QMap<QString, quint64> labelled;
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it) {
        for (size_t type = 0; type < kTokenTypes.size(); ++type) {
            if (it.value()[type] > 0) {
                labelled.insert(prometheusLabel(QStringLiteral("model"), it.key()) + u',' +
                                    prometheusLabel(QStringLiteral("type"), kTokenTypes[type].second.toString()),
                                it.value()[type]);
            }
        }
    }
    return labelled;
}

QByteArray GatewayMetrics::render(const QList<Gauge>& gauges) const
{
    QByteArray out;
    out.reserve(4096);
    appendCounter(out,
                  "llamagate_http_requests_total",
                  "HTTP requests answered, by route, method, model and status.",
                  byLabelText(m_requests, [](const RequestLabels& labels) {
                      return QStringList{routeLabel(labels.route),
                                         prometheusLabel(QStringLiteral("method"), labels.method),
                                         prometheusLabel(QStringLiteral("model"), labels.model),
                                         prometheusLabel(QStringLiteral("status"), QString::number(labels.status))}
                          .join(u',');
                  }));

    out += "# HELP llamagate_http_request_duration_seconds Time from request to complete response, by route.\n"
           "# TYPE llamagate_http_request_duration_seconds histogram\n";
    QMap<QString, const Histogram*> latency;
    for (auto it = m_latency.begin(); it != m_latency.end(); ++it)
        latency.insert(routeLabel(it.key()), &it.value());
    for (auto it = latency.begin(); it != latency.end(); ++it) {
        const QByteArray labels = it.key().toUtf8();
        const Histogram& histogram = **it;
        for (size_t index = 0; index < kLatencyBuckets.size(); ++index) {
            out += "llamagate_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
                   number(kLatencyBuckets[index]) + "\"} " + QByteArray::number(histogram.buckets[index]) + '\n';
        }
        out += "llamagate_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
               QByteArray::number(histogram.count) + '\n';
        out += "llamagate_http_request_duration_seconds_sum{" + labels + "} " + number(histogram.sum) + '\n';
        out += "llamagate_http_request_duration_seconds_count{" + labels + "} " + QByteArray::number(histogram.count) +
               '\n';
    }

    appendCounter(out,
                  "llamagate_upstream_errors_total",
                  "Requests that failed because of Ollama (unreachable, "
                  "timeout, broken stream), by route.",
                  byLabelText(m_upstreamErrors, routeLabel));
    appendCounter(out,
                  "llamagate_rate_limited_total",
                  "Requests refused with 429, by reason.",
                  byLabelText(m_rateLimited,
                              [](const QString& reason) { return prometheusLabel(QStringLiteral("reason"), reason); }));
    appendCounter(out, "llamagate_tokens_total", "Tokens processed by Ollama, by model and type.", tokenSeries());
    appendCounter(
        out,
        "llamagate_cache_requests_total",
        "Cacheable requests, by cache result.",
        byLabelText(m_cache, [](const QString& result) { return prometheusLabel(QStringLiteral("result"), result); }));
    for (const Gauge& gauge : gauges) {
        const QByteArray name = gauge.name.toUtf8();
        out += "# HELP " + name + ' ' + gauge.help.toUtf8() + "\n# TYPE " + name + " gauge\n" + name + ' ' +
               number(gauge.value) + '\n';
    }
    return out;
}

} // namespace llamagate
