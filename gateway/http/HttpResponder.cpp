#include "gateway/http/HttpResponder.h"

#include "gateway/http/ConnectionGuard.h"
#include "gateway/http/HttpHeadWriter.h"
#include "gateway/http/HttpServer.h"
#include "gateway/openai/ApiError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace llamagate {

namespace {

constexpr qsizetype kHeadReserve = 512;

} // namespace

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return status < 400 ? QByteArrayLiteral("OK") : QByteArrayLiteral("Error");
    }
}

HttpResponder::HttpResponder(QTcpSocket* socket, bool headOnly, bool closeAfterResponse, HttpServer* server)
    : QObject(server), m_socket(socket), m_guard(ConnectionGuard::of(socket)), m_server(server), m_headOnly(headOnly),
      m_closeAfterResponse(closeAfterResponse)
{
    m_clock.start();
    if (m_guard)
        m_guard->watch(this);
}

HttpResponder::~HttpResponder()
{
    if (m_guard && m_socket)
        m_guard->unwatch(this);
}

void HttpResponder::addHeader(const QByteArray& name, const QByteArray& value)
{
    m_headers.append({name, value});
}

bool HttpResponder::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpResponder::send(int status, const QByteArray& contentType, const QByteArray& body, const HttpHeaders& extra)
{
    if (hasStarted() || m_finished)
        return;
    QByteArray response;
    response.reserve(kHeadReserve + (m_headOnly ? 0 : body.size()));
    appendHead(response, status, contentType, body.size(), extra);
    if (!m_headOnly) {
        response += body;
        m_bodyBytes = body.size();
    }
    write(response); // one write, one packet: head and body together
    finish();
}

void HttpResponder::sendJson(int status, const QJsonObject& json, const HttpHeaders& extra)
{
    send(status, QByteArrayLiteral("application/json"), QJsonDocument(json).toJson(QJsonDocument::Compact), extra);
}

void HttpResponder::sendError(const ApiError& error)
{
    sendJson(error.status, error.toJson(), error.headers());
}

void HttpResponder::beginStream(int status, const QByteArray& contentType, const HttpHeaders& extra)
{
    if (hasStarted() || m_finished)
        return;
    m_streaming = true;
    QByteArray head;
    head.reserve(kHeadReserve);
    appendHead(head, status, contentType, -1, extra);
    write(head);
    if (m_headOnly)
        finish();
}

void HttpResponder::writeChunk(QByteArrayView data)
{
    if (!m_streaming || m_finished || data.isEmpty())
        return;
    QByteArray frame = QByteArray::number(data.size(), 16);
    frame.reserve(frame.size() + data.size() + 4);
    frame += "\r\n";
    frame += data;
    frame += "\r\n";
    write(frame);
    m_bodyBytes += data.size();
}

void HttpResponder::endStream()
{
    if (!m_streaming || m_finished)
        return;
    write("0\r\n\r\n");
    finish();
}

void HttpResponder::abort()
{
    if (m_finished)
        return;
    // Close after what was already written has gone out, but without completing the response: the client sees a
    // cut-off body (no final chunk), not a lost one.
    m_closeAfterResponse = true;
    finish();
}

void HttpResponder::appendHead(
    QByteArray& out, int status, const QByteArray& contentType, qint64 contentLength, const HttpHeaders& extra)
{
    m_status = status;
    const HttpHeadWriter::Decimal statusText(status);
    const HttpHeadWriter::Decimal lengthText(contentLength);
    const QByteArray reason = httpReasonPhrase(status);
    HttpHeadWriter head;
    head.add({"HTTP/1.1 ", statusText.view(), " ", reason, "\r\n"});
    if (!contentType.isEmpty())
        head.addHeader("Content-Type", contentType);
    if (contentLength >= 0)
        head.addHeader("Content-Length", lengthText.view());
    else
        head.addHeader("Transfer-Encoding", "chunked");
    for (const auto& [name, value] : std::as_const(m_headers))
        head.addHeader(name, value);
    for (const auto& [name, value] : extra)
        head.addHeader(name, value);
    if (m_closeAfterResponse)
        head.addHeader("Connection", "close");
    head.add({"\r\n"});
    head.appendTo(out);
}

void HttpResponder::write(QByteArrayView bytes)
{
    // Writing to a socket whose client has gone must never happen (QtHttpServer 6.4 frees it on disconnect).
    if (!isConnected())
        return;
    m_socket->write(bytes.data(), bytes.size());
    // Out now, not on the next pass of the event loop (QTcpSocket only buffers a write): saves a poll round per
    // write and the latency of one.
    m_socket->flush();
}

void HttpResponder::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_elapsedMs = m_clock.elapsed();
    if (m_guard && m_socket)
        m_guard->unwatch(this);
    if (isConnected()) {
        if (m_guard)
            m_guard->responseFinished(m_closeAfterResponse);
        else if (m_closeAfterResponse)
            m_socket->disconnectFromHost();
    }
    m_server->responderFinished(this);
}

void HttpResponder::runFinishedCallback()
{
    if (m_whenFinished)
        std::exchange(m_whenFinished, {})();
}

void HttpResponder::onSocketDisconnected()
{
    if (m_finished)
        return;
    m_clientClosedEarly = true;
    emit clientDisconnected();
    finish();
}

} // namespace llamagate
