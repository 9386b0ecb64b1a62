#pragma once

#include <QList>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace llamagate {

class OllamaCall;

/// Sends requests to one Ollama server's native API. Lives on the gateway thread.
/// Qt 6.4's QNetworkAccessManager opens at most 6 connections per host and silently queues the rest, so the client
/// spreads requests over as many managers as needed: every request it starts is really in flight.
class OllamaClient : public QObject
{
    Q_OBJECT
public:
    explicit OllamaClient(QObject* parent = nullptr);

    void setBaseUrl(const QUrl& baseUrl) { m_baseUrl = baseUrl; }
    QUrl baseUrl() const { return m_baseUrl; }

    /// Starts a request; the call belongs to `owner` (it is aborted when the owner goes away).
    OllamaCall* send(const QByteArray& method,
                     const QString& path,
                     const QByteArray& body,
                     qint64 timeoutMs,
                     bool streamed,
                     QObject* owner,
                     const QByteArray& contentType = QByteArrayLiteral("application/json"));

    OllamaCall* get(const QString& path, qint64 timeoutMs, QObject* owner)
    {
        return send(QByteArrayLiteral("GET"), path, {}, timeoutMs, false, owner);
    }
    OllamaCall* postJson(const QString& path, const QByteArray& json, qint64 timeoutMs, bool streamed, QObject* owner)
    {
        return send(QByteArrayLiteral("POST"), path, json, timeoutMs, streamed, owner);
    }

    /// Requests in flight right now.
    int activeRequests() const;

    /// Connections one QNetworkAccessManager opens to one host (fixed in Qt 6.4).
    static constexpr int kConnectionsPerManager = 6;

private:
    QNetworkAccessManager* leastBusyManager();

    struct Lane
    {
        QNetworkAccessManager* manager;
        int active = 0;
    };
    QList<Lane> m_lanes;
    QUrl m_baseUrl;
};

} // namespace llamagate
