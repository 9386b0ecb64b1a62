#include "mcp/transport/StreamableHttpTransport.h"

#include "mcp/McpLog.h"
#include "mcp/jsonrpc/JsonRpc.h"
#include "mcp/transport/SseParser.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace mcp {

namespace {

const QByteArray PostAccept = QByteArrayLiteral("application/json, text/event-stream");
const QByteArray StreamAccept = QByteArrayLiteral("text/event-stream");

bool isInitialize(const QJsonObject& message)
{
    return message.value(QStringLiteral("method")).toString() == QLatin1String("initialize");
}

} // namespace

/// The state of one response body that is an event stream.
struct StreamableHttpTransport::Stream
{
    SseParser parser;
    QJsonValue awaitedId; // the request this stream answers; undefined for GET streams
    bool answered = false;
    bool checkedHeaders = false;
    bool isSse = false;
    int events = 0;
};

StreamableHttpTransport::StreamableHttpTransport(HttpEndpoint endpoint, bool offerLegacyFallback, QObject* parent)
    : HttpTransportBase(std::move(endpoint), parent), m_offerLegacyFallback(offerLegacyFallback)
{
}

StreamableHttpTransport::~StreamableHttpTransport()
{
    m_closing = true;
    abortAll();
}

void StreamableHttpTransport::open()
{
    QTimer::singleShot(0, this, &Transport::opened); // nothing to connect until the first POST
}

QNetworkRequest StreamableHttpTransport::requestWithSession(const QByteArray& accept) const
{
    QNetworkRequest request = makeRequest(m_endpoint.url, accept);
    if (!m_sessionId.isEmpty())
        request.setRawHeader("Mcp-Session-Id", m_sessionId);
    if (!m_protocolVersion.isEmpty())
        request.setRawHeader("MCP-Protocol-Version", m_protocolVersion.toUtf8());
    return request;
}

void StreamableHttpTransport::send(const QJsonObject& message)
{
    if (m_closing || m_failed)
        return;
    QNetworkRequest request = requestWithSession(PostAccept);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = m_network->post(request, QJsonDocument(message).toJson(QJsonDocument::Compact));
    m_replies.append(reply);

    auto stream = std::make_shared<Stream>();
    if (rpc::isRequest(message))
        stream->awaitedId = message.value(QStringLiteral("id"));
    connect(reply, &QNetworkReply::readyRead, this, [this, reply, stream] { readEvents(reply, *stream); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, message, stream, hadSession = !m_sessionId.isEmpty()] {
        onPostFinished(reply, message, stream, hadSession);
    });
}

void StreamableHttpTransport::readEvents(QNetworkReply* reply, Stream& stream)
{
    if (!stream.checkedHeaders) {
        stream.checkedHeaders = true;
        const int status = httpStatus(reply);
        stream.isSse = status >= 200 && status < 300 && isEventStream(reply);
        if (reply->hasRawHeader("Mcp-Session-Id"))
            m_sessionId = reply->rawHeader("Mcp-Session-Id");
    }
    if (!stream.isSse)
        return; // a JSON or error body is read once complete
    for (const SseEvent& event : stream.parser.feed(reply->readAll())) {
        ++stream.events;
        const QJsonObject message = emitEventMessage(event);
        if (!stream.awaitedId.isUndefined() && message.value(QStringLiteral("id")) == stream.awaitedId &&
            !message.contains(QStringLiteral("method")))
            stream.answered = true;
        if (m_closing)
            return;
    }
}

