#pragma once

#include "gateway/json/JsonTree.h"
#include "gateway/openai/ApiError.h"

#include <QAnyStringView>

#include <QString>

#include <concepts>
#include <optional>

namespace llamagate {

/// Type checks for fields of a client's JSON request; a wrong type becomes a 400 that names the field.
class RequestFields
{
public:
    enum class Kind
    {
        String,
        Number,
        Integer,
        Bool,
        Object,
        Array
    };

    /// True when the field is present and not null (OpenAI clients send null for "not set").
    static bool isSet(JsonRef value) { return !value.isUndefined() && !value.isNull(); }
    /// A 400 naming `param` when the value is set but not of `kind`; nothing when it is unset or fits.
    static std::optional<ApiError> check(JsonRef value, Kind kind, QAnyStringView param);
    /// The same with the param's name from `param()`, called only for the error (names built from an index).
    template <std::invocable Param> static std::optional<ApiError> check(JsonRef value, Kind kind, Param&& param)
    {
        if (accepts(value, kind))
            return std::nullopt;
        return wrongType(value, kind, param());
    }
    /// True when the value is unset or of `kind`.
    static bool accepts(JsonRef value, Kind kind);
    /// The request's `model` (`value`): a non-empty string, else a 400 with param "model".
    static Result<QString> model(JsonRef value);
    /// The 400 for a value of the wrong type: "Invalid type for 'param': expected …, got …".
    static ApiError wrongType(JsonRef value, Kind kind, const QString& param);
};

} // namespace llamagate
