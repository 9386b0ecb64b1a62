#include "mcp/transport/AutoHttpTransport.h"

#include "mcp/transport/LegacySseTransport.h"
#include "mcp/transport/StreamableHttpTransport.h"

namespace mcp {

AutoHttpTransport::AutoHttpTransport(HttpEndpoint endpoint, QObject* parent)
    : Transport(parent), m_endpoint(std::move(endpoint))
{
}

void AutoHttpTransport::open()
{
    auto* streamable = new StreamableHttpTransport(m_endpoint, true, this);
    connect(streamable, &StreamableHttpTransport::legacyFallbackRequested, this, &AutoHttpTransport::switchToLegacy);
    connect(streamable, &Transport::opened, this, &Transport::opened);
    adopt(streamable);
    streamable->open();
}

void AutoHttpTransport::adopt(Transport* transport)
{
    transport->setObjectName(objectName());
    connect(transport, &Transport::messageReceived, this, &Transport::messageReceived);
    connect(transport, &Transport::closed, this, &Transport::closed);
    connect(transport, &Transport::sessionExpired, this, &Transport::sessionExpired);
    m_current = transport;
}

void AutoHttpTransport::switchToLegacy(const QJsonObject& unsent)
{
    m_current->disconnect(this);
    m_current->deleteLater();
    m_usingLegacy = true;
    auto* legacy = new LegacySseTransport(m_endpoint, this);
    connect(legacy, &Transport::opened, this, [legacy, unsent] { legacy->send(unsent); });
    adopt(legacy);
    legacy->open();
}

void AutoHttpTransport::send(const QJsonObject& message)
{
    if (m_current)
        m_current->send(message);
}

void AutoHttpTransport::close()
{
    if (m_current)
        m_current->close();
    else
        emit closed({});
}

void AutoHttpTransport::sessionEstablished(const QString& protocolVersion)
{
    if (m_current)
        m_current->sessionEstablished(protocolVersion);
}

} // namespace mcp
