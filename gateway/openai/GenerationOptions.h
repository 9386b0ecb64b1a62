#pragma once

#include "gateway/json/JsonTree.h"
#include "gateway/openai/ApiError.h"
#include "gateway/openai/NativeRequest.h"

#include <QLatin1StringView>

#include <initializer_list>

namespace llamagate {

/// The request fields chat and text completions share: model, stream, n, sampling options, stop, token limits,
/// response_format, reasoning effort and the native extensions (options, keep_alive, think). Mapped onto a native
/// body without messages or prompt, which the endpoint's own translator adds.
class GenerationOptions
{
public:
    /// `ownFields`: the fields the endpoint's translator reads itself (messages, prompt, …); a request with no field
    /// but these, model and stream has none of the optional ones looked up.
    static Result<NativeRequest> map(JsonRef request, std::initializer_list<QLatin1StringView> ownFields);
};

} // namespace llamagate
