#include "gateway/access/AccessControl.h"

#include "gateway/access/KeyUsageRecorder.h"
#include "gateway/access/SettingsFileWatcher.h"
#include "gateway/config/GatewayConfig.h"
#include "gateway/http/HttpRequest.h"
#include "gateway/log/JsonLogger.h"

#include <QSet>

namespace llamagate {

namespace {

ApiError refusal(int status, const QString& message, const QString& type, const QString& code)
{
    ApiError error;
    error.status = status;
    error.message = message;
    error.type = type;
    error.code = code;
    error.shouldRetry = false;
    return error;
}

/// The key a request presents: X-API-Key first, then Authorization: Bearer.
QByteArray presentedKey(const HttpRequest& request)
{
    const QByteArray apiKey = request.header("x-api-key").trimmed();
    if (!apiKey.isEmpty())
        return apiKey;
    const QByteArray authorization = request.header("authorization").trimmed();
    constexpr QByteArrayView bearer = "bearer ";
    if (authorization.size() > bearer.size() && authorization.first(bearer.size()).toLower() == bearer)
        return authorization.sliced(bearer.size()).trimmed();
    return {};
}

} // namespace

AccessControl::AccessControl(RateLimiter::Clock clock, QObject* parent) : QObject(parent), m_limiter(std::move(clock))
{
}

AccessControl::~AccessControl() = default;

void AccessControl::configure(const GatewayConfig& config)
{
    m_keys.setEnvironmentKey(config.text(Setting::ApiKey));
    m_loopbackOnly = config.listensOnLoopbackOnly();
    m_limits = {config.number(Setting::RateLimitRps),
                int(config.integer(Setting::RateLimitBurst)),
                int(config.integer(Setting::RateLimitIpRpm))};
    m_limiter.setLimits(m_limits);
}

void AccessControl::useKeyStore(const QString& settingsFile)
{
    flushUsage();
    delete m_usage;
    delete m_watcher;
    m_store.emplace(settingsFile);
    m_usage = new KeyUsageRecorder(*m_store, KeyUsageRecorder::kDefaultIntervalMs, this);
    m_watcher = new SettingsFileWatcher(settingsFile, this);
    connect(m_watcher, &SettingsFileWatcher::changed, this, &AccessControl::reloadKeys);
    reloadKeys();
}

void AccessControl::reloadKeys()
{
    QString error;
    const std::optional<QList<ApiKeyRecord>> records = m_store->keys(&error);
    if (!records) {
        logWarning(QStringLiteral("cannot read the API keys; the ones read before stay in use"),
                   {{QStringLiteral("error"), error}});
        return;
    }
    QSet<QString> names;
    for (const ApiKeyRecord& record : *records)
        names.insert(record.name);
    m_keys.setStoredKeys(*records);
    m_limiter.retainKeys(names);
    if (!m_storedNames || names != *m_storedNames)
        logInfo(QStringLiteral("api keys loaded"), {{QStringLiteral("keys"), int(names.size())}});
    m_storedNames = names;
}

void AccessControl::flushUsage()
{
    if (m_usage)
        m_usage->flush();
}

std::optional<ApiError>
AccessControl::authorize(const HttpRequest& request, const RouteAccess& access, const KeyRing::Key*& key)
{
    const QByteArray presented = presentedKey(request);
    if (presented.isEmpty()) {
        return refusal(401,
                       QStringLiteral("Missing API key: send it in the X-API-Key header or as Authorization: Bearer "
                                      "<key>"),
                       QStringLiteral("authentication_error"),
                       QStringLiteral("invalid_api_key"));
    }
    key = m_keys.verify(presented);
    if (!key) {
        return refusal(401,
                       QStringLiteral("Invalid API key"),
                       QStringLiteral("authentication_error"),
                       QStringLiteral("invalid_api_key"));
    }
    if (!key->id.isEmpty() && m_usage)
        m_usage->record(key->id);
    const std::optional<Scope> scope = access.scopeFor(request.path);
    if (scope && !key->scopes.testFlag(*scope)) {
        return refusal(403,
                       QStringLiteral("The API key \"%1\" does not have the %2 scope that %3 %4 needs")
                           .arg(key->name, scopeName(*scope), QString::fromLatin1(request.method), request.path),
                       QStringLiteral("permission_error"),
                       QStringLiteral("insufficient_scope"));
    }
    return std::nullopt;
}

AccessControl::Decision AccessControl::admit(const HttpRequest& request, const RouteAccess& access)
{
    Decision decision;
    if (!authRequired()) {
        if (access.rateLimited())
            limit(m_limiter.admit(QString(), 0), nullptr, decision);
        return decision;
    }
    const KeyRing::Key* key = nullptr;
    if (access.needsKey())
        decision.refusal = authorize(request, access, key);
    if (key)
        decision.keyName = key->name;
    if (!access.rateLimited() || (key && decision.refusal))
        return decision; // a refused scope is not worth a token
    if (key)
        limit(m_limiter.admit(key->name, key->requestsPerMinute), key, decision);
    else
        limit(m_limiter.admitAnonymous(request.peer), nullptr, decision); // a 429 replaces a 401 when over the limit
    return decision;
}

void AccessControl::limit(const RateLimiter::Verdict& verdict, const KeyRing::Key* key, Decision& decision) const
{
    if (verdict.admitted())
        return;
    decision.rateLimit = verdict.limit;
    QString limit;
    if (verdict.limit == u"global")
        limit = QStringLiteral("the gateway's limit of %1 requests per second").arg(m_limits.globalPerSecond);
    else if (verdict.limit == u"key")
        limit = QStringLiteral("the limit of key \"%1\" (%2 requests per minute)")
                    .arg(key->name)
                    .arg(key->requestsPerMinute);
    else
        limit = QStringLiteral("the limit of %1 requests per minute for callers without an API key")
                    .arg(m_limits.perAddressPerMinute);
    decision.refusal = ApiError::rateLimited(
        QStringLiteral("Rate limit reached: %1; retry in %2 ms").arg(limit).arg(verdict.retryAfterMs),
        verdict.retryAfterMs);
}

} // namespace llamagate
