#include "gateway/http/HttpServer.h"

#include "gateway/http/HttpResponder.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <chrono>

namespace llamagate {

namespace {

/// How long a finished response waits for its bookkeeping when no next request comes first.
constexpr std::chrono::milliseconds kSettleDelay{1};

} // namespace

/// A QTcpServer whose sockets get a ConnectionGuard before QtHttpServer sees them.
class GuardedTcpServer : public QTcpServer
{
public:
    GuardedTcpServer(const ConnectionGuard::Options& options, HttpServer* owner) : m_options(options), m_owner(owner) {}

    /// Limits for connections accepted from now on.
    void setOptions(const ConnectionGuard::Options& options) { m_options = options; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        // Responses go out in several writes (head, then each SSE frame): without this, Nagle's algorithm holds
        // small frames back until the client's delayed ACK, ~40 ms.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        ConnectionGuard* guard = ConnectionGuard::attach(socket, m_options);
        const QHostAddress peer = socket->peerAddress();
        connect(guard,
                &ConnectionGuard::rejected,
                m_owner,
                [owner = m_owner, peer](const QString& requestId, int status, const QString& reason) {
                    emit owner->requestRejected(requestId, peer, status, reason);
                });
        m_owner->connectionOpened(socket);
        addPendingConnection(socket);
    }

private:
    ConnectionGuard::Options m_options;
    HttpServer* m_owner;
};

/// The QAbstractHttpServer subclass that receives parsed requests from QtHttpServer.
class HttpServer::Bridge : public QAbstractHttpServer
{
public:
    explicit Bridge(HttpServer* owner) : m_owner(owner) {}

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        HttpRequest value;
        value.method = methodName(request.method());
        value.path = request.url().path(QUrl::FullyDecoded);
        value.query = request.query();
        const auto headers = request.headers();
        value.headers.reserve(headers.size());
        for (const auto& [name, headerValue] : headers)
            value.headers.append({lowerCase(name), headerValue});
        value.body = request.body();
        value.peer = socket->peerAddress();
        const QByteArray connection = value.header("connection");
        const bool close = QLatin1StringView(connection).contains(QLatin1StringView("close"), Qt::CaseInsensitive);
        m_owner->dispatch(std::move(value), socket, close);
        return true;
    }

    void missingHandler(const QHttpServerRequest&, QTcpSocket*) override {}

private:
    /// The name in lower case; as it is (shared, no scan by Qt) when it has no capital, as most clients send them.
    static QByteArray lowerCase(const QByteArray& name)
    {
        const bool lower = std::none_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        return lower ? name : name.toLower();
    }

    static QByteArray methodName(QHttpServerRequest::Method method)
    {
        using M = QHttpServerRequest::Method;
        switch (method) {
        case M::Get:
            return QByteArrayLiteral("GET");
        case M::Put:
            return QByteArrayLiteral("PUT");
        case M::Delete:
            return QByteArrayLiteral("DELETE");
        case M::Post:
            return QByteArrayLiteral("POST");
        case M::Head:
            return QByteArrayLiteral("HEAD");
        case M::Options:
            return QByteArrayLiteral("OPTIONS");
        case M::Patch:
            return QByteArrayLiteral("PATCH");
        case M::Connect:
            return QByteArrayLiteral("CONNECT");
        case M::Trace:
            return QByteArrayLiteral("TRACE");
        default:
            return QByteArrayLiteral("UNKNOWN");
        }
    }

    HttpServer* m_owner;
};

HttpServer::HttpServer(QObject* parent) : QObject(parent), m_bridge(std::make_unique<Bridge>(this)), m_settleTimer(this)
{
    // A finished response's bookkeeping (its log line and metrics, then deleting its responder) waits until the
    // next request has been handed on, or kSettleDelay when none comes: a client sending one request after another
    // (whose next request often arrives while the last response is still being recorded) is not kept waiting
    // behind it; the bookkeeping runs while Ollama works. Batched, too, without posting an event for each.
    m_settleTimer.setSingleShot(true);
    m_settleTimer.setInterval(kSettleDelay);
    connect(&m_settleTimer, &QTimer::timeout, this, &HttpServer::settleFinished);
}

HttpServer::~HttpServer() = default;

void HttpServer::setConnectionOptions(const ConnectionGuard::Options& options)
{
    m_options = options;
    if (m_tcpServer)
        m_tcpServer->setOptions(options);
}

void HttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

bool HttpServer::listen(const QHostAddress& address, quint16 port, QString* error)
{
    auto* server = new GuardedTcpServer(m_options, this);
    if (!server->listen(address, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(server->errorString());
        delete server;
        return false;
    }
    m_stopping = false;
    m_tcpServer = server;
    m_bridge->bind(server);
    return true;
}

bool HttpServer::isListening() const
{
    return m_tcpServer && m_tcpServer->isListening();
}

quint16 HttpServer::port() const
{
    return m_tcpServer ? m_tcpServer->serverPort() : 0;
}

QHostAddress HttpServer::address() const
{
    return m_tcpServer ? m_tcpServer->serverAddress() : QHostAddress();
}

void HttpServer::stopAccepting()
{
    m_stopping = true;
    if (!m_tcpServer)
        return;
    m_tcpServer->close();
    for (ConnectionGuard* guard : m_tcpServer->findChildren<ConnectionGuard*>())
        guard->closeWhenIdle();
}

void HttpServer::connectionOpened(QTcpSocket* socket)
{
    ++m_openConnections;
    connect(socket, &QObject::destroyed, this, [this] {
        --m_openConnections;
        emitWhenDrained();
    });
}

void HttpServer::settleFinished()
{
    m_settleTimer.stop();
    // Taken first: a callback may finish another response, which then waits for the next round.
    const QList<HttpResponder*> finished = std::exchange(m_finishedResponders, {});
    for (HttpResponder* responder : finished)
        responder->runFinishedCallback();
    qDeleteAll(finished);
}

void HttpServer::responderFinished(HttpResponder* responder)
{
    m_finishedResponders.append(responder);
    if (!m_settleTimer.isActive())
        m_settleTimer.start();
    --m_activeResponses;
    emitWhenDrained();
}

void HttpServer::emitWhenDrained()
{
    if (isDrained())
        emit drained();
}

void HttpServer::dispatch(HttpRequest request, QTcpSocket* socket, bool closeAfterResponse)
{
    auto* responder = new HttpResponder(socket, request.method == "HEAD", closeAfterResponse || m_stopping, this);
    ++m_activeResponses;
    if (m_handler)
        m_handler(request, responder);
    else
        responder->send(503, QByteArrayLiteral("text/plain"), QByteArrayLiteral("not ready\n"));
    settleFinished(); // this request is on its way: the earlier responses' bookkeeping now
}

} // namespace llamagate
