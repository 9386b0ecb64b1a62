#pragma once

#include "mcp/transport/Transport.h"

#include <QMap>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace mcp {

struct SseEvent;

/// Where an HTTP server lives and the static headers (e.g. Authorization) sent on every request.
struct HttpEndpoint
{
    QUrl url;
    QMap<QString, QString> headers;
};

/// What the two HTTP transports share: the network manager, request headers, error wording and decoding.
class HttpTransportBase : public Transport
{
    Q_OBJECT
public:
    explicit HttpTransportBase(HttpEndpoint endpoint, QObject* parent = nullptr);

protected:
    /// A request to `url` carrying the configured headers and `accept`.
    QNetworkRequest makeRequest(const QUrl& url, const QByteArray& accept) const;
    /// Answers a request message locally with an error, as if the server had sent it.
    void failRequest(const QJsonObject& message, const QString& error);
    /// Emits every JSON-RPC message in a JSON body (an object or a batch array); false if it is not JSON.
    bool emitJsonMessages(const QByteArray& body);
    /// Emits the JSON-RPC message carried by an SSE `message` event; returns it (empty if not JSON).
    QJsonObject emitEventMessage(const SseEvent& event);
    static int httpStatus(const QNetworkReply* reply);
    static bool isEventStream(const QNetworkReply* reply);
    /// "HTTP 401 Unauthorized (WWW-Authenticate: …): body" — what a user needs to see.
    static QString describeHttpError(QNetworkReply* reply, const QByteArray& body);

    QNetworkAccessManager* m_network;
    HttpEndpoint m_endpoint;
};

} // namespace mcp
