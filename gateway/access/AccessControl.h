#pragma once

#include "gateway/access/KeyRing.h"
#include "gateway/access/KeyStore.h"
#include "gateway/access/RateLimiter.h"
#include "gateway/access/Scope.h"
#include "gateway/openai/ApiError.h"

#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

namespace llamagate {

class GatewayConfig;
class KeyUsageRecorder;
class SettingsFileWatcher;
struct HttpRequest;

/// The access step of the request path: who is calling (the key from X-API-Key, else Authorization: Bearer), may
/// they call this route (its scope), and may they call now (the rate limits, see RateLimiter). Keys come from the key
/// store, reloaded when its file changes, plus the API_KEY setting; with no key at all auth is off — unless the
/// gateway listens beyond loopback, where every route that needs a key is refused instead.
class AccessControl : public QObject
{
    Q_OBJECT
public:
    /// The answer for one request.
    struct Decision
    {
        std::optional<ApiError> refusal; ///< 401, 403 or 429 to answer instead of the route
        QString keyName;                 ///< the accepted key, for the log line
        QString rateLimit;               ///< the limit that refused it ("global", "key", "ip")
    };

    explicit AccessControl(RateLimiter::Clock clock = RateLimiter::monotonicClock(), QObject* parent = nullptr);
    ~AccessControl() override;

    /// The API_KEY setting, the rate limits and the listen address.
    void configure(const GatewayConfig& config);
    /// Reads keys from this settings file from now on, and again whenever it changes; last-used times go there too.
    void useKeyStore(const QString& settingsFile);
    /// Reads the key store again (what a change of its file triggers).
    void reloadKeys();
    /// Saves pending last-used times now.
    void flushUsage();

    Decision admit(const HttpRequest& request, const RouteAccess& access);

    /// Whether a key is needed for routes that ask for one.
    bool authRequired() const { return !m_keys.isEmpty() || !m_loopbackOnly; }

private:
    std::optional<ApiError> authorize(const HttpRequest& request, const RouteAccess& access, const KeyRing::Key*& key);
    /// Turns a refusal of the rate limiter into a 429 naming the limit.
    void limit(const RateLimiter::Verdict& verdict, const KeyRing::Key* key, Decision& decision) const;

    KeyRing m_keys;
    RateLimiter m_limiter;
    RateLimiter::Limits m_limits;
    std::optional<KeyStore> m_store;
    KeyUsageRecorder* m_usage = nullptr;
    SettingsFileWatcher* m_watcher = nullptr;
    std::optional<QSet<QString>> m_storedNames; ///< of the last read, to log changes only
    bool m_loopbackOnly = true;
};

} // namespace llamagate
