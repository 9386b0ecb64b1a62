#include "mcp/transport/LegacySseTransport.h"

#include "mcp/McpLog.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace mcp {

LegacySseTransport::LegacySseTransport(HttpEndpoint endpoint, QObject* parent)
    : HttpTransportBase(std::move(endpoint), parent)
{
}

LegacySseTransport::~LegacySseTransport()
{
    m_closing = true;
    if (m_stream)
        m_stream->abort();
}

void LegacySseTransport::open()
{
    m_stream = m_network->get(makeRequest(m_endpoint.url, QByteArrayLiteral("text/event-stream")));
    connect(m_stream, &QNetworkReply::readyRead, this, &LegacySseTransport::readStream);
    connect(m_stream, &QNetworkReply::finished, this, &LegacySseTransport::onStreamFinished);
}

void LegacySseTransport::readStream()
{
    const int status = httpStatus(m_stream);
    if (status < 200 || status >= 300 || !isEventStream(m_stream))
        return; // reported when the reply finishes
    for (const SseEvent& event : m_parser.feed(m_stream->readAll())) {
        if (event.type == QLatin1String("endpoint")) {
            const bool first = m_postUrl.isEmpty();
            m_postUrl = m_endpoint.url.resolved(QUrl(event.data.trimmed()));
            if (first)
                emit opened();
        } else {
            emitEventMessage(event);
        }
        if (m_closing)
            return;
    }
}

void LegacySseTransport::onStreamFinished()
{
    QNetworkReply* stream = std::exchange(m_stream, nullptr);
    stream->deleteLater();
    if (m_closing)
        return;
    const int status = httpStatus(stream);
    QString error;
    if (status < 200 || status >= 300)
        error = describeHttpError(stream, stream->readAll());
    else if (!isEventStream(stream))
        error = QStringLiteral("%1 did not answer with an event stream").arg(m_endpoint.url.toDisplayString());
    else
        error = QStringLiteral("the server closed the event stream");
    m_closing = true;
    emit closed(error);
}

void LegacySseTransport::send(const QJsonObject& message)
{
    if (m_closing || m_postUrl.isEmpty())
        return;
    QNetworkRequest request = makeRequest(m_postUrl, QByteArrayLiteral("application/json, text/event-stream"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = m_network->post(request, QJsonDocument(message).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, message] {
        reply->deleteLater();
        const int status = httpStatus(reply);
        if (!m_closing && (status < 200 || status >= 300))
            failRequest(message, describeHttpError(reply, reply->readAll()));
    });
}

void LegacySseTransport::close()
{
    if (m_closing)
        return;
    m_closing = true;
    if (m_stream)
        m_stream->abort();
    emit closed({});
}

} // namespace mcp
