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
    return m_ollama.state == OllamaStatus::State::Unreachable ? Health::Degraded : Health::Running;
}

int StatusTracker::requestsPerMinute() const
{
    pruneRecent();
    return int(m_recent.size());
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
    return health() == Health::Degraded ? tr("Degraded: Ollama is not reachable") : tr("Running");
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
