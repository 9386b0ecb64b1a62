#pragma once

#include "gateway/json/JsonTree.h"

#include <QJsonObject>
#include <QString>

namespace llamagate {

/// What may be stored, and a stored OpenAI answer (AnswerJson, which renews its id and `created`) replayed as the one
/// native line from which a stream translator sends it as SSE exactly as a live stream would be sent.
class CachedAnswer
{
public:
    /// A native reply is worth storing: complete (`done`), not an error, and not a model load or unload (those have
    /// an effect on Ollama that a cached answer would skip).
    static bool isStorable(const JsonRef& nativeReply);
    /// The final native line (/api/chat shape for a chat.completion, /api/generate for a text_completion) that
    /// carries the whole answer: text, reasoning, tool calls with their ids, finish reason and token counts, from the
    /// answer's JSON (AnswerJson::renewed()).
    static QJsonObject asNativeLine(const QByteArray& answerJson);
};

} // namespace llamagate
