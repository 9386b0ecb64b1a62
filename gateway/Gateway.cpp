#include "gateway/Gateway.h"

#include "gateway/access/AccessControl.h"
#include "gateway/cache/CacheService.h"
#include "gateway/http/HttpResponder.h"
#include "gateway/http/HttpServer.h"
#include "gateway/http/RequestIds.h"
#include "gateway/log/JsonLogger.h"
#include "gateway/ollama/OllamaClient.h"
#include "gateway/openai/ApiError.h"
#include "gateway/tools/McpHub.h"

#include "gateway/ollama/ModelQueue.h"
#include "gateway/routes/CacheRoutes.h"
#include "gateway/routes/InferenceRoutes.h"
#include "gateway/routes/McpRoutes.h"
#include "gateway/routes/ModelRoutes.h"
#include "gateway/routes/PassthroughRoutes.h"
#include "gateway/routes/SystemRoutes.h"

#include <QMetaMethod>

#include <algorithm>

namespace llamagate {

QString acceptRequestId(const QByteArray& incoming)
{
    // 8 to 128 of [A-Za-z0-9._:-], checked without a regular expression (this runs for every request).
    const auto sane = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == ':' || c == '-';
    };
    if (incoming.size() >= 8 && incoming.size() <= 128 && std::all_of(incoming.begin(), incoming.end(), sane))
        return QString::fromLatin1(incoming);
    return RequestIds::make();
}

Gateway::Gateway(QObject* parent) : QObject(parent), m_drainTimer(this), m_mcpReportTimer(this)
{
    m_ollama = new OllamaClient(this);
    m_access = new AccessControl(RateLimiter::monotonicClock(), this);
    m_context.ollama = m_ollama;
    m_context.queue = new ModelQueue(this);
    m_cache = new CacheService(this);
    m_context.cache = m_cache->cache();
    addSystemRoutes(m_router, m_context);
    addModelRoutes(m_router, m_context);
    addInferenceRoutes(m_router, m_context);
    addPassthroughRoutes(m_router, m_context);
    addCacheRoutes(m_router, m_context);
    m_context.mcp = new McpHub(m_ollama, m_context.queue, this);
    addMcpRoutes(m_router, m_context);
    m_router.add(
        "GET", QStringLiteral("/metrics"), RouteAccess::needs(Scope::Admin), [this](const ExchangePtr& exchange) {
            m_http->settleFinished(); // the responses finished before this request are counted
            exchange->responder->send(
                200, QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"), metricsText());
        });

    m_mcpReportTimer.setSingleShot(true);
    m_mcpReportTimer.setInterval(100);
    connect(&m_mcpReportTimer, &QTimer::timeout, this, &Gateway::reportMcpServers);
    mcp::ServerManager& servers = m_context.mcp->servers();
    connect(&servers, &mcp::ServerManager::statusChanged, &m_mcpReportTimer, qOverload<>(&QTimer::start));
    connect(&servers, &mcp::ServerManager::toolsChanged, &m_mcpReportTimer, qOverload<>(&QTimer::start));

    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, [this] {
        logWarning(QStringLiteral("shutdown timeout reached"),
                   {{QStringLiteral("unfinished_requests"), m_http ? m_http->activeResponses() : 0}});
        finishStop();
    });
}

Gateway::~Gateway()
{
    // The last responses' bookkeeping (their log lines) while this gateway is still whole.
    for (HttpServer* server : findChildren<HttpServer*>(Qt::FindDirectChildrenOnly))
        server->settleFinished();
}

