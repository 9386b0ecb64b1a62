#pragma once

#include "gateway/http/HttpRequest.h"

#include <QStringList>

#include <optional>

namespace llamagate {

/// Cross-origin rules for browser clients: which origins may call the gateway, the headers their answers carry, and
/// the answer to preflight requests. Off (no origin allowed) unless origins are configured; "*" allows any.
class CorsPolicy
{
public:
    explicit CorsPolicy(QStringList allowedOrigins = {});

    bool enabled() const { return !m_allowedOrigins.isEmpty(); }
    bool allows(const QByteArray& origin) const;

    /// Headers for an ordinary answer to a request from `origin` (none when the origin is not allowed).
    HttpHeaders responseHeaders(const QByteArray& origin) const;

    /// A preflight (OPTIONS with Origin and Access-Control-Request-Method): the status and headers to answer with.
    struct Preflight
    {
        int status = 204;
        HttpHeaders headers;
    };
    /// The answer when `request` is a preflight this policy handles, else nothing.
    std::optional<Preflight> preflight(const HttpRequest& request) const;

private:
    QStringList m_allowedOrigins;
};

} // namespace llamagate
