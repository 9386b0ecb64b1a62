#pragma once

#include "mcp/transport/HttpTransportBase.h"

namespace mcp {

/// The `http` transport: Streamable HTTP first; when the initialize POST answers 400/404/405 it switches,
/// invisibly to the client, to the legacy HTTP+SSE transport at the same URL.
class AutoHttpTransport : public Transport
{
    Q_OBJECT
public:
    explicit AutoHttpTransport(HttpEndpoint endpoint, QObject* parent = nullptr);

    void open() override;
    void send(const QJsonObject& message) override;
    void close() override;
    void sessionEstablished(const QString& protocolVersion) override;

    /// True once the server turned out to speak only the legacy transport.
    bool usingLegacy() const { return m_usingLegacy; }

private:
    void adopt(Transport* transport);
    void switchToLegacy(const QJsonObject& unsent);

    HttpEndpoint m_endpoint;
    Transport* m_current = nullptr;
    bool m_usingLegacy = false;
};

} // namespace mcp
