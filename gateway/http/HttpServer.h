#pragma once

#include "gateway/http/ConnectionGuard.h"
#include "gateway/http/HttpRequest.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace llamagate {

class HttpResponder;
class GuardedTcpServer;

/// The only place that touches QtHttpServer: listens, guards connections, turns each complete request into an
/// HttpRequest value plus an HttpResponder, and hands both to one handler.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpRequest&, HttpResponder*)>;

    explicit HttpServer(QObject* parent = nullptr);
    ~HttpServer() override;

    /// Limits for the connections accepted from now on (open ones keep theirs).
    void setConnectionOptions(const ConnectionGuard::Options& options);
    void setHandler(Handler handler);

    /// Starts listening; false with a reason when the address cannot be bound.
    bool listen(const QHostAddress& address, quint16 port, QString* error);
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;

    /// Stops accepting connections, closes idle ones and lets the others finish their current response.
    void stopAccepting();
    /// Stopped accepting, and no response is unfinished and no client connection open.
    bool isDrained() const { return m_stopping && m_activeResponses == 0 && m_openConnections == 0; }
    /// Responses not finished yet.
    int activeResponses() const { return m_activeResponses; }
    /// Client connections still open.
    int openConnections() const { return m_openConnections; }
    /// Runs the bookkeeping of the finished responses (HttpResponder::whenFinished) now, and deletes them. Happens by
    /// itself after each dispatched request and shortly after a response finishes; call it before reading what that
    /// bookkeeping records (the metrics) or before the receivers of its callbacks go away.
    void settleFinished();

signals:
    /// A connection guard answered a request itself (413, 431, 408, 400).
    void requestRejected(const QString& requestId, const QHostAddress& peer, int status, const QString& reason);
    /// After stopAccepting(): the last unfinished response finished, or the last connection closed (isDrained()).
    void drained();

private:
    class Bridge;
    friend class GuardedTcpServer;
    friend class HttpResponder;
    void connectionOpened(QTcpSocket* socket);
    void dispatch(HttpRequest request, QTcpSocket* socket, bool closeAfterResponse);
    /// Called by each responder when its response is finished.
    void responderFinished(HttpResponder* responder);
    void emitWhenDrained();

    std::unique_ptr<Bridge> m_bridge;
    QPointer<GuardedTcpServer> m_tcpServer;
    ConnectionGuard::Options m_options;
    Handler m_handler;
    QList<HttpResponder*> m_finishedResponders; ///< children still, settled together (see the constructor)
    QTimer m_settleTimer;
    int m_activeResponses = 0;
    int m_openConnections = 0;
    bool m_stopping = false;
};

} // namespace llamagate
