#pragma once

#include "gateway/health/OllamaStatus.h"
#include "gateway/log/RequestLogEntry.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

namespace llamagate {

/// What the gateway is doing.
enum class GatewayState
{
    Stopped,
    Starting,
    Running,
    Stopping
};
/// The one-word summary the tray shows: running, running without a reachable Ollama, or stopped.
enum class Health
{
    Running,
    Degraded,
    Stopped
};

/// The GUI thread's picture of the gateway, built from GatewayHost's signals: state, endpoint, Ollama's
/// reachability, requests served and per minute. Pages and the tray read it and follow changed().
class StatusTracker : public QObject
{
    Q_OBJECT
public:
    explicit StatusTracker(QObject* parent = nullptr);

    GatewayState state() const { return m_state; }
    Health health() const;
    /// The URL clients use (http://host:port/v1), empty while not running.
    QString endpoint() const { return m_endpoint; }
    /// Why the last start failed, empty when it did not.
    QString startError() const { return m_startError; }
    QString ollamaHost() const { return m_ollamaHost; }
    OllamaStatus ollama() const { return m_ollama; }
    qint64 requestsServed() const { return m_requestsServed; }
    /// Requests logged during the last minute.
    int requestsPerMinute() const;
    /// One line for people: "Running", "Degraded: Ollama is not reachable", "Stopped: <why>" …
    QString summary() const;

    /// The endpoint URL for a listening address and port; a wildcard address is shown as loopback.
    static QString endpointFor(const QString& address, quint16 port);

public slots:
    void setStarting(const QString& ollamaHost);
    void setStarted(const QString& address, quint16 port);
    void setStartFailed(const QString& error);
    void setStopping();
    void setStopped();
    void setOllamaStatus(const llamagate::OllamaStatus& status);
    void countRequest(const llamagate::RequestLogEntry& entry);

signals:
    void changed();
    /// Ollama went from reachable to unreachable or back (not emitted for the first answer).
    void ollamaReachabilityChanged(bool reachable);

private:
    void pruneRecent() const;

    GatewayState m_state = GatewayState::Stopped;
    QString m_endpoint;
    QString m_startError;
    QString m_ollamaHost;
    OllamaStatus m_ollama;
    qint64 m_requestsServed = 0;
    mutable QList<QDateTime> m_recent; ///< arrival times within the last minute, oldest first
    QTimer m_rateTimer;
};

} // namespace llamagate
