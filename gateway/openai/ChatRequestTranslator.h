#pragma once

#include "gateway/json/JsonTree.h"
#include "gateway/openai/ApiError.h"
#include "gateway/openai/NativeRequest.h"

namespace llamagate {

/// Translates an OpenAI `POST /v1/chat/completions` body into the native `POST /api/chat` body
/// (messages, content parts, tool calls and results, tools and tool_choice, plus the shared GenerationOptions).
class ChatRequestTranslator
{
public:
    /// `body`: the client's JSON body (an object).
    static Result<NativeRequest> translate(const JsonTree& body);
};

} // namespace llamagate
