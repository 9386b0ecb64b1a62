#pragma once

#include <QFlags>
#include <QString>

#include <optional>

namespace llamagate {

/// A permission an API key holds: `inference` (models, completions, embeddings, read-only /api/*) or `admin`
/// (management endpoints, /v1/cache, /metrics, state-changing /api/*). Neither implies the other.
enum class Scope : quint8
{
    Inference = 0x1,
    Admin = 0x2,
};
Q_DECLARE_FLAGS(Scopes, Scope)
Q_DECLARE_OPERATORS_FOR_FLAGS(Scopes)

/// "inference" or "admin".
QString scopeName(Scope scope);
/// "inference,admin" → both; nullopt for an empty list or an unknown name.
std::optional<Scopes> parseScopes(const QString& commaSeparated);
/// The scopes as "inference,admin" (in that order).
QString scopesText(Scopes scopes);

/// What a route asks of its callers, stated where the route is registered: nothing, or a key with a scope (fixed,
/// or chosen by the path); and whether the rate limits count the request.
class RouteAccess
{
public:
    using ScopeOfPath = Scope (*)(const QString& path);

    /// Anyone may call it; rate limited (`GET /`).
    static RouteAccess open();
    /// Anyone may call it, and no rate limit counts it (`/health`).
    static RouteAccess unmetered();
    /// Once keys exist: a key with this scope.
    static RouteAccess needs(Scope scope);
    /// Once keys exist: a key with the scope this function picks for the path (the native passthrough).
    static RouteAccess needs(ScopeOfPath scopeOfPath);
    /// Once keys exist: any valid key (what unknown paths and methods get, so they answer 404/405 only to callers).
    static RouteAccess anyKey();

    bool needsKey() const { return m_needsKey; }
    bool rateLimited() const { return m_rateLimited; }
    /// The scope a request for this path needs; nullopt when no particular scope is needed.
    std::optional<Scope> scopeFor(const QString& path) const;

private:
    RouteAccess(bool needsKey, bool rateLimited) : m_needsKey(needsKey), m_rateLimited(rateLimited) {}

    bool m_needsKey;
    bool m_rateLimited;
    std::optional<Scope> m_scope;
    ScopeOfPath m_scopeOfPath = nullptr;
};

} // namespace llamagate
