#include "gateway/ollama/UpstreamConnection.h"

#include <QNetworkProxy>
#include <QPointer>
#include <QSslSocket>

namespace llamagate {

UpstreamConnection::UpstreamConnection(const QUrl& server, QObject* parent) : QObject(parent), m_server(server)
{
    m_idleClock.start();
}

UpstreamConnection::~UpstreamConnection()
{
    close();
}

bool UpstreamConnection::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void UpstreamConnection::send(const QByteArray& request, bool headRequest, Listener* listener)
{
    m_listener = listener;
    m_busy = true;
    m_receivedBytes = false;
    m_parser = HttpResponseParser();
    m_parser.setHeadRequest(headRequest);
    if (isOpen()) {
        write(request);
        return;
    }
    m_pending = request;
    if (!m_socket) {
        // TLS only when Ollama is reached over https: a QSslSocket carrying plain TCP wraps a second socket and
        // copies every byte through it.
        const bool tls = m_server.scheme() == u"https";
        m_socket = tls ? new QSslSocket(this) : new QTcpSocket(this);
        m_socket->setProxy(QNetworkProxy::NoProxy); // Ollama is local: never through a system proxy
        connect(m_socket, &QTcpSocket::readyRead, this, &UpstreamConnection::onReadyRead);
        connect(m_socket, &QTcpSocket::disconnected, this, &UpstreamConnection::onDisconnected);
        connect(m_socket, &QTcpSocket::errorOccurred, this, &UpstreamConnection::onError);
        const auto sendPending = [this] {
            m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            write(std::exchange(m_pending, {}));
        };
        if (tls) {
            auto* tlsSocket = static_cast<QSslSocket*>(m_socket);
            connect(tlsSocket, &QSslSocket::encrypted, this, sendPending);
            tlsSocket->connectToHostEncrypted(m_server.host(), quint16(m_server.port(443)));
        } else {
            connect(m_socket, &QTcpSocket::connected, this, sendPending);
            m_socket->connectToHost(m_server.host(), quint16(m_server.port(80)));
        }
    }
}

void UpstreamConnection::write(const QByteArray& bytes)
{
    // Out now, not on the next pass of the event loop. A write can fail at once (Ollama reset a kept-alive
    // connection): fail() then reports it later, as the caller of send() is not listening yet.
    m_writing = true;
    m_socket->write(bytes);
    m_socket->flush();
    m_writing = false;
}

void UpstreamConnection::close()
{
    if (!m_socket)
        return;
    QTcpSocket* socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    m_busy = false;
}

void UpstreamConnection::onReadyRead()
{
    // What has arrived, in one buffer of its size (readAll() grows a 16 KiB buffer and shrinks it again).
    QByteArray bytes;
    while (const qint64 available = m_socket->bytesAvailable()) {
        const qsizetype start = bytes.size();
        bytes.resize(start + available);
        const qint64 read = m_socket->read(bytes.data() + start, available);
        bytes.truncate(start + qMax<qint64>(read, 0));
        if (read <= 0)
            break;
    }
    if (!m_busy) {
        close(); // a server talking out of turn: this connection cannot be trusted with another request
        return;
    }
    m_receivedBytes = true;
    QByteArray body;
    HttpResponseParser::Event event = m_parser.feed(bytes, body);
    QPointer<UpstreamConnection> alive(this);
    while (alive) {
        // The listener is read again after each call: it may have forgotten this connection (or gone) meanwhile.
        if (!body.isEmpty() && m_listener)
            m_listener->onBody(std::exchange(body, {}));
        if (!alive || !m_busy)
            return;
        if (event == HttpResponseParser::Event::Head) {
            if (m_listener)
                m_listener->onResponseStarted(m_parser.status(), m_parser.contentType());
            if (!alive || !m_busy)
                return;
            event = m_parser.feed({}, body);
            continue;
        }
        if (event == HttpResponseParser::Event::Complete) {
            m_busy = false;
            ++m_responses;
            m_idleClock.restart();
            const bool reusable = m_parser.keepAlive();
            Listener* listener = std::exchange(m_listener, nullptr);
            if (!reusable)
                close();
            if (listener)
                listener->onResponseFinished(reusable);
        } else if (event == HttpResponseParser::Event::Error) {
            fail(m_parser.error());
        }
        return;
    }
}

void UpstreamConnection::onDisconnected()
{
    if (m_socket && m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (!m_socket)
        return;
    if (!m_busy) {
        close();
        return;
    }
    QByteArray body;
    const HttpResponseParser::Event event = m_parser.finishOnClose();
    if (event == HttpResponseParser::Event::Complete) {
        m_busy = false;
        Listener* listener = std::exchange(m_listener, nullptr);
        close();
        if (listener)
            listener->onResponseFinished(false);
        return;
    }
    fail(m_parser.error());
}

void UpstreamConnection::onError()
{
    if (m_socket && m_socket->error() == QAbstractSocket::RemoteHostClosedError)
        return; // handled by onDisconnected, which knows whether the body was complete
    if (m_busy)
        fail(m_socket ? m_socket->errorString() : QStringLiteral("connection lost"));
    else
        close();
}

void UpstreamConnection::fail(const QString& error)
{
    const bool beforeResponse = !m_receivedBytes;
    close();
    const auto report = [this, error, beforeResponse] {
        if (Listener* listener = std::exchange(m_listener, nullptr))
            listener->onConnectionFailed(error, beforeResponse);
    };
    if (m_writing) {
        // To whoever listens by then (the listener may forget this connection meanwhile).
        QMetaObject::invokeMethod(this, report, Qt::QueuedConnection);
        return;
    }
    report();
}

} // namespace llamagate
