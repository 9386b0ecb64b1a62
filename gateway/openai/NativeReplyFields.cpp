#include "gateway/openai/NativeReplyFields.h"

#include <QDateTime>

namespace llamagate {

qint64 NativeReplyFields::unixSeconds(const QJsonValue& timestamp, qint64 fallback)
{
    const QDateTime time = QDateTime::fromString(timestamp.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toSecsSinceEpoch() : fallback;
}

qint64 NativeReplyFields::created(const QJsonObject& reply)
{
    return unixSeconds(reply.value(QStringLiteral("created_at")), QDateTime::currentSecsSinceEpoch());
}

QJsonObject NativeReplyFields::usage(const QJsonObject& reply)
{
    const qint64 prompt = reply.value(QStringLiteral("prompt_eval_count")).toInteger();
    const qint64 completion = reply.value(QStringLiteral("eval_count")).toInteger();
    return QJsonObject{{QStringLiteral("prompt_tokens"), prompt},
                       {QStringLiteral("completion_tokens"), completion},
                       {QStringLiteral("total_tokens"), prompt + completion}};
}

QString NativeReplyFields::finishReason(const QJsonObject& reply, bool hadToolCalls)
{
    if (reply.value(QStringLiteral("done_reason")).toString() == u"length")
        return QStringLiteral("length");
    return hadToolCalls ? QStringLiteral("tool_calls") : QStringLiteral("stop");
}

std::optional<QString> NativeReplyFields::errorMessage(const QJsonObject& reply)
{
    const QJsonValue error = reply.value(QStringLiteral("error"));
    if (error.isUndefined())
        return std::nullopt;
    if (error.isString())
        return error.toString();
    const QString nested = error.toObject().value(QStringLiteral("message")).toString();
    return nested.isEmpty() ? QStringLiteral("Ollama reported an error") : nested;
}

} // namespace llamagate
