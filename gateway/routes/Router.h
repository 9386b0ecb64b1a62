#pragma once

#include "gateway/access/Scope.h"
#include "gateway/routes/Exchange.h"

#include <QByteArrayList>
#include <QList>
#include <QString>

#include <functional>

namespace llamagate {

/// Maps method + path to handlers. A pattern ending in "*" matches that prefix and hands the rest to the handler
/// as HttpRequest::pathArgument. Knows the 405 case (path known, method not) and serves HEAD from GET routes.
/// Each route states who may call it (RouteAccess) where it is added.
class Router
{
public:
    using Handler = std::function<void(const ExchangePtr&)>;

    void add(const QByteArray& method, const QString& pattern, RouteAccess access, Handler handler);

    /// What a lookup found.
    struct Match
    {
        const Handler* handler = nullptr; ///< null: no route for this method
        QString pattern;                  ///< the matched route's pattern, e.g. "/v1/models/*" (a metrics label)
        QString pathArgument;
        QByteArrayList allowedMethods;              ///< non-empty when the path is known but the method is not
        RouteAccess access = RouteAccess::anyKey(); ///< the route's; without a route, any valid key
    };
    Match match(const QByteArray& method, const QString& path) const;

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        bool prefix;
        RouteAccess access;
        Handler handler;
    };
    QList<Route> m_routes;
};

} // namespace llamagate
