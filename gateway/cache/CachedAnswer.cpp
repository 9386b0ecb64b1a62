#include "gateway/cache/CachedAnswer.h"

#include "gateway/openai/NativeReplyFields.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace llamagate {

bool CachedAnswer::isStorable(const JsonRef& nativeReply)
{
    const JsonRef doneReason = nativeReply.value(QLatin1StringView("done_reason"));
    return nativeReply.value(QLatin1StringView("done")).toBool() && !NativeReplyFields::errorMessage(nativeReply) &&
           !doneReason.equals(QLatin1StringView("load")) && !doneReason.equals(QLatin1StringView("unload"));
}

QJsonObject CachedAnswer::asNativeLine(const QByteArray& answerJson)
{
    const QJsonObject answer = QJsonDocument::fromJson(answerJson).object();
    const QJsonObject choice = answer.value(QStringLiteral("choices")).toArray().first().toObject();
    const QJsonObject usage = answer.value(QStringLiteral("usage")).toObject();
    const qint64 created = answer.value(QStringLiteral("created")).toInteger();
    QJsonObject line{
        {QStringLiteral("model"), answer.value(QStringLiteral("model"))},
        {QStringLiteral("created_at"), QDateTime::fromSecsSinceEpoch(created, Qt::UTC).toString(Qt::ISODate)},
        {QStringLiteral("done"), true},
        {QStringLiteral("done_reason"),
         choice.value(QStringLiteral("finish_reason")).toString() == u"length" ? QStringLiteral("length")
                                                                               : QStringLiteral("stop")},
        {QStringLiteral("prompt_eval_count"), usage.value(QStringLiteral("prompt_tokens"))},
        {QStringLiteral("eval_count"), usage.value(QStringLiteral("completion_tokens"))}};

    if (answer.value(QStringLiteral("object")).toString() == u"text_completion") {
        line.insert(QStringLiteral("response"), choice.value(QStringLiteral("text")));
        return line;
    }
    const QJsonObject message = choice.value(QStringLiteral("message")).toObject();
    QJsonObject nativeMessage{{QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("content"), message.value(QStringLiteral("content")).toString()}};
    if (message.contains(QStringLiteral("reasoning")))
        nativeMessage.insert(QStringLiteral("thinking"), message.value(QStringLiteral("reasoning")));
    if (message.contains(QStringLiteral("tool_calls")))
        nativeMessage.insert(QStringLiteral("tool_calls"), message.value(QStringLiteral("tool_calls")));
    line.insert(QStringLiteral("message"), nativeMessage);
    return line;
}

} // namespace llamagate
