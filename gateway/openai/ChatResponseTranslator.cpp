#include "gateway/openai/ChatResponseTranslator.h"

#include "gateway/json/CompactJson.h"
#include "gateway/openai/NativeReplyFields.h"
#include "gateway/openai/ResponseIds.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace llamagate {

namespace {

QString compactArguments(const QJsonValue& arguments)
{
    if (arguments.isString())
        return arguments.toString();
    if (arguments.isArray())
        return QString::fromUtf8(QJsonDocument(arguments.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

QJsonObject ChatResponseTranslator::toolCall(const QJsonObject& nativeCall)
{
    const QJsonObject function = nativeCall.value(QStringLiteral("function")).toObject();
    const QString nativeId = nativeCall.value(QStringLiteral("id")).toString();
    return QJsonObject{
        {QStringLiteral("id"), nativeId.isEmpty() ? ResponseIds::toolCall() : nativeId},
        {QStringLiteral("type"), QStringLiteral("function")},
        {QStringLiteral("function"),
         QJsonObject{{QStringLiteral("name"), function.value(QStringLiteral("name")).toString()},
                     {QStringLiteral("arguments"), compactArguments(function.value(QStringLiteral("arguments")))}}}};
}

AnswerJson ChatResponseTranslator::translate(const JsonRef& reply, const QString& id)
{
    const JsonRef nativeMessage = reply.value(QLatin1StringView("message"));
    const JsonRef content = nativeMessage.value(QLatin1StringView("content"));
    const JsonRef thinking = nativeMessage.value(QLatin1StringView("thinking"));
    const bool hasThinking = thinking.isString() && thinking.source().size() > 2; // more than ""
    QJsonArray toolCalls;
    for (const JsonRef call : nativeMessage.value(QLatin1StringView("tool_calls")).toArray())
        toolCalls.append(toolCall(call.toJsonValue().toObject()));

    // The members in key order, as QJsonDocument writes an object.
    QByteArray json;
    json.reserve(320 + content.source().size() + 2 * thinking.source().size()); // exact for ASCII, bar the numbers
    json += "{\"choices\":[{\"finish_reason\":";
    CompactJson::appendString(json, NativeReplyFields::finishReason(reply, !toolCalls.isEmpty()));
    json += ",\"index\":0,\"logprobs\":null,\"message\":{\"content\":";
    content.appendCompactString(json);
    if (hasThinking) {
        json += ",\"reasoning\":";
        thinking.appendCompact(json);
        json += ",\"reasoning_content\":";
        thinking.appendCompact(json);
    }
    json += ",\"role\":\"assistant\"";
    if (!toolCalls.isEmpty()) {
        json += ",\"tool_calls\":";
        CompactJson::appendValue(json, toolCalls);
    }
    json += "}}]";
    return AnswerJson::completion(std::move(json), reply, id, QLatin1StringView("chat.completion"));
}

} // namespace llamagate
