#pragma once

#include "gateway/openai/ApiError.h"

#include <QJsonObject>

#include <optional>

namespace llamagate {

/// Native request fields OpenAI has no name for, which clients may put in an OpenAI body and LlamaGate forwards
/// unchanged: `options` (num_ctx, …), `keep_alive`, and for generation `think`.
class NativeExtensions
{
public:
    enum class Think
    {
        Forward,
        Drop
    };

    /// Copies the set extension fields into `body`; a 400 naming the field when one has the wrong type.
    static std::optional<ApiError> forward(const QJsonObject& request, QJsonObject& body, Think think);
};

} // namespace llamagate
