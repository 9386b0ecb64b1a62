#pragma once

#include "mcp/transport/HttpTransportBase.h"

#include <QList>

#include <memory>

namespace mcp {

/// MCP Streamable HTTP (2025-03-26 and later): each message is a POST answered with JSON or an event stream,
/// a GET stream carries server-initiated messages, `Mcp-Session-Id` and `MCP-Protocol-Version` ride on every
/// request, broken streams resume with `Last-Event-ID` after the server's `retry:` delay, DELETE ends the session.
class StreamableHttpTransport : public HttpTransportBase
{
    Q_OBJECT
public:
    /// With `offerLegacyFallback`, an initialize POST answered 400/404/405 emits legacyFallbackRequested().
    StreamableHttpTransport(HttpEndpoint endpoint, bool offerLegacyFallback, QObject* parent = nullptr);
    ~StreamableHttpTransport() override;

    void open() override;
    void send(const QJsonObject& message) override;
    void close() override;
    void sessionEstablished(const QString& protocolVersion) override;

    QString sessionId() const { return QString::fromUtf8(m_sessionId); }

    /// Delay before resuming a broken stream when the server gave no `retry:`.
    static constexpr int DefaultRetryMs = 1000;

signals:
    /// The server does not speak Streamable HTTP; `unsent` (the initialize request) should go to a legacy transport.
    void legacyFallbackRequested(const QJsonObject& unsent);

private:
    struct Stream;

    QNetworkRequest requestWithSession(const QByteArray& accept) const;
    void onPostFinished(QNetworkReply* reply,
                        const QJsonObject& message,
                        const std::shared_ptr<Stream>& stream,
                        bool hadSession);
    void openGetStream(const QString& lastEventId);
    void readEvents(QNetworkReply* reply, Stream& stream);
    void scheduleResume(const Stream& stream);
    void abortAll();

    bool m_offerLegacyFallback;
    QByteArray m_sessionId;
    QString m_protocolVersion;
    QList<QNetworkReply*> m_replies;
    bool m_closing = false;
    bool m_failed = false;
};

} // namespace mcp
