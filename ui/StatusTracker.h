#pragma once

#include "gateway/GatewayStats.h"
#include "gateway/health/OllamaStatus.h"
#include "gateway/log/RequestLogEntry.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

namespace llamagate {

/// What the gateway is doing.
enum class GatewayState
{
    Stopped,
    Starting,
    Running,
    Stopping
};
/// The one-word summary the tray shows: running, running without a reachable Ollama or with an MCP server in error,
/// or stopped.
enum class Health
{
    Running,
    Degraded,
    Stopped
};

/// The GUI thread's picture of the gateway, built from GatewayHost's signals: state, endpoint, Ollama's
/// reachability, the MCP servers, the cache's counters, requests served and per minute. Pages and the tray read it
/// and follow changed().
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
    /// Every configured MCP server with its state and tools, as last reported.
    QList<McpServerSnapshot> mcpServers() const { return m_mcpServers; }
    /// Whether the gateway has reported its MCP servers since it was last started.
    bool mcpReported() const { return m_mcpReported; }
    int mcpServersReady() const;
    /// The last reported status of this MCP server (a default one when it is not known).
    mcp::ServerStatus mcpServerStatus(const QString& name) const;
    /// The MCP servers that failed and have not been ready since (also while they are being restarted).
    QStringList failingMcpServers() const { return m_failingMcp; }
    /// The cache as last reported; nullopt before the first report.
    std::optional<CacheSnapshot> cache() const { return m_cache; }
    qint64 requestsServed() const { return m_requestsServed; }
    /// Requests logged during the last minute.
    int requestsPerMinute() const;
    /// One line for people: "Running", "Degraded: Ollama is not reachable", "Degraded: MCP server x is in error",
    /// "Stopped: <why>" …
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
    void setMcpServers(const QList<llamagate::McpServerSnapshot>& servers);
    void setCache(const llamagate::CacheSnapshot& cache);
    void countRequest(const llamagate::RequestLogEntry& entry);

signals:
    void changed();
    /// Ollama went from reachable to unreachable or back (not emitted for the first answer).
    void ollamaReachabilityChanged(bool reachable);
    /// An MCP server failed (ready = false), or is ready again after failing (ready = true).
    void mcpServerReachabilityChanged(const QString& name, bool ready);

private:
    void pruneRecent() const;

    GatewayState m_state = GatewayState::Stopped;
    QString m_endpoint;
    QString m_startError;
    QString m_ollamaHost;
    OllamaStatus m_ollama;
    QList<McpServerSnapshot> m_mcpServers;
    QStringList m_failingMcp;
    bool m_mcpReported = false;
    std::optional<CacheSnapshot> m_cache;
    qint64 m_requestsServed = 0;
    mutable QList<QDateTime> m_recent; ///< arrival times within the last minute, oldest first
    QTimer m_rateTimer;
};

} // namespace llamagate
