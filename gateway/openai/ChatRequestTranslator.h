#pragma once

#include "gateway/openai/ApiError.h"
#include "gateway/openai/NativeRequest.h"

#include <QJsonObject>

namespace llamagate {

/// Translates an OpenAI `POST /v1/chat/completions` body into the native `POST /api/chat` body
/// (messages, content parts, tool calls and results, tools and tool_choice, plus the shared GenerationOptions).
class ChatRequestTranslator
{
public:
    static Result<NativeRequest> translate(const QJsonObject& request);
};

} // namespace llamagate
