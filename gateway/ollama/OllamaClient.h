#pragma once

#include "gateway/http/HttpRequest.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace llamagate {

class OllamaCall;
class UpstreamConnection;

/// Sends requests to one Ollama server's native API over a pool of keep-alive connections of its own, on the
/// gateway thread. (Qt 6.4's QNetworkAccessManager caps a host at 6 connections, reads response heads one byte per
/// system call and hops threads for every request: too slow for a proxy — see docs/benchmarks.md.)
class OllamaClient : public QObject
{
    Q_OBJECT
public:
    explicit OllamaClient(QObject* parent = nullptr);
    ~OllamaClient() override;

    void setBaseUrl(const QUrl& baseUrl);
    QUrl baseUrl() const { return m_baseUrl; }

    /// Starts a request; the call belongs to `owner` (it is aborted when the owner goes away).
    OllamaCall* send(const QByteArray& method,
                     const QString& path,
                     const QByteArray& body,
                     qint64 timeoutMs,
                     bool streamed,
                     QObject* owner,
                     const QByteArray& contentType = QByteArrayLiteral("application/json"),
                     const HttpHeaders& extraHeaders = {});

    OllamaCall* get(const QString& path, qint64 timeoutMs, QObject* owner)
    {
        return send(QByteArrayLiteral("GET"), path, {}, timeoutMs, false, owner);
    }
    OllamaCall* postJson(const QString& path, const QByteArray& json, qint64 timeoutMs, bool streamed, QObject* owner)
    {
        return send(QByteArrayLiteral("POST"), path, json, timeoutMs, streamed, owner);
    }

    /// Requests in flight right now.
    int activeRequests() const { return m_active; }

    /// A connection for one request: an idle one from the pool, else a new one. `fresh` forces a new one.
    UpstreamConnection* acquire(bool fresh);
    /// Gives a connection back after a response: kept for the next request when reusable, else closed.
    void release(UpstreamConnection* connection, bool reusable);

private:
    friend class OllamaCall;
    void callStarted() { ++m_active; }
    void callEnded() { --m_active; }
    void closeIdleConnections();

    QUrl m_baseUrl;
    QByteArray m_basePath;                  ///< prefix of every request target ("" for a server at the root)
    QByteArray m_hostHeader = "Host: \r\n"; ///< the Host header line
    QList<QPointer<UpstreamConnection>> m_idle;
    QTimer m_idleSweep;
    int m_active = 0;
};

} // namespace llamagate
