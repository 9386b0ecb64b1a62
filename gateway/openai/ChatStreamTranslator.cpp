#include "gateway/openai/ChatStreamTranslator.h"

#include "gateway/openai/ChatResponseTranslator.h"
#include "gateway/openai/NativeReplyFields.h"

#include <QJsonArray>

namespace llamagate {

ChatStreamTranslator::ChatStreamTranslator(const QString& id, const QString& model, bool includeUsage)
    : m_stream(id, QStringLiteral("chat.completion.chunk"), model, includeUsage)
{
}

QByteArray ChatStreamTranslator::deltaChunk(const QJsonObject& delta, const QJsonValue& finishReason) const
{
    return m_stream.chunk(QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                 {QStringLiteral("delta"), delta},
                                                 {QStringLiteral("logprobs"), QJsonValue::Null},
                                                 {QStringLiteral("finish_reason"), finishReason}}});
}

QByteArray ChatStreamTranslator::feed(const QJsonObject& nativeLine)
{
    if (isFinished())
        return {};
    if (const auto message = NativeReplyFields::errorMessage(nativeLine))
        return m_stream.error(*message);

    m_stream.adopt(nativeLine);
    QByteArray frames;
    if (!m_started) {
        m_started = true;
        frames += deltaChunk(
            QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QString()}});
    }

    const QJsonObject message = nativeLine.value(QStringLiteral("message")).toObject();
    const QString thinking = message.value(QStringLiteral("thinking")).toString();
    if (!thinking.isEmpty())
        frames += deltaChunk(
            QJsonObject{{QStringLiteral("reasoning"), thinking}, {QStringLiteral("reasoning_content"), thinking}});
    const QString content = message.value(QStringLiteral("content")).toString();
    if (!content.isEmpty())
        frames += deltaChunk(QJsonObject{{QStringLiteral("content"), content}});
    for (const QJsonValue& call : message.value(QStringLiteral("tool_calls")).toArray()) {
        QJsonObject toolCall = ChatResponseTranslator::toolCall(call.toObject());
        toolCall.insert(QStringLiteral("index"), m_toolCallCount++);
        frames += deltaChunk(QJsonObject{{QStringLiteral("tool_calls"), QJsonArray{toolCall}}});
    }

    if (nativeLine.value(QStringLiteral("done")).toBool()) {
        const QString finishReason = NativeReplyFields::finishReason(nativeLine, m_toolCallCount > 0);
        frames += deltaChunk(QJsonObject{}, finishReason);
        frames += m_stream.close(nativeLine);
    }
    return frames;
}

QByteArray ChatStreamTranslator::fail(const QString& message)
{
    return m_stream.error(message);
}

} // namespace llamagate
