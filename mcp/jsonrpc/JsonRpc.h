#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace mcp {

/// A JSON-RPC error object: a standard or MCP code, a message and optional data.
struct RpcError
{
    int code = 0;
    QString message;
    QJsonValue data;

    QJsonObject toJson() const;
    static RpcError fromJson(const QJsonObject& error);
};

namespace rpc {

inline constexpr int ParseError = -32700;
inline constexpr int InvalidRequest = -32600;
inline constexpr int MethodNotFound = -32601;
inline constexpr int InvalidParams = -32602;
inline constexpr int InternalError = -32603;
/// Produced locally: the connection closed before a response came.
inline constexpr int ConnectionClosed = -32000;
/// Produced locally: the request ran out of time and was cancelled.
inline constexpr int RequestTimeout = -32001;
/// Produced locally: the caller gave up on the request.
inline constexpr int RequestCancelled = -32800;
/// Produced locally: the transport could not deliver the request (HTTP error, unreachable server).
inline constexpr int TransportFailure = -32002;

/// What a decoded JSON-RPC message is.
enum class Kind
{
    Request,
    Notification,
    Response,
    ErrorResponse,
    Invalid
};

Kind classify(const QJsonObject& message);

QJsonObject request(const QJsonValue& id, const QString& method, const QJsonObject& params);
QJsonObject notification(const QString& method, const QJsonObject& params);
QJsonObject response(const QJsonValue& id, const QJsonObject& result);
QJsonObject errorResponse(const QJsonValue& id, const RpcError& error);

/// True if the message is a request (it carries an id and a method and so expects an answer).
bool isRequest(const QJsonObject& message);

} // namespace rpc
} // namespace mcp
