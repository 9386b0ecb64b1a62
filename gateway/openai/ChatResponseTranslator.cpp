#include "gateway/openai/ChatResponseTranslator.h"

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

QJsonObject ChatResponseTranslator::translate(const QJsonObject& reply, const QString& id)
{
    const QJsonObject nativeMessage = reply.value(QStringLiteral("message")).toObject();
    QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                        {QStringLiteral("content"), nativeMessage.value(QStringLiteral("content")).toString()}};
    const QString thinking = nativeMessage.value(QStringLiteral("thinking")).toString();
    if (!thinking.isEmpty()) {
        message.insert(QStringLiteral("reasoning"), thinking);
        message.insert(QStringLiteral("reasoning_content"), thinking);
    }
    QJsonArray toolCalls;
    for (const QJsonValue& call : nativeMessage.value(QStringLiteral("tool_calls")).toArray())
        toolCalls.append(toolCall(call.toObject()));
    if (!toolCalls.isEmpty())
        message.insert(QStringLiteral("tool_calls"), toolCalls);

    const QJsonObject choice{
        {QStringLiteral("index"), 0},
        {QStringLiteral("message"), message},
        {QStringLiteral("logprobs"), QJsonValue::Null},
        {QStringLiteral("finish_reason"), NativeReplyFields::finishReason(reply, !toolCalls.isEmpty())}};
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("object"), QStringLiteral("chat.completion")},
                       {QStringLiteral("created"), NativeReplyFields::created(reply)},
                       {QStringLiteral("model"), reply.value(QStringLiteral("model")).toString()},
                       {QStringLiteral("choices"), QJsonArray{choice}},
                       {QStringLiteral("usage"), NativeReplyFields::usage(reply)}};
}

} // namespace llamagate
