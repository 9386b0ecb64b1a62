#pragma once

#include "gateway/openai/AnswerJson.h"

#include <QJsonObject>
#include <QString>

namespace llamagate {

/// Translates a native non-streaming /api/chat reply into an OpenAI `chat.completion` answer.
class ChatResponseTranslator
{
public:
    /// `id` is the response id the caller made (ResponseIds::chatCompletion()).
    static AnswerJson translate(const JsonRef& reply, const QString& id);
    /// One native tool call as {id, type:"function", function:{name, arguments:"<compact JSON>"}};
    /// a `call_…` id is generated when Ollama sent none.
    static QJsonObject toolCall(const QJsonObject& nativeCall);
};

} // namespace llamagate
