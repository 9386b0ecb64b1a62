#include "gateway/openai/SseStream.h"

#include "gateway/openai/ApiError.h"
#include "gateway/openai/NativeReplyFields.h"

#include <QJsonDocument>

namespace llamagate {

SseStream::SseStream(const QString& id, const QString& object, const QString& model, bool includeUsage)
    : m_id(id), m_object(object), m_model(model), m_includeUsage(includeUsage)
{
}

void SseStream::adopt(const QJsonObject& nativeLine)
{
    if (m_adopted)
        return;
    m_adopted = true;
    m_created = NativeReplyFields::created(nativeLine);
    const QString model = nativeLine.value(QStringLiteral("model")).toString();
    if (!model.isEmpty())
        m_model = model;
}

QJsonObject SseStream::envelope(const QJsonArray& choices) const
{
    return QJsonObject{{QStringLiteral("id"), m_id},
                       {QStringLiteral("object"), m_object},
                       {QStringLiteral("created"), m_created},
                       {QStringLiteral("model"), m_model},
                       {QStringLiteral("choices"), choices}};
}

QByteArray SseStream::chunk(const QJsonArray& choices) const
{
    return frame(envelope(choices));
}

QByteArray SseStream::close(const QJsonObject& nativeDone)
{
    QByteArray frames;
    if (m_includeUsage) {
        QJsonObject usageChunk = envelope({});
        usageChunk.insert(QStringLiteral("usage"), NativeReplyFields::usage(nativeDone));
        frames += frame(usageChunk);
    }
    frames += QByteArrayLiteral("data: [DONE]\n\n");
    m_finished = true;
    return frames;
}

QByteArray SseStream::error(const QString& message)
{
    if (m_finished)
        return {};
    ApiError error;
    error.message = message;
    m_finished = true;
    return frame(error.toJson());
}

QByteArray SseStream::frame(const QJsonObject& json)
{
    return QByteArrayLiteral("data: ") + QJsonDocument(json).toJson(QJsonDocument::Compact) + QByteArrayLiteral("\n\n");
}

} // namespace llamagate
