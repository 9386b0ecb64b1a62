#include "gateway/metrics/GatewayMetrics.h"

namespace llamagate {

namespace {

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
    const QString routeLabel =
        prometheusLabel(QStringLiteral("route"), route.isEmpty() ? QStringLiteral("unmatched") : route);
    const QString model = entry.extra.value(QStringLiteral("model")).toString();
    const QString modelLabel = prometheusLabel(QStringLiteral("model"), model);
    ++m_requests[QStringList{routeLabel,
                             prometheusLabel(QStringLiteral("method"), entry.method),
                             modelLabel,
                             prometheusLabel(QStringLiteral("status"), QString::number(entry.status))}
                     .join(u',')];

    Histogram& histogram = m_latency[routeLabel];
    const double seconds = double(entry.latencyMs) / 1000.0;
    for (size_t index = 0; index < kLatencyBuckets.size(); ++index) {
        if (seconds <= kLatencyBuckets[index])
            ++histogram.buckets[index];
    }
    ++histogram.count;
    histogram.sum += seconds;

    if (entry.extra.contains(QStringLiteral("upstream_error")))
        ++m_upstreamErrors[routeLabel];
    if (entry.status == 429) {
        const QString reason =
            entry.extra.contains(QStringLiteral("queue")) ? QStringLiteral("queue_full") : QStringLiteral("rate_limit");
        ++m_rateLimited[prometheusLabel(QStringLiteral("reason"), reason)];
    }
    for (const auto& [field, type] : {std::pair{QStringLiteral("prompt_tokens"), QStringLiteral("prompt")},
                                      std::pair{QStringLiteral("completion_tokens"), QStringLiteral("completion")}}) {
        const qint64 tokens = entry.extra.value(field).toInteger();
        if (tokens > 0)
            m_tokens[modelLabel + u',' + prometheusLabel(QStringLiteral("type"), type)] += quint64(tokens);
    }
    const QString cache = entry.extra.value(QStringLiteral("cache")).toString().toLower();
    if (!cache.isEmpty())
        ++m_cache[prometheusLabel(QStringLiteral("result"), cache)];
}

QByteArray GatewayMetrics::render(const QList<Gauge>& gauges) const
{
    QByteArray out;
    out.reserve(4096);
    appendCounter(out,
                  "llamagate_http_requests_total",
                  "HTTP requests answered, by route, method, model and status.",
                  m_requests);

    out += "# HELP llamagate_http_request_duration_seconds Time from request to complete response, by route.\n"
           "# TYPE llamagate_http_request_duration_seconds histogram\n";
    for (auto it = m_latency.begin(); it != m_latency.end(); ++it) {
        const QByteArray labels = it.key().toUtf8();
        for (size_t index = 0; index < kLatencyBuckets.size(); ++index) {
            out += "llamagate_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
                   number(kLatencyBuckets[index]) + "\"} " + QByteArray::number(it->buckets[index]) + '\n';
        }
        out += "llamagate_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
               QByteArray::number(it->count) + '\n';
        out += "llamagate_http_request_duration_seconds_sum{" + labels + "} " + number(it->sum) + '\n';
        out += "llamagate_http_request_duration_seconds_count{" + labels + "} " + QByteArray::number(it->count) + '\n';
    }

    appendCounter(out,
                  "llamagate_upstream_errors_total",
                  "Requests that failed because of Ollama (unreachable, "
                  "timeout, broken stream), by route.",
                  m_upstreamErrors);
    appendCounter(out, "llamagate_rate_limited_total", "Requests refused with 429, by reason.", m_rateLimited);
    appendCounter(out, "llamagate_tokens_total", "Tokens processed by Ollama, by model and type.", m_tokens);
    appendCounter(out, "llamagate_cache_requests_total", "Cacheable requests, by cache result.", m_cache);
    for (const Gauge& gauge : gauges) {
        const QByteArray name = gauge.name.toUtf8();
        out += "# HELP " + name + ' ' + gauge.help.toUtf8() + "\n# TYPE " + name + " gauge\n" + name + ' ' +
               number(gauge.value) + '\n';
    }
    return out;
}

} // namespace llamagate
