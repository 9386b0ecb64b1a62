#pragma once

#include "mcp/transport/HttpTransportBase.h"
#include "mcp/transport/SseParser.h"

class QNetworkReply;

namespace mcp {

/// The HTTP+SSE transport of protocol 2024-11-05: a GET event stream whose first `endpoint` event names the
/// URL to POST messages to; responses arrive as `message` events on the stream.
class LegacySseTransport : public HttpTransportBase
{
    Q_OBJECT
public:
    explicit LegacySseTransport(HttpEndpoint endpoint, QObject* parent = nullptr);
    ~LegacySseTransport() override;

    void open() override;
    void send(const QJsonObject& message) override;
    void close() override;

    QUrl postUrl() const { return m_postUrl; }

private:
    void readStream();
    void onStreamFinished();

    QNetworkReply* m_stream = nullptr;
    SseParser m_parser;
    QUrl m_postUrl;
    bool m_closing = false;
};

} // namespace mcp
