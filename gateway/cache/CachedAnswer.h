#pragma once

#include <QJsonObject>
#include <QString>

namespace llamagate {

/// What may be stored, and a stored OpenAI answer served again: with a new id and `created`, whole, or as the one
/// native line from which a stream translator replays it as SSE exactly as a live stream would be sent.
class CachedAnswer
{
public:
    /// A native reply is worth storing: complete (`done`), not an error, and not a model load or unload (those have
    /// an effect on Ollama that a cached answer would skip).
    static bool isStorable(const QJsonObject& nativeReply);
    /// A copy with this id and `created` (answers without them, embeddings, stay as they are).
    static QJsonObject renewed(const QJsonObject& answer, const QString& id, qint64 created);
    /// The final native line (/api/chat shape for a chat.completion, /api/generate for a text_completion) that
    /// carries the whole answer: text, reasoning, tool calls with their ids, finish reason and token counts.
    static QJsonObject asNativeLine(const QJsonObject& answer);
};

} // namespace llamagate
