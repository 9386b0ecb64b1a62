#include "gateway/access/Scope.h"

#include <QStringList>

#include <algorithm>
#include <iterator>

namespace llamagate {

namespace {

constexpr Scope kAllScopes[] = {Scope::Inference, Scope::Admin};

} // namespace

QString scopeName(Scope scope)
{
    return scope == Scope::Admin ? QStringLiteral("admin") : QStringLiteral("inference");
}

std::optional<Scopes> parseScopes(const QString& commaSeparated)
{
    Scopes scopes;
    for (const QString& part : commaSeparated.split(u',')) {
        const QString name = part.trimmed().toLower();
        const auto* known = std::find_if(
            std::begin(kAllScopes), std::end(kAllScopes), [&name](Scope scope) { return scopeName(scope) == name; });
        if (known == std::end(kAllScopes))
            return std::nullopt;
        scopes |= *known;
    }
    return scopes;
}

QString scopesText(Scopes scopes)
{
    QStringList names;
    for (const Scope scope : kAllScopes) {
        if (scopes.testFlag(scope))
            names.append(scopeName(scope));
    }
    return names.join(u',');
}

RouteAccess RouteAccess::open()
{
    return RouteAccess(false, true);
}

RouteAccess RouteAccess::unmetered()
{
    return RouteAccess(false, false);
}

RouteAccess RouteAccess::needs(Scope scope)
{
    RouteAccess access(true, true);
    access.m_scope = scope;
    return access;
}

RouteAccess RouteAccess::needs(ScopeOfPath scopeOfPath)
{
    RouteAccess access(true, true);
    access.m_scopeOfPath = scopeOfPath;
    return access;
}

RouteAccess RouteAccess::anyKey()
{
    return RouteAccess(true, true);
}

std::optional<Scope> RouteAccess::scopeFor(const QString& path) const
{
    if (m_scopeOfPath)
        return m_scopeOfPath(path);
    return m_scope;
}

} // namespace llamagate
