#pragma once

#include "gateway/openai/ApiError.h"

#include <QJsonArray>
#include <QJsonValue>

namespace llamagate {

/// Translates the OpenAI `messages` array into native /api/chat messages: developer → system, content parts
/// merged into one message (text joined, data-URL images as bare base64), assistant tool calls with object
/// arguments, tool results named after the call they answer.
class ChatMessagesTranslator
{
public:
    static Result<QJsonArray> translate(const QJsonValue& messages);
};

} // namespace llamagate