void StreamableHttpTransport::onPostFinished(QNetworkReply* reply,
                                             const QJsonObject& message,
                                             const std::shared_ptr<Stream>& stream,
                                             bool hadSession)
{
    m_replies.removeOne(reply);
    reply->deleteLater();
    if (m_closing || m_failed)
        return;
    readEvents(reply, *stream);
    const int status = httpStatus(reply);

    if (status == 0) { // no HTTP answer at all: the server is unreachable
        const QString error = describeHttpError(reply, {});
        m_failed = true;
        failRequest(message, error);
        abortAll();
        emit closed(error);
        return;
    }
    if (status < 200 || status >= 300) {
        const QByteArray body = reply->readAll();
        if (isInitialize(message) && m_offerLegacyFallback && (status == 400 || status == 404 || status == 405)) {
            qCInfo(lcMcp) << objectName() << "initialize POST answered HTTP" << status
                          << "- trying the legacy HTTP+SSE transport";
            emit legacyFallbackRequested(message);
            return;
        }
        const bool sessionLost = !isInitialize(message) && ((status == 404 && hadSession) ||
                                                            (status == 400 && body.toLower().contains("session")));
        if (sessionLost) {
            qCInfo(lcMcp) << objectName() << "the server lost our session (HTTP" << status << ")";
            m_sessionId.clear();
            emit sessionExpired(message);
            return;
        }
        failRequest(message, describeHttpError(reply, body));
        return;
    }
    if (!stream->isSse) {
        const QByteArray body = reply->readAll();
        if (!body.trimmed().isEmpty() && !emitJsonMessages(body))
            failRequest(message,
                        QStringLiteral("the server answered with a body that is not JSON: %1")
                            .arg(QString::fromUtf8(body.left(200))));
        return;
    }
    if (stream->awaitedId.isUndefined() || stream->answered)
        return;
    if (stream->parser.lastEventId().isEmpty())
        failRequest(message, QStringLiteral("the server closed the event stream without answering"));
    else
        scheduleResume(*stream);
}

void StreamableHttpTransport::scheduleResume(const Stream& stream)
{
    const int delay = stream.parser.retryMs().value_or(DefaultRetryMs);
    const QString lastEventId = stream.parser.lastEventId();
    qCDebug(lcMcp) << objectName() << "event stream ended; resuming after" << delay << "ms from" << lastEventId;
    QTimer::singleShot(delay, this, [this, lastEventId] {
        if (!m_closing && !m_failed)
            openGetStream(lastEventId);
    });
}

void StreamableHttpTransport::openGetStream(const QString& lastEventId)
{
    QNetworkRequest request = requestWithSession(StreamAccept);
    if (!lastEventId.isEmpty())
        request.setRawHeader("Last-Event-ID", lastEventId.toUtf8());
    QNetworkReply* reply = m_network->get(request);
    m_replies.append(reply);
    auto stream = std::make_shared<Stream>();
    connect(reply, &QNetworkReply::readyRead, this, [this, reply, stream] { readEvents(reply, *stream); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, stream] {
        m_replies.removeOne(reply);
        reply->deleteLater();
        if (m_closing || m_failed)
            return;
        readEvents(reply, *stream);
        const int status = httpStatus(reply);
        if (status < 200 || status >= 300) {
            qCDebug(lcMcp) << objectName() << "no server-to-client stream:" << describeHttpError(reply, {});
            return;
        }
        if (stream->events > 0 || !stream->parser.lastEventId().isEmpty())
            scheduleResume(*stream);
    });
}

void StreamableHttpTransport::sessionEstablished(const QString& protocolVersion)
{
    m_protocolVersion = protocolVersion;
    openGetStream({});
}

void StreamableHttpTransport::abortAll()
{
    const QList<QNetworkReply*> replies = std::exchange(m_replies, {});
    for (QNetworkReply* reply : replies)
        reply->abort();
}

void StreamableHttpTransport::close()
{
    if (m_closing)
        return;
    m_closing = true;
    abortAll();
    if (m_sessionId.isEmpty() || m_failed) {
        emit closed({});
        return;
    }
    QNetworkRequest request = requestWithSession(PostAccept);
    request.setTransferTimeout(2000);
    QNetworkReply* reply = m_network->deleteResource(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        emit closed({});
    });
}

} // namespace mcp
