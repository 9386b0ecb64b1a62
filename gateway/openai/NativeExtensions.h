#pragma once

#include "gateway/json/JsonMembers.h"
#include "gateway/json/JsonTree.h"
#include "gateway/openai/ApiError.h"

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
    static std::optional<ApiError> forward(JsonRef request, JsonMembers& body, Think think);
};

} // namespace llamagate
