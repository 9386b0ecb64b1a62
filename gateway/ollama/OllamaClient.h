#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace llamagate {

class OllamaCall;

/// Sends requests to one Ollama server's native API. Lives on the gateway thread.
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

private:
    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
};

} // namespace llamagate