void Gateway::start(const GatewayConfig& config)
{
    JsonLogger::batchWritesOfThisThread(); // request lines written together, up to 25 ms late, not one write each
    m_context.config = config;
    m_cors = CorsPolicy(config.list(Setting::CorsAllowedOrigins));
    m_access->configure(config);
    m_ollama->setBaseUrl(QUrl(config.text(Setting::OllamaHost)));
    m_context.mcp->apply(config);
    m_mcpReportTimer.start(); // servers may have gone without a status change
    m_context.queue->setLimits(int(config.integer(Setting::ModelConcurrency)),
                               int(config.integer(Setting::ModelQueueDepth)));
    m_cache->apply(config);

    ConnectionGuard::Options options;
    options.limits.maxBodyBytes = config.integer(Setting::MaxRequestSize);
    options.limits.maxHeaderBytes = config.integer(Setting::MaxHeaderSize);
    options.limits.maxHeaderCount = int(config.integer(Setting::MaxHeaderCount));
    options.headerTimeoutMs = int(config.integer(Setting::HeaderTimeout));
    options.idleTimeoutMs = int(config.integer(Setting::IdleTimeout));
    const QHostAddress address(config.text(Setting::ListenAddress));
    const quint16 port = quint16(config.integer(Setting::Port));
    if (m_http && m_http->isListening() && !m_stopping && m_http->address() == address &&
        (port == 0 || port == m_http->port())) {
        // Same socket: the new settings apply to every request from now on; nothing is dropped.
        m_http->setConnectionOptions(options);
        logInfo(QStringLiteral("settings applied"), {{QStringLiteral("port"), m_http->port()}});
        emit started(address.toString(), m_http->port());
        return;
    }
    if (m_http)
        retire(m_http);
    m_http = new HttpServer(this);
    m_http->setConnectionOptions(options);
    m_http->setHandler([this](const HttpRequest& request, HttpResponder* responder) { handle(request, responder); });
    connect(m_http,
            &HttpServer::requestRejected,
            this,
            [this](const QString& requestId, const QHostAddress& peer, int status, const QString& reason) {
                RequestLogEntry entry;
                entry.time = QDateTime::currentDateTimeUtc();
                entry.requestId = requestId;
                entry.status = status;
                entry.ip = peer.toString();
                entry.extra.insert(QStringLiteral("error"), reason);
                JsonLogger::instance().write(
                    LogLevel::Warn, QStringLiteral("request rejected"), entry.extra, entry.ownFields());
                emit requestLogged(entry);
            });
    connect(m_http, &HttpServer::drained, this, &Gateway::finishStopWhenDrained);

    QString error;
    if (!m_http->listen(address, port, &error)) {
        emit startFailed(error);
        return;
    }
    m_stopping = false;
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    logInfo(QStringLiteral("listening"),
            {{QStringLiteral("address"), address.toString()},
             {QStringLiteral("port"), m_http->port()},
             {QStringLiteral("url"), QStringLiteral("http://%1:%2/v1").arg(host).arg(m_http->port())},
             {QStringLiteral("ollama_host"), config.text(Setting::OllamaHost)},
             {QStringLiteral("version"), QStringLiteral(LLAMAGATE_VERSION)}});
    emit started(address.toString(), m_http->port());
}

void Gateway::retire(HttpServer* server)
{
    // A new address or port: the old server stops accepting, and goes once its requests are answered.
    server->disconnect(this);
    server->stopAccepting();
    const auto deleteWhenDrained = [server] {
        if (server->isDrained()) {
            server->settleFinished();
            server->deleteLater();
        }
    };
    connect(server, &HttpServer::drained, server, deleteWhenDrained);
    deleteWhenDrained();
}

void Gateway::stop()
{
    if (!m_http || m_stopping)
        return;
    m_stopping = true;
    m_http->stopAccepting();
    logInfo(QStringLiteral("shutting down"), {{QStringLiteral("in_flight"), m_http->activeResponses()}});
    m_drainTimer.start(std::chrono::milliseconds(m_context.config.integer(Setting::ShutdownTimeout)));
    finishStopWhenDrained();
}

void Gateway::useKeyStore(const QString& settingsFile)
{
    m_access->useKeyStore(settingsFile);
}

void Gateway::reportCache()
{
    emit cacheReported(cacheSnapshot(m_context));
}

void Gateway::clearCache()
{
    m_context.cache->clear();
    reportCache();
}

void Gateway::restartMcpServer(const QString& name)
{
    m_context.mcp->servers().restartServer(name);
}

void Gateway::reportMcpServers()
{
    const mcp::ServerManager& servers = m_context.mcp->servers();
    QList<McpServerSnapshot> snapshots;
    for (const mcp::ServerStatus& status : servers.statuses()) {
        const mcp::Client* client = servers.client(status.name);
        snapshots.append({status, client ? client->tools() : QList<mcp::ToolInfo>()});
    }
    emit mcpServersChanged(snapshots);
}

void Gateway::finishStopWhenDrained()
{
    // Drained: every response finished and its connection closed (so the last bytes have left).
    if (m_stopping && m_http && m_http->isDrained())
        finishStop();
}

void Gateway::finishStop()
{
    m_http->settleFinished(); // the last requests' log lines before "stopped"
    m_drainTimer.stop();
    m_stopping = false;
    m_access->flushUsage();
    m_cache->flush();
    HttpServer* http = std::exchange(m_http, nullptr);
    http->disconnect(this);
    // Later, not now: this may run inside a signal of one of the server's own sockets. Whatever is still open once
    // the drain time is over closes with it.
    http->deleteLater();
    logInfo(QStringLiteral("stopped"));
    emit stopped();
}

