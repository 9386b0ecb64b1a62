#pragma once

#include "gateway/http/HttpRequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>

class QJsonObject;
class QTcpSocket;

namespace llamagate {

struct ApiError;
class ConnectionGuard;
class HttpServer;

/// Writes the response to one request: a whole body, or a chunked stream. Safe to use after the client has gone
/// (writes become no-ops); tells its owner when the client disconnects and when the response is complete.
class HttpResponder : public QObject
{
    Q_OBJECT
public:
    /// A responder of `server` (which hears first when it is finished, and owns it).
    HttpResponder(QTcpSocket* socket, bool headOnly, bool closeAfterResponse, HttpServer* server);
    ~HttpResponder() override;

    /// Called once after the response is complete, or can never be (client gone, aborted), when the server settles
    /// finished responses (HttpServer::settleFinished: after the next request is dispatched, or a millisecond
    /// later): the bookkeeping of whoever handles the request, off the response's path. A plain call, cheaper than
    /// a signal connection per request.
    void whenFinished(std::function<void()> callback) { m_whenFinished = std::move(callback); }

    /// A header added to whatever response follows (e.g. X-Request-ID).
    void addHeader(const QByteArray& name, const QByteArray& value);

    void send(int status, const QByteArray& contentType, const QByteArray& body, const HttpHeaders& extra = {});
    void sendJson(int status, const QJsonObject& json, const HttpHeaders& extra = {});
    void sendError(const ApiError& error);

    /// Starts a chunked response and flushes its headers at once.
    void beginStream(int status, const QByteArray& contentType, const HttpHeaders& extra = {});
    /// Sends one chunk of a stream (ignored when empty).
    void writeChunk(QByteArrayView data);
    /// Ends a stream.
    void endStream();
    /// Closes the connection without completing the response (a stream that cannot be finished properly); what was
    /// written before still reaches the client.
    void abort();

    bool isConnected() const;
    bool hasStarted() const { return m_status != 0; }
    bool isFinished() const { return m_finished; }
    /// The client disconnected before the response was complete.
    bool clientClosedEarly() const { return m_clientClosedEarly; }
    int status() const { return m_status; }
    qint64 bodyBytes() const { return m_bodyBytes; }
    /// Milliseconds from the request's arrival to the end of its response (until now while it is unfinished).
    qint64 elapsedMs() const { return m_finished ? m_elapsedMs : m_clock.elapsed(); }

signals:
    /// The client closed the connection before the response was complete.
    void clientDisconnected();

private:
    friend class ConnectionGuard; // tells of the client's disconnection
    friend class HttpServer;      // settles the finished response

    /// Appends the status line and headers (and records the status).
    void appendHead(
        QByteArray& out, int status, const QByteArray& contentType, qint64 contentLength, const HttpHeaders& extra);
    void write(QByteArrayView bytes);
    void finish();
    void runFinishedCallback();
    void onSocketDisconnected();

    QPointer<QTcpSocket> m_socket;
    ConnectionGuard* m_guard; ///< the socket's; alive while m_socket is
    HttpServer* m_server;
    std::function<void()> m_whenFinished;
    HttpHeaders m_headers;
    QElapsedTimer m_clock;
    bool m_headOnly;
    bool m_closeAfterResponse;
    bool m_streaming = false;
    bool m_finished = false;
    bool m_clientClosedEarly = false;
    int m_status = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_elapsedMs = 0; ///< once finished
};

/// The reason phrase of an HTTP status ("Not Found").
QByteArray httpReasonPhrase(int status);

} // namespace llamagate
