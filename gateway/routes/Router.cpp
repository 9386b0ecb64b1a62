#include "gateway/routes/Router.h"

namespace llamagate {

void Router::add(const QByteArray& method, const QString& pattern, RouteAccess access, Handler handler)
{
    const bool prefix = pattern.endsWith(u'*');
    m_routes.append({method, prefix ? pattern.chopped(1) : pattern, prefix, access, std::move(handler)});
}

Router::Match Router::match(const QByteArray& method, const QString& path) const
{
    Match result;
    const QByteArray wanted = method == "HEAD" ? QByteArrayLiteral("GET") : method;
    for (const Route& route : m_routes) {
        const bool pathMatches = route.prefix ? (path.startsWith(route.pattern) && path.size() > route.pattern.size())
                                              : path == route.pattern;
        if (!pathMatches)
            continue;
        if (route.method == wanted || route.method == method) {
            result.handler = &route.handler;
            result.pattern = route.prefix ? route.pattern + u'*' : route.pattern;
            result.pathArgument = route.prefix ? path.mid(route.pattern.size()) : QString();
            result.allowedMethods.clear();
            result.access = route.access;
            return result;
        }
        if (!result.allowedMethods.contains(route.method))
            result.allowedMethods.append(route.method);
        if (route.method == "GET" && !result.allowedMethods.contains("HEAD"))
            result.allowedMethods.append(QByteArrayLiteral("HEAD"));
    }
    return result;
}

} // namespace llamagate
