#include "gateway/http/ConnectionGuard.h"

#include "gateway/http/HttpResponder.h"
#include "gateway/http/RequestIds.h"
#include "gateway/openai/ApiError.h"

#include <QJsonDocument>
#include <QTcpSocket>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace llamagate {

namespace {

constexpr int kLingerMs = 2000;

ApiError headerError(const QString& message)
{
    ApiError error = ApiError::invalidRequest(message);
    error.status = 431;
    error.code = QStringLiteral("request_header_fields_too_large");
    return error;
}

} // namespace

ConnectionGuard* ConnectionGuard::attach(QTcpSocket* socket, const Options& options)
{
    return new ConnectionGuard(socket, options);
}

ConnectionGuard* ConnectionGuard::of(QTcpSocket* socket)
{
    return socket ? socket->findChild<ConnectionGuard*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

ConnectionGuard::ConnectionGuard(QTcpSocket* socket, const Options& options)
    : QObject(socket), m_socket(socket), m_options(options), m_framing(options.limits)
{
    m_clock.start();
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ConnectionGuard::onDeadlineTimer);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &ConnectionGuard::onDisconnected);
    updateDeadline();
}

void ConnectionGuard::onDisconnected()
{
    for (HttpResponder* responder : std::exchange(m_responders, {}))
        responder->onSocketDisconnected();
}

bool ConnectionGuard::isIdle() const
{
    return m_pendingResponses == 0 && m_framing.phase() == HttpFramingGuard::Phase::Idle;
}

void ConnectionGuard::onReadyRead()
{
    if (m_rejected) {
        discardInput();
        return;
    }
    // This slot runs before QtHttpServer's, which then consumes everything available: each byte is seen once.
    const QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
    const HttpFramingGuard::Verdict verdict = m_framing.feed(fresh);
    const HttpFramingGuard::Limits& limits = m_options.limits;
    switch (verdict) {
    case HttpFramingGuard::Verdict::Ok:
        break;
    case HttpFramingGuard::Verdict::BodyTooLarge:
        reject(ApiError::payloadTooLarge(limits.maxBodyBytes));
        return;
    case HttpFramingGuard::Verdict::HeadersTooLarge:
        reject(headerError(QStringLiteral("Request headers are larger than %1 bytes").arg(limits.maxHeaderBytes)));
        return;
    case HttpFramingGuard::Verdict::TooManyHeaders:
        reject(headerError(QStringLiteral("Request has more than %1 headers").arg(limits.maxHeaderCount)));
        return;
    case HttpFramingGuard::Verdict::Malformed:
        reject(ApiError::invalidRequest(QStringLiteral("Malformed HTTP request framing")));
        return;
    }
    if (m_framing.takeContinueRequest())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    const int completed = m_framing.completedRequests();
    m_pendingResponses += completed - m_requestsSeen;
    m_requestsSeen = completed;
    updateDeadline();
}

void ConnectionGuard::responseFinished(bool closeConnection)
{
    m_pendingResponses = qMax(0, m_pendingResponses - 1);
    if (closeConnection)
        m_closeWhenIdle = true;
    if (m_closeWhenIdle && isIdle()) {
        m_socket->disconnectFromHost();
        return;
    }
    updateDeadline();
}

void ConnectionGuard::closeWhenIdle()
{
    m_closeWhenIdle = true;
    if (isIdle())
        m_socket->disconnectFromHost();
}

void ConnectionGuard::updateDeadline()
{
    const HttpFramingGuard::Phase phase = m_framing.phase();
    if (m_pendingResponses > 0) {
        m_due = -1; // the gateway is working on a request; its own timeouts apply
    } else if (phase == HttpFramingGuard::Phase::Headers) {
        if (m_lastPhase != HttpFramingGuard::Phase::Headers)
            setDeadline(m_options.headerTimeoutMs); // one deadline for all headers, not renewed per read
    } else if (phase == HttpFramingGuard::Phase::Body) {
        setDeadline(m_options.headerTimeoutMs); // the longest pause while a body arrives
    } else {
        setDeadline(m_requestsSeen == 0 ? m_options.headerTimeoutMs : m_options.idleTimeoutMs);
    }
    m_lastPhase = phase;
}

void ConnectionGuard::setDeadline(int ms)
{
    m_due = m_clock.elapsed() + ms;
    if (m_deadline.isActive() && m_timerDue <= m_due)
        return; // it fires first, and onDeadlineTimer() sets it again for the rest
    m_timerDue = m_due;
    m_deadline.start(ms);
}

void ConnectionGuard::onDeadlineTimer()
{
    if (m_due < 0)
        return;
    const qint64 left = m_due - m_clock.elapsed();
    if (left > 0) {
        m_timerDue = m_due;
        m_deadline.start(int(left));
        return;
    }
    m_due = -1;
    onDeadline();
}

void ConnectionGuard::onDeadline()
{
    if (m_rejected) {
        m_socket->abort();
        return;
    }
    if (m_framing.phase() == HttpFramingGuard::Phase::Idle) {
        m_socket->disconnectFromHost();
        return;
    }
    ApiError error = ApiError::invalidRequest(QStringLiteral("The request was not received in time"));
    error.status = 408;
    error.code = QStringLiteral("request_timeout");
    reject(error);
}

void ConnectionGuard::reject(const ApiError& error)
{
    m_rejected = true;
    // QtHttpServer must not see this connection again; our own slot comes back only to discard input.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction(); // frees what QtHttpServer had buffered of this request

    const QString requestId = RequestIds::make();
    const QByteArray body = QJsonDocument(error.toJson()).toJson(QJsonDocument::Compact);
    QByteArray response = "HTTP/1.1 " + QByteArray::number(error.status) + ' ' + httpReasonPhrase(error.status) +
                          "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                          "\r\nX-Request-ID: " + requestId.toLatin1() + "\r\nConnection: close\r\n\r\n" + body;
    m_socket->write(response);
    m_socket->flush();
    // Lingering close: stop sending, keep reading (and dropping) for a moment so the client sees the answer
    // instead of a reset while it is still uploading.
#ifdef Q_OS_WIN
    ::shutdown(SOCKET(m_socket->socketDescriptor()), SD_SEND);
#else
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#endif
    discardInput();
    setDeadline(kLingerMs);
    emit rejected(requestId, error.status, error.message);
}

void ConnectionGuard::discardInput()
{
    m_socket->skip(m_socket->bytesAvailable());
}

} // namespace llamagate
