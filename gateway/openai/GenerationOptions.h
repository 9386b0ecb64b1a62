#pragma once

#include "gateway/openai/ApiError.h"
#include "gateway/openai/NativeRequest.h"

#include <QJsonObject>

namespace llamagate {

/// The request fields chat and text completions share: model, stream, n, sampling options, stop, token limits,
/// response_format, reasoning effort and the native extensions (options, keep_alive, think). Mapped onto a native
/// body without messages or prompt, which the endpoint's own translator adds.
class GenerationOptions
{
public:
    static Result<NativeRequest> map(const QJsonObject& request);
};

} // namespace llamagate
