#pragma once

#include "gateway/http/HttpFramingGuard.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace llamagate {

struct ApiError;
class HttpResponder;

/// Watches one client connection for QtHttpServer: enforces the size limits (413, 431), answers
/// `Expect: 100-continue`, and closes connections that stall while sending a request or stay idle too long.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        HttpFramingGuard::Limits limits;
        int headerTimeoutMs = 10'000;
        int idleTimeoutMs = 75'000;
    };

    /// Attaches a guard to a socket before anyone else listens to its readyRead signal. The socket owns the guard.
    static ConnectionGuard* attach(QTcpSocket* socket, const Options& options);
    /// The guard of a socket, if it has one.
    static ConnectionGuard* of(QTcpSocket* socket);

    /// A response on this connection is complete.
    void responseFinished(bool closeConnection);
    /// Closes the connection now if it is between requests, otherwise after the current response.
    void closeWhenIdle();
    /// Tells the responder if the client disconnects, until unwatched: one signal connection per client connection
    /// instead of one per request.
    void watch(HttpResponder* responder) { m_responders.append(responder); }
    void unwatch(HttpResponder* responder) { m_responders.removeOne(responder); }

signals:
    /// The guard answered a request itself with an error status and is closing the connection.
    void rejected(const QString& requestId, int status, const QString& reason);

private:
    ConnectionGuard(QTcpSocket* socket, const Options& options);

    void onReadyRead();
    void onDisconnected();
    void onDeadlineTimer();
    void onDeadline();
    void reject(const ApiError& error);
    void discardInput();
    void updateDeadline();
    /// Sets the deadline `ms` from now. The timer is only moved when it would fire too late: a connection that
    /// carries request after request does not stop and start it for each one.
    void setDeadline(int ms);
    bool isIdle() const;

    QTcpSocket* m_socket;
    Options m_options;
    HttpFramingGuard m_framing;
    QTimer m_deadline;                  ///< fires at m_timerDue; what is due then is m_due
    QElapsedTimer m_clock;              ///< since the guard was made
    qint64 m_due = -1;                  ///< when the deadline falls (m_clock's milliseconds); -1 for none
    qint64 m_timerDue = -1;             ///< when m_deadline fires, while active
    QList<HttpResponder*> m_responders; ///< unfinished responses on this connection
    HttpFramingGuard::Phase m_lastPhase = HttpFramingGuard::Phase::Idle;
    int m_requestsSeen = 0;
    int m_pendingResponses = 0;
    bool m_closeWhenIdle = false;
    bool m_rejected = false;
};

} // namespace llamagate
