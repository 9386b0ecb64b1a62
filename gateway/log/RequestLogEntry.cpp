#include "gateway/log/RequestLogEntry.h"

namespace llamagate {

std::array<std::pair<QStringView, QJsonValue>, 6> RequestLogEntry::namedFields() const
{
    return {{{u"ip", ip},
             {u"latency_ms", latencyMs},
             {u"method", method},
             {u"path", path},
             {u"request_id", requestId},
             {u"status", status}}};
}

QJsonObject RequestLogEntry::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("msg"), QStringLiteral("request"));
    for (const auto& [name, value] : namedFields())
        json.insert(name, value);
    return json;
}

} // namespace llamagate
