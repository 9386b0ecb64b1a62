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

AnswerJson ChatResponseTranslator::translate(const QJsonObject& reply, const QString& id)
{
    const QJsonObject nativeMessage = reply.value(QLatin1StringView("message")).toObject();
    const QString content = nativeMessage.value(QLatin1StringView("content")).toString();
    const QString thinking = nativeMessage.value(QLatin1StringView("thinking")).toString();
    QJsonArray toolCalls;
    for (const QJsonValue& call : nativeMessage.value(QLatin1StringView("tool_calls")).toArray())
        toolCalls.append(toolCall(call.toObject()));

    // The members in key order, as QJsonDocument writes an object.
    QByteArray json;
    json.reserve(320 + content.size() + 2 * thinking.size()); // exact for ASCII text, bar the numbers
    json += "{\"choices\":[{\"finish_reason\":";
    CompactJson::appendString(json, NativeReplyFields::finishReason(reply, !toolCalls.isEmpty()));
    json += ",\"index\":0,\"logprobs\":null,\"message\":{\"content\":";
    CompactJson::appendString(json, content);
    if (!thinking.isEmpty()) {
        json += ",\"reasoning\":";
        CompactJson::appendString(json, thinking);
        json += ",\"reasoning_content\":";
        CompactJson::appendString(json, thinking);
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
