#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>
#include <utility>

namespace llamagate {

/// An error answered to a client: HTTP status plus the OpenAI error envelope fields.
struct ApiError
{
    int status = 500;
    QString message;
    QString type = QStringLiteral("api_error");
    QString param;            ///< empty means null
    QString code;             ///< empty means null
    qint64 retryAfterMs = -1; ///< >= 0 adds Retry-After and retry-after-ms headers
    bool shouldRetry = true;  ///< false adds x-should-retry: false (a retry cannot help)

    /// {"error":{"message","type","param","code"}}
    QJsonObject toJson() const;
    /// Extra response headers this error asks for (Retry-After, retry-after-ms, x-should-retry).
    QList<QPair<QByteArray, QByteArray>> headers() const;

    static ApiError invalidRequest(const QString& message, const QString& param = {}, const QString& code = {});
    static ApiError modelNotFound(const QString& model);
    static ApiError routeNotFound(const QString& method, const QString& path);
    static ApiError methodNotAllowed(const QString& method, const QString& path, const QStringList& allowed);
    static ApiError payloadTooLarge(qint64 limitBytes);
    static ApiError upstreamUnreachable(const QString& detail);
    static ApiError upstreamTimeout(qint64 timeoutMs);
    static ApiError upstreamBusy(qint64 retryAfterMs);
    static ApiError upstreamError(int status, const QString& message);
    static ApiError rateLimited(const QString& message, qint64 retryAfterMs);
    static ApiError internal(const QString& message);
};

/// A value or the ApiError explaining why there is none.
template <typename T> class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(ApiError error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    const T& value() const { return *m_value; }
    T& value() { return *m_value; }
    const ApiError& error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};

} // namespace llamagate
