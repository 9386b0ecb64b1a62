#pragma once

#include "gateway/json/JsonTree.h"
#include "gateway/openai/ApiError.h"

#include <QByteArray>

#include <optional>

namespace llamagate {

/// Translates the OpenAI `messages` array into native /api/chat messages: developer → system, content parts
/// merged into one message (text joined, data-URL images as bare base64), assistant tool calls with object
/// arguments, tool results named after the call they answer.
class ChatMessagesTranslator
{
public:
    /// Appends the native messages to `out` as QJsonDocument::Compact writes them; a 400 naming the field when one is
    /// wrong (`out` is then unusable).
    static std::optional<ApiError> translate(JsonRef messages, QByteArray& out);
};

} // namespace llamagate
