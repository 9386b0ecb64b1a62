#include "gateway/openai/ApiError.h"

#include <QJsonValue>
#include <QStringList>

namespace llamagate {

namespace {

QJsonValue nullable(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

ApiError make(int status, const QString& message, const QString& type, const QString& code = {})
{
    ApiError error;
    error.status = status;
    error.message = message;
    error.type = type;
    error.code = code;
    return error;
}

} // namespace

QJsonObject ApiError::toJson() const
{
    return QJsonObject{{QStringLiteral("error"),
                        QJsonObject{{QStringLiteral("message"), message},
                                    {QStringLiteral("type"), type},
                                    {QStringLiteral("param"), nullable(param)},
                                    {QStringLiteral("code"), nullable(code)}}}};
}

QList<QPair<QByteArray, QByteArray>> ApiError::headers() const
{
    QList<QPair<QByteArray, QByteArray>> result;
    if (retryAfterMs >= 0) {
        const qint64 seconds = (retryAfterMs + 999) / 1000;
        result.append({QByteArrayLiteral("Retry-After"), QByteArray::number(qMax<qint64>(1, seconds))});
        result.append({QByteArrayLiteral("retry-after-ms"), QByteArray::number(retryAfterMs)});
    }
    if (!shouldRetry)
        result.append({QByteArrayLiteral("x-should-retry"), QByteArrayLiteral("false")});
    return result;
}

ApiError ApiError::invalidRequest(const QString& message, const QString& param, const QString& code)
{
    ApiError error = make(400, message, QStringLiteral("invalid_request_error"), code);
    error.param = param;
    return error;
}

ApiError ApiError::modelNotFound(const QString& model)
{
    ApiError error = make(404,
                          QStringLiteral("The model '%1' does not exist").arg(model),
                          QStringLiteral("invalid_request_error"),
                          QStringLiteral("model_not_found"));
    error.param = QStringLiteral("model");
    return error;
}

ApiError ApiError::routeNotFound(const QString& method, const QString& path)
{
    return make(404,
                QStringLiteral("Unknown request URL: %1 %2").arg(method, path),
                QStringLiteral("invalid_request_error"),
                QStringLiteral("unknown_url"));
}

ApiError ApiError::methodNotAllowed(const QString& method, const QString& path, const QStringList& allowed)
{
    return make(405,
                QStringLiteral("Method %1 is not allowed for %2; allowed: %3").arg(method, path, allowed.join(u", ")),
                QStringLiteral("invalid_request_error"),
                QStringLiteral("method_not_allowed"));
}

ApiError ApiError::payloadTooLarge(qint64 limitBytes)
{
    return make(413,
                QStringLiteral("Request body is larger than the limit of %1 bytes").arg(limitBytes),
                QStringLiteral("invalid_request_error"),
                QStringLiteral("request_too_large"));
}

ApiError ApiError::upstreamUnreachable(const QString& detail)
{
    ApiError error = make(502,
                          QStringLiteral("Ollama is unreachable: %1").arg(detail),
                          QStringLiteral("api_error"),
                          QStringLiteral("upstream_unreachable"));
    return error;
}

ApiError ApiError::upstreamTimeout(qint64 timeoutMs)
{
    return make(504,
                QStringLiteral("Ollama did not answer within %1 ms").arg(timeoutMs),
                QStringLiteral("api_error"),
                QStringLiteral("upstream_timeout"));
}

ApiError ApiError::upstreamBusy(qint64 retryAfterMs)
{
    ApiError error = make(503,
                          QStringLiteral("Ollama is busy; try again later"),
                          QStringLiteral("api_error"),
                          QStringLiteral("upstream_busy"));
    error.retryAfterMs = retryAfterMs;
    return error;
}

ApiError ApiError::upstreamError(int status, const QString& message)
{
    return make(status, message, status >= 500 ? QStringLiteral("api_error") : QStringLiteral("invalid_request_error"));
}

ApiError ApiError::rateLimited(const QString& message, qint64 retryAfterMs)
{
    ApiError error = make(429, message, QStringLiteral("rate_limit_error"), QStringLiteral("rate_limit_exceeded"));
    error.retryAfterMs = retryAfterMs;
    return error;
}

ApiError ApiError::internal(const QString& message)
{
    return make(500, message, QStringLiteral("api_error"), QStringLiteral("internal_error"));
}

} // namespace llamagate
