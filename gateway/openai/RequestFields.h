#pragma once

#include "gateway/openai/ApiError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

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
    static bool isSet(const QJsonValue& value) { return !value.isUndefined() && !value.isNull(); }
    /// A 400 naming `param` when the value is set but not of `kind`; nothing when it is unset or fits.
    static std::optional<ApiError> check(const QJsonValue& value, Kind kind, const QString& param);
    /// The request's `model`: a non-empty string, else a 400 with param "model".
    static Result<QString> model(const QJsonObject& request);
    /// The 400 for a value of the wrong type: "Invalid type for 'param': expected …, got …".
    static ApiError wrongType(const QJsonValue& value, Kind kind, const QString& param);
};

} // namespace llamagate
