#include "gateway/log/RequestLogEntry.h"

namespace llamagate {

QJsonObject RequestLogEntry::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("msg"), QStringLiteral("request"));
    json.insert(QStringLiteral("request_id"), requestId);
    json.insert(QStringLiteral("method"), method);
    json.insert(QStringLiteral("path"), path);
    json.insert(QStringLiteral("status"), status);
    json.insert(QStringLiteral("latency_ms"), latencyMs);
    json.insert(QStringLiteral("ip"), ip);
    return json;
}

} // namespace llamagate
