#include "mcp/jsonrpc/JsonRpc.h"

namespace mcp {

QJsonObject RpcError::toJson() const
{
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!data.isUndefined() && !data.isNull())
        error.insert(QStringLiteral("data"), data);
    return error;
}

RpcError RpcError::fromJson(const QJsonObject& error)
{
    return {error.value(QStringLiteral("code")).toInt(rpc::InternalError),
            error.value(QStringLiteral("message")).toString(),
            error.value(QStringLiteral("data"))};
}

namespace rpc {

namespace {

QJsonObject envelope()
{
    return {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}};
}

bool isValidId(const QJsonValue& id)
{
    return id.isString() || id.isDouble();
}

} // namespace

Kind classify(const QJsonObject& message)
{
    const QJsonValue method = message.value(QStringLiteral("method"));
    const QJsonValue id = message.value(QStringLiteral("id"));
    if (method.isString()) {
        if (!message.contains(QStringLiteral("id")))
            return Kind::Notification;
        return isValidId(id) ? Kind::Request : Kind::Invalid;
    }
    if (!isValidId(id))
        return Kind::Invalid;
    if (message.value(QStringLiteral("error")).isObject())
        return Kind::ErrorResponse;
    if (message.contains(QStringLiteral("result")))
        return Kind::Response;
    return Kind::Invalid;
}

QJsonObject request(const QJsonValue& id, const QString& method, const QJsonObject& params)
{
    QJsonObject message = notification(method, params);
    message.insert(QStringLiteral("id"), id);
    return message;
}

QJsonObject notification(const QString& method, const QJsonObject& params)
{
    QJsonObject message = envelope();
    message.insert(QStringLiteral("method"), method);
    if (!params.isEmpty())
        message.insert(QStringLiteral("params"), params);
    return message;
}

QJsonObject response(const QJsonValue& id, const QJsonObject& result)
{
    QJsonObject message = envelope();
    message.insert(QStringLiteral("id"), id);
    message.insert(QStringLiteral("result"), result);
    return message;
}

QJsonObject errorResponse(const QJsonValue& id, const RpcError& error)
{
    QJsonObject message = envelope();
    message.insert(QStringLiteral("id"), id);
    message.insert(QStringLiteral("error"), error.toJson());
    return message;
}

bool isRequest(const QJsonObject& message)
{
    return classify(message) == Kind::Request;
}

} // namespace rpc
} // namespace mcp
