#include "mcp/transport/HttpTransportBase.h"

#include "mcp/McpLog.h"
#include "mcp/jsonrpc/JsonRpc.h"
#include "mcp/transport/SseParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace mcp {

HttpTransportBase::HttpTransportBase(HttpEndpoint endpoint, QObject* parent)
    : Transport(parent), m_network(new QNetworkAccessManager(this)), m_endpoint(std::move(endpoint))
{
}

QNetworkRequest HttpTransportBase::makeRequest(const QUrl& url, const QByteArray& accept) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", accept);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    for (auto it = m_endpoint.headers.cbegin(); it != m_endpoint.headers.cend(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    return request;
}

void HttpTransportBase::failRequest(const QJsonObject& message, const QString& error)
{
    if (!rpc::isRequest(message)) {
        qCWarning(lcMcp) << objectName() << "could not deliver" << message.value(QStringLiteral("method")).toString()
                         << ":" << error;
        return;
    }
    emit messageReceived(rpc::errorResponse(message.value(QStringLiteral("id")), {rpc::TransportFailure, error, {}}));
}

bool HttpTransportBase::emitJsonMessages(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        emit messageReceived(document.object());
        return true;
    }
    if (document.isArray()) {
        for (const QJsonValue& value : document.array())
            emit messageReceived(value.toObject());
        return true;
    }
    return false;
}

QJsonObject HttpTransportBase::emitEventMessage(const SseEvent& event)
{
    if (event.type != QLatin1String("message") || event.data.trimmed().isEmpty())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(event.data.toUtf8());
    if (!document.isObject()) {
        qCWarning(lcMcp) << objectName()
                         << "ignored an SSE event that is not a JSON-RPC message:" << event.data.left(200);
        return {};
    }
    emit messageReceived(document.object());
    return document.object();
}

int HttpTransportBase::httpStatus(const QNetworkReply* reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

bool HttpTransportBase::isEventStream(const QNetworkReply* reply)
{
    return reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(QLatin1String("text/event-stream"));
}

QString HttpTransportBase::describeHttpError(QNetworkReply* reply, const QByteArray& body)
{
    const int status = httpStatus(reply);
    if (status == 0)
        return QStringLiteral("cannot reach %1: %2").arg(reply->url().toDisplayString(), reply->errorString());
    QString text = QStringLiteral("HTTP %1 %2")
                       .arg(status)
                       .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    if (status == 401)
        text += QStringLiteral(" (WWW-Authenticate: %1)")
                    .arg(QString::fromUtf8(reply->rawHeader("WWW-Authenticate")).trimmed());
    if (!body.trimmed().isEmpty())
        text += QStringLiteral(": %1").arg(QString::fromUtf8(body.trimmed().left(300)));
    return text;
}

} // namespace mcp
