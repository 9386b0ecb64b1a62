#include "gateway/http/CorsPolicy.h"

namespace llamagate {

namespace {

/// What browser clients may read from an answer besides the CORS-safelisted headers.
const QByteArray kExposedHeaders =
    QByteArrayLiteral("X-Request-ID, X-Cache, Retry-After, retry-after-ms, X-LlamaGate-Tool-Calls");
const QByteArray kAllowedMethods = QByteArrayLiteral("GET, POST, PUT, DELETE, OPTIONS");
/// Headers the OpenAI browser clients send, for preflights that do not list their own.
const QByteArray kDefaultAllowedHeaders = QByteArrayLiteral(
    "Authorization, Content-Type, OpenAI-Beta, OpenAI-Organization, OpenAI-Project, X-API-Key, X-Request-ID");

} // namespace

CorsPolicy::CorsPolicy(QStringList allowedOrigins) : m_allowedOrigins(std::move(allowedOrigins))
{
    for (QString& origin : m_allowedOrigins) {
        while (origin.endsWith(u'/'))
            origin.chop(1);
    }
}

bool CorsPolicy::allows(const QByteArray& origin) const
{
    if (origin.isEmpty() || !enabled())
        return false;
    return m_allowedOrigins.contains(QStringLiteral("*")) ||
           m_allowedOrigins.contains(QString::fromUtf8(origin), Qt::CaseInsensitive);
}

HttpHeaders CorsPolicy::responseHeaders(const QByteArray& origin) const
{
    if (!allows(origin))
        return {};
    return {{QByteArrayLiteral("Access-Control-Allow-Origin"), origin},
            {QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin")},
            {QByteArrayLiteral("Access-Control-Expose-Headers"), kExposedHeaders}};
}

std::optional<CorsPolicy::Preflight> CorsPolicy::preflight(const HttpRequest& request) const
{
    const QByteArray origin = request.header("origin");
    if (!enabled() || request.method != "OPTIONS" || origin.isEmpty() ||
        request.header("access-control-request-method").isEmpty())
        return std::nullopt;
    if (!allows(origin))
        return Preflight{403, {}};
    // The requested headers are echoed: the SDKs add their own (x-stainless-*) and a wildcard would not cover
    // Authorization.
    const QByteArray requested = request.header("access-control-request-headers");
    Preflight answer;
    answer.headers = responseHeaders(origin);
    answer.headers.append({QByteArrayLiteral("Access-Control-Allow-Methods"), kAllowedMethods});
    answer.headers.append(
        {QByteArrayLiteral("Access-Control-Allow-Headers"), requested.isEmpty() ? kDefaultAllowedHeaders : requested});
    answer.headers.append({QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("600")});
    return answer;
}

} // namespace llamagate
