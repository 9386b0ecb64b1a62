#pragma once

#include "gateway/ollama/HttpResponseParser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

class QTcpSocket;

namespace llamagate {

/// One keep-alive connection to Ollama on the gateway thread: sends a request, reports the response head and body
/// bytes as they arrive to its listener, and says whether it can carry the next request.
class UpstreamConnection : public QObject
{
    Q_OBJECT
public:
    /// Hears about the response to the request it sent: direct calls, not signals (no connections to make and
    /// break for each request).
    class Listener
    {
    public:
        virtual void onResponseStarted(int status, const QByteArray& contentType) = 0;
        virtual void onBody(const QByteArray& bytes) = 0;
        /// The response is complete; `reusable` says whether the connection may carry another request.
        virtual void onResponseFinished(bool reusable) = 0;
        /// No complete response. `beforeResponse`: not one byte of a response had arrived.
        virtual void onConnectionFailed(const QString& error, bool beforeResponse) = 0;

    protected:
        ~Listener() = default;
    };

    UpstreamConnection(const QUrl& server, QObject* parent = nullptr);
    ~UpstreamConnection() override;

    /// Sends a whole request (head and body); connects first when needed. `listener` hears about its response until
    /// it is forgotten (forget()).
    void send(const QByteArray& request, bool headRequest, Listener* listener);
    /// Stops telling the listener anything.
    void forget() { m_listener = nullptr; }
    /// Drops the network connection (a listener still hears of a failure reported before, until it forgets).
    void close();

    bool isIdle() const { return !m_busy && isOpen(); }
    bool isOpen() const;
    /// True once this connection has carried a response (a failure on it may just be a stale keep-alive).
    bool wasReused() const { return m_responses > 0; }
    /// Milliseconds since the last response ended.
    qint64 idleMs() const { return m_idleClock.elapsed(); }

private:
    void write(const QByteArray& bytes);
    void onReadyRead();
    void onDisconnected();
    void onError();
    void fail(const QString& error);

    QUrl m_server;
    QTcpSocket* m_socket = nullptr;
    Listener* m_listener = nullptr;
    HttpResponseParser m_parser;
    QByteArray m_pending; ///< the request, until the connection is up
    QElapsedTimer m_idleClock;
    bool m_busy = false;
    bool m_receivedBytes = false;
    bool m_writing = false; ///< inside write(): failures are reported from the event loop
    int m_responses = 0;
};

} // namespace llamagate
