#include "gateway/openai/RequestFields.h"

#include "mcp/JsonTypeName.h"

#include <cmath>

namespace llamagate {

namespace {

bool fits(JsonRef value, RequestFields::Kind kind)
{
    switch (kind) {
    case RequestFields::Kind::String:
        return value.isString();
    case RequestFields::Kind::Number:
        return value.isDouble();
    case RequestFields::Kind::Integer:
        return value.isDouble() && std::trunc(value.toDouble()) == value.toDouble();
    case RequestFields::Kind::Bool:
        return value.isBool();
    case RequestFields::Kind::Object:
        return value.isObject();
    case RequestFields::Kind::Array:
        return value.isArray();
    }
    return false;
}

QString kindName(RequestFields::Kind kind)
{
    switch (kind) {
    case RequestFields::Kind::String:
        return QStringLiteral("a string");
    case RequestFields::Kind::Number:
        return QStringLiteral("a number");
    case RequestFields::Kind::Integer:
        return QStringLiteral("an integer");
    case RequestFields::Kind::Bool:
        return QStringLiteral("a boolean");
    case RequestFields::Kind::Object:
        return QStringLiteral("an object");
    case RequestFields::Kind::Array:
        return QStringLiteral("an array");
    }
    return {};
}

} // namespace

std::optional<ApiError> RequestFields::check(JsonRef value, Kind kind, QAnyStringView param)
{
    if (accepts(value, kind))
        return std::nullopt;
    return wrongType(value, kind, param.toString());
}

bool RequestFields::accepts(JsonRef value, Kind kind)
{
    return !isSet(value) || fits(value, kind);
}

Result<QString> RequestFields::model(JsonRef value)
{
    const QString param = QStringLiteral("model");
    if (!isSet(value))
        return ApiError::invalidRequest(QStringLiteral("You must provide a model parameter"), param);
    if (!value.isString())
        return wrongType(value, Kind::String, param);
    QString model = value.toString();
    if (model.isEmpty())
        return ApiError::invalidRequest(QStringLiteral("'model' must not be empty"), param);
    return model;
}

ApiError RequestFields::wrongType(JsonRef value, Kind kind, const QString& param)
{
    return ApiError::invalidRequest(QStringLiteral("Invalid type for '%1': expected %2, got %3")
                                        .arg(param, kindName(kind), mcp::jsonTypeName(QJsonValue(value.type()))),
                                    param);
}

} // namespace llamagate
