#pragma once

#include "gateway/GatewayStats.h"
#include "gateway/config/GatewayConfig.h"
#include "gateway/health/OllamaStatus.h"
#include "gateway/log/RequestLogEntry.h"

#include <QObject>
#include <QThread>

namespace llamagate {

class Gateway;
class OllamaHealthProbe;

/// Runs the Gateway on its own thread and talks to it only through queued calls and signals carrying values.
/// The headless runner and the tray app both drive the gateway through this class; on request it also watches
/// whether Ollama answers (ollamaStatusChanged).
class GatewayHost : public QObject
{
    Q_OBJECT
public:
    explicit GatewayHost(QObject* parent = nullptr);
    ~GatewayHost() override;

    void start(const GatewayConfig& config);
    void stop();
    /// Whether to keep asking Ollama whether it is up (ollamaStatusChanged) while the gateway runs. Off by default:
    /// only the desktop app shows it, and a headless gateway sends Ollama nothing it was not asked for.
    void setWatchOllama(bool watch) { m_watchOllama = watch; }
    /// Accepts the API keys stored in this settings file; call before start().
    void useKeyStore(const QString& settingsFile);
    /// Asks for the cache's counters; they come as cacheReported().
    void requestCacheReport();
    /// Empties the response cache; the new counters come as cacheReported().
    void clearCache();
    /// Drops an MCP server's connection and connects it again now.
    void restartMcpServer(const QString& name);

signals:
    void started(const QString& address, quint16 port);
    void startFailed(const QString& error);
    void stopped();
    void requestLogged(const llamagate::RequestLogEntry& entry);
    void ollamaStatusChanged(const llamagate::OllamaStatus& status);
    void cacheReported(const llamagate::CacheSnapshot& cache);
    /// Every configured MCP server with its state and tools, after any of them changed.
    void mcpServersChanged(const QList<llamagate::McpServerSnapshot>& servers);

protected:
    void connectNotify(const QMetaMethod& signal) override;

private:
    QThread m_thread;
    Gateway* m_gateway = nullptr;
    OllamaHealthProbe* m_probe = nullptr;
    bool m_watchOllama = false;
    bool m_forwardingRequests = false;
};

} // namespace llamagate
