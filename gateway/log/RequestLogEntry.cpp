#include "gateway/log/RequestLogEntry.h"

namespace llamagate {

LogFields RequestLogEntry::lineFields() const
{
    LogFields fields = extra;
    fields.insert(QStringLiteral("ip"), ip);
    fields.insert(QStringLiteral("latency_ms"), latencyMs);
    fields.insert(QStringLiteral("method"), method);
    fields.insert(QStringLiteral("path"), path);
    fields.insert(QStringLiteral("request_id"), requestId);
    fields.insert(QStringLiteral("status"), status);
    return fields;
}

QJsonObject RequestLogEntry::toJson() const
{
    QJsonObject json = lineFields().toJsonObject();
    json.insert(QStringLiteral("msg"), QStringLiteral("request"));
    return json;
}

} // namespace llamagate