void Gateway::handle(const HttpRequest& request, HttpResponder* responder)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->request = request;
    exchange->request.requestId = acceptRequestId(request.header("x-request-id"));
    exchange->responder = responder;
    responder->addHeader(QByteArrayLiteral("X-Request-ID"), exchange->request.requestId.toLatin1());
    responder->whenFinished([this, exchange, responder] { logRequest(*exchange, *responder); });
    const QByteArray origin = request.header("origin");
    if (const std::optional<CorsPolicy::Preflight> preflight = m_cors.preflight(request)) {
        if (preflight->status == 403) {
            ApiError error =
                ApiError::invalidRequest(QStringLiteral("Origin %1 may not call this gateway (CORS_ALLOWED_ORIGINS)")
                                             .arg(QString::fromUtf8(origin)));
            error.status = 403;
            error.type = QStringLiteral("permission_error");
            error.code = QStringLiteral("origin_not_allowed");
            responder->sendError(error);
        } else {
            responder->send(preflight->status, QByteArray(), QByteArray(), preflight->headers);
        }
        return;
    }
    for (const auto& [name, value] : m_cors.responseHeaders(origin))
        responder->addHeader(name, value);

    const Router::Match match = m_router.match(request.method, request.path);
    exchange->route = match.pattern;
    const AccessControl::Decision access = m_access->admit(exchange->request, match.access);
    if (!access.keyName.isEmpty())
        exchange->logFields.insert(QStringLiteral("key"), access.keyName);
    if (!access.rateLimit.isEmpty())
        exchange->logFields.insert(QStringLiteral("rate_limit"), access.rateLimit);
    if (access.refusal) {
        responder->sendError(*access.refusal);
        return;
    }
    if (match.handler) {
        exchange->request.pathArgument = match.pathArgument;
        (*match.handler)(exchange);
    } else if (!match.allowedMethods.isEmpty()) {
        QStringList allowed;
        for (const QByteArray& method : match.allowedMethods)
            allowed.append(QString::fromLatin1(method));
        responder->sendJson(
            405,
            ApiError::methodNotAllowed(QString::fromLatin1(request.method), request.path, allowed).toJson(),
            {{QByteArrayLiteral("Allow"), match.allowedMethods.join(", ")}});
    } else {
        responder->sendError(ApiError::routeNotFound(QString::fromLatin1(request.method), request.path));
    }
}

QByteArray Gateway::metricsText() const
{
    const auto count = [this](auto member) { return m_http ? double((m_http->*member)()) : 0.0; };
    const ResponseCache::Stats cache = m_context.cache->stats();
    return m_metrics.render({
        {QStringLiteral("llamagate_http_requests_in_flight"),
         QStringLiteral("Requests whose response is not finished."),
         count(&HttpServer::activeResponses)},
        {QStringLiteral("llamagate_http_open_connections"),
         QStringLiteral("Open client connections."),
         count(&HttpServer::openConnections)},
        {QStringLiteral("llamagate_queue_waiting_requests"),
         QStringLiteral("Requests waiting for a model slot."),
         double(m_context.queue->totalWaiting())},
        {QStringLiteral("llamagate_upstream_requests_in_flight"),
         QStringLiteral("Requests Ollama is working on."),
         double(m_ollama->activeRequests())},
        {QStringLiteral("llamagate_cache_entries"),
         QStringLiteral("Answers in the response cache."),
         double(cache.entries)},
        {QStringLiteral("llamagate_cache_bytes"),
         QStringLiteral("Size of the answers in the response cache."),
         double(cache.bytes)},
    });
}

const QString& Gateway::peerText(const QHostAddress& peer)
{
    if (peer != m_lastPeer || m_lastPeerText.isNull()) {
        m_lastPeer = peer;
        m_lastPeerText = peer.toString();
    }
    return m_lastPeerText;
}

void Gateway::logRequest(const Exchange& exchange, const HttpResponder& responder)
{
    RequestLogEntry entry;
    entry.requestId = exchange.request.requestId;
    entry.method = QString::fromLatin1(exchange.request.method);
    entry.path = exchange.request.path;
    // 499 (as nginx says it): the client went away before any response was sent.
    entry.status = responder.status() == 0 ? 499 : responder.status();
    entry.extra = exchange.logFields;
    if (responder.clientClosedEarly())
        entry.extra.insert(QStringLiteral("client_closed"), true);
    entry.latencyMs = responder.elapsedMs();
    entry.ip = peerText(exchange.request.peer);
    const LogLevel level = entry.status >= 500   ? LogLevel::Error
                           : entry.status >= 400 ? LogLevel::Warn
                                                 : LogLevel::Info;
    JsonLogger::instance().write(level, QStringLiteral("request"), entry.extra, entry.ownFields());
    m_metrics.record(entry, exchange.route);
    if (isSignalConnected(QMetaMethod::fromSignal(&Gateway::requestLogged))) { // the desktop app's log view
        entry.time = QDateTime::currentDateTimeUtc();
        emit requestLogged(entry);
    }
}

} // namespace llamagate
