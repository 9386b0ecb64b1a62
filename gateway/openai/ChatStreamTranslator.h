#pragma once

#include "gateway/openai/SseStream.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace llamagate {

/// Turns the native /api/chat NDJSON lines of one answer into OpenAI `chat.completion.chunk` SSE frames, one
/// line at a time: the role chunk first, reasoning before content, each tool call whole with a running index,
/// the finish chunk, the usage chunk when asked for, then [DONE]. A native error line ends the stream with an
/// SSE error frame.
class ChatStreamTranslator
{
public:
    /// `id` from ResponseIds::chatCompletion(); `model` is the requested one (the native lines' model wins).
    ChatStreamTranslator(const QString& id, const QString& model, bool includeUsage);

    /// The frames to send for one native line (empty once finished).
    QByteArray feed(const QJsonObject& nativeLine);
    /// The error frame for a failure the caller saw (connection lost, invalid line, stream ended without done);
    /// ends the stream. Empty when already finished.
    QByteArray fail(const QString& message);
    /// [DONE] or an error frame has been produced: nothing more may be sent.
    bool isFinished() const { return m_stream.isFinished(); }

private:
    QByteArray deltaChunk(const QJsonObject& delta, const QJsonValue& finishReason = QJsonValue::Null) const;

    SseStream m_stream;
    bool m_started = false;
    int m_toolCallCount = 0;
};

} // namespace llamagate
