#pragma once

#include "gateway/GatewayStats.h"
#include "gateway/config/GatewayConfig.h"
#include "gateway/http/CorsPolicy.h"
#include "gateway/log/RequestLogEntry.h"
#include "gateway/metrics/GatewayMetrics.h"
#include "gateway/routes/GatewayContext.h"
#include "gateway/routes/Router.h"

#include <QObject>
#include <QTimer>

namespace llamagate {

class CacheService;
class AccessControl;
class HttpServer;
class HttpResponder;
class OllamaClient;

/// The gateway: listens, gives every request an id, routes it, and logs it. Lives on the gateway thread and is
/// driven by queued calls (start, stop) from GatewayHost.
class Gateway : public QObject
{
    Q_OBJECT
public:
    explicit Gateway(QObject* parent = nullptr);
    ~Gateway() override;

public slots:
    /// Applies the settings and listens; emits started() or startFailed(). Running already on the same address and
    /// port, the settings apply live without dropping anything; a new address or port rebinds while the old server
    /// finishes the requests it has.
    void start(const llamagate::GatewayConfig& config);
    /// Stops accepting, lets in-flight requests finish up to the shutdown timeout, then emits stopped().
    void stop();
    /// Accepts the API keys stored in this settings file (and picks up changes to it) besides API_KEY.
    void useKeyStore(const QString& settingsFile);
    /// Emits cacheReported() with the cache's counters now.
    void reportCache();
    void clearCache();
    /// Drops an MCP server's connection and connects it again now.
    void restartMcpServer(const QString& name);

signals:
    void started(const QString& address, quint16 port);
    void startFailed(const QString& error);
    void stopped();
    void requestLogged(const llamagate::RequestLogEntry& entry);
    void cacheReported(const llamagate::CacheSnapshot& cache);
    /// The MCP servers changed state or tools (at most a few times a second).
    void mcpServersChanged(const QList<llamagate::McpServerSnapshot>& servers);

private:
    void handle(const HttpRequest& request, HttpResponder* responder);
    void logRequest(const Exchange& exchange, const HttpResponder& responder);
    /// The address as text; the last one is kept, as requests mostly come from the same clients over and over.
    const QString& peerText(const QHostAddress& peer);
    QByteArray metricsText() const;
    void retire(HttpServer* server);
    void finishStop();
    void finishStopWhenDrained();
    void reportMcpServers();

    GatewayContext m_context;
    Router m_router;
    CorsPolicy m_cors;
    GatewayMetrics m_metrics;
    AccessControl* m_access = nullptr;
    HttpServer* m_http = nullptr;
    OllamaClient* m_ollama = nullptr;
    CacheService* m_cache = nullptr;
    QTimer m_drainTimer;
    QTimer m_mcpReportTimer; ///< gathers bursts of MCP status changes into one report
    bool m_stopping = false;
    QHostAddress m_lastPeer;
    QString m_lastPeerText;
};

/// A sane client-sent request id is kept; anything else is replaced by a new UUID.
QString acceptRequestId(const QByteArray& incoming);

} // namespace llamagate
