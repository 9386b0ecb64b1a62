#include "ui/StatusTracker.h"

#include <QHostAddress>

namespace llamagate {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

} // namespace

StatusTracker::StatusTracker(QObject* parent) : QObject(parent), m_rateTimer(this)
{
    // Requests per minute fall as the minute passes, also without new requests.
    m_rateTimer.setInterval(5000);
    connect(&m_rateTimer, &QTimer::timeout, this, [this] {
        pruneRecent();
        if (m_recent.isEmpty())
            m_rateTimer.stop();
        emit changed();
    });
}

Health StatusTracker::health() const
{
    if (m_state != GatewayState::Running)
        return Health::Stopped;
    const bool ollamaDown = m_ollama.state == OllamaStatus::State::Unreachable;
    return ollamaDown || !m_failingMcp.isEmpty() ? Health::Degraded : Health::Running;
}

int StatusTracker::mcpServersReady() const
{
    return int(std::count_if(m_mcpServers.cbegin(), m_mcpServers.cend(), [](const McpServerSnapshot& server) {
        return server.status.state == mcp::ServerState::Ready;
    }));
}

int StatusTracker::requestsPerMinute() const
{
    pruneRecent();
    return int(m_recent.size());
}

mcp::ServerStatus StatusTracker::mcpServerStatus(const QString& name) const
{
    for (const McpServerSnapshot& server : m_mcpServers) {
        if (server.status.name == name)
            return server.status;
    }
    return {};
}

QString StatusTracker::summary() const
{
    switch (m_state) {
    case GatewayState::Starting:
        return tr("Starting…");
    case GatewayState::Stopping:
        return tr("Stopping…");
    case GatewayState::Stopped:
        return m_startError.isEmpty() ? tr("Stopped") : tr("Stopped: %1").arg(m_startError);
    case GatewayState::Running:
        break;
    }
    if (health() == Health::Running)
        return tr("Running");
    QStringList problems;
    if (m_ollama.state == OllamaStatus::State::Unreachable)
        problems.append(tr("Ollama is not reachable"));
    if (!m_failingMcp.isEmpty())
        problems.append(tr("MCP server %1 is in error", nullptr, int(m_failingMcp.size()))
                            .arg(m_failingMcp.join(QStringLiteral(", "))));
    return tr("Degraded: %1").arg(problems.join(QStringLiteral("; ")));
}

QString StatusTracker::endpointFor(const QString& address, quint16 port)
{
    QHostAddress host(address);
    if (host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6 || host == QHostAddress::Any)
        host = QHostAddress::LocalHostIPv6;
    const QString shown = host.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(host.toString())
                                                                           : host.toString();
    return QStringLiteral("http://%1:%2/v1").arg(shown).arg(port);
}

void StatusTracker::setStarting(const QString& ollamaHost)
{
    m_state = GatewayState::Starting;
    m_ollamaHost = ollamaHost;
    m_startError.clear();
    m_mcpReported = false;
    emit changed();
}

void StatusTracker::setStarted(const QString& address, quint16 port)
{
    m_state = GatewayState::Running;
    m_endpoint = endpointFor(address, port);
    m_startError.clear();
    emit changed();
}

void StatusTracker::setStartFailed(const QString& error)
{
    m_state = GatewayState::Stopped;
    m_endpoint.clear();
    m_startError = error;
    emit changed();
}

void StatusTracker::setStopping()
{
    m_state = GatewayState::Stopping;
    emit changed();
}

void StatusTracker::setStopped()
{
    m_state = GatewayState::Stopped;
    m_endpoint.clear();
    emit changed();
}

void StatusTracker::setOllamaStatus(const OllamaStatus& status)
{
    const OllamaStatus::State before = m_ollama.state;
    m_ollama = status;
    emit changed();
    if (before != OllamaStatus::State::Unknown && status.state != OllamaStatus::State::Unknown &&
        before != status.state)
        emit ollamaReachabilityChanged(status.state == OllamaStatus::State::Reachable);
}

void StatusTracker::setMcpServers(const QList<McpServerSnapshot>& servers)
{
    m_mcpServers = servers;
    m_mcpReported = true;
    QStringList failed;
    QStringList recovered;
    QStringList failing;
    for (const McpServerSnapshot& server : servers) {
        const QString& name = server.status.name;
        const bool wasFailing = m_failingMcp.contains(name);
        switch (server.status.state) {
        case mcp::ServerState::Error:
            failing.append(name);
            if (!wasFailing)
                failed.append(name);
            break;
        case mcp::ServerState::Connecting: // a restart after a failure: still failing until it is ready
            if (wasFailing)
                failing.append(name);
            break;
        case mcp::ServerState::Ready:
            if (wasFailing)
                recovered.append(name);
            break;
        case mcp::ServerState::Stopped: // switched off or the gateway stopped: no news
            break;
        }
    }
    m_failingMcp = failing;
    emit changed();
    for (const QString& name : std::as_const(failed))
        emit mcpServerReachabilityChanged(name, false);
    for (const QString& name : std::as_const(recovered))
        emit mcpServerReachabilityChanged(name, true);
}

void StatusTracker::setCache(const CacheSnapshot& cache)
{
    m_cache = cache;
    emit changed();
}

void StatusTracker::countRequest(const RequestLogEntry&)
{
    ++m_requestsServed;
    m_recent.append(QDateTime::currentDateTimeUtc());
    if (!m_rateTimer.isActive())
        m_rateTimer.start();
    emit changed();
}

void StatusTracker::pruneRecent() const
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addMSecs(-kMinuteMs);
    while (!m_recent.isEmpty() && m_recent.constFirst() < cutoff)
        m_recent.removeFirst();
}

} // namespace llamagate
