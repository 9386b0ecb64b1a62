#pragma once

#include "gateway/routes/Exchange.h"

#include <QByteArrayList>
#include <QList>
#include <QString>

#include <functional>

namespace llamagate {

/// Maps method + path to handlers. A pattern ending in "*" matches that prefix and hands the rest to the handler
/// as HttpRequest::pathArgument. Knows the 405 case (path known, method not) and serves HEAD from GET routes.
class Router
{
public:
    using Handler = std::function<void(const ExchangePtr&)>;

    void add(const QByteArray& method, const QString& pattern, Handler handler);

    /// What a lookup found.
    struct Match
    {
        const Handler* handler = nullptr; ///< null: no route for this method
        QString pattern;                  ///< the matched route's pattern, e.g. "/v1/models/*" (a metrics label)
        QString pathArgument;
        QByteArrayList allowedMethods; ///< non-empty when the path is known but the method is not
    };
    Match match(const QByteArray& method, const QString& path) const;

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        bool prefix;
        Handler handler;
    };
    QList<Route> m_routes;
};

} // namespace llamagate
