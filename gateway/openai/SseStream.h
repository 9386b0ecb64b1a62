#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace llamagate {

/// The envelope of one OpenAI SSE answer: the id, created and model every chunk shares, `data: …` framing, the
/// closing usage chunk and [DONE], the error frame, and whether the stream has ended.
class SseStream
{
public:
    /// `object` is the chunk type ("chat.completion.chunk", "text_completion"); `model` is used until a native
    /// line names one.
    SseStream(const QString& id, const QString& object, const QString& model, bool includeUsage);

    /// Takes created and model from the first native line; later calls do nothing.
    void adopt(const QJsonObject& nativeLine);
    /// One `data: {id, object, created, model, choices}` frame.
    QByteArray chunk(const QJsonArray& choices) const;
    /// The usage chunk (when asked for) and `data: [DONE]`; the stream is finished afterwards.
    QByteArray close(const QJsonObject& nativeDone);
    /// `data: {"error":{"message","type":"api_error","param":null,"code":null}}`; the stream is finished afterwards;
    /// empty when it already was.
    QByteArray error(const QString& message);
    bool isFinished() const { return m_finished; }

    /// `data: <compact json>\n\n`
    static QByteArray frame(const QJsonObject& json);

private:
    QJsonObject envelope(const QJsonArray& choices) const;

    QString m_id;
    QString m_object;
    QString m_model;
    qint64 m_created = 0;
    bool m_includeUsage;
    bool m_adopted = false;
    bool m_finished = false;
};

} // namespace llamagate
