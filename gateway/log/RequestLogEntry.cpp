#include "gateway/log/RequestLogEntry.h"

#include <type_traits>

namespace llamagate {

LogFields RequestLogEntry::lineFields() const
{
    LogFields fields = extra;
    for (const LogField& field : ownFields()) {
        std::visit(
            [&fields, &field](auto value) {
                if constexpr (std::is_same_v<decltype(value), QStringView>)
                    fields.insert(field.name.toString(), value.toString());
                else
                    fields.insert(field.name.toString(), value);
            },
            field.value);
    }
    return fields;
}

std::array<LogField, 6> RequestLogEntry::ownFields() const
{
    return {{{u"ip", ip},
             {u"latency_ms", latencyMs},
             {u"method", method},
             {u"path", path},
             {u"request_id", requestId},
             {u"status", qint64(status)}}};
}

QJsonObject RequestLogEntry::toJson() const
{
    QJsonObject json = lineFields().toJsonObject();
    json.insert(QStringLiteral("msg"), QStringLiteral("request"));
    return json;
}

} // namespace llamagate
