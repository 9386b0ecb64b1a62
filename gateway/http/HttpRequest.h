#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace llamagate {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/// One received HTTP request as a plain value, copied out of QtHttpServer before its handler returns.
struct HttpRequest
{
    QByteArray method; ///< upper case, e.g. "GET"
    QString path;      ///< decoded path, e.g. "/v1/models/library/llama3:8b"
    QUrlQuery query;
    HttpHeaders headers; ///< names lower case, in arrival order
    QByteArray body;
    QHostAddress peer;
    QString requestId;    ///< set by the gateway before routing
    QString pathArgument; ///< what a route's trailing wildcard matched

    /// The first header with this lower-case name, or an empty array.
    QByteArray header(QByteArrayView lowerCaseName) const
    {
        for (const auto& [name, value] : headers) {
            if (name == lowerCaseName)
                return value;
        }
        return {};
    }
};

} // namespace llamagate
