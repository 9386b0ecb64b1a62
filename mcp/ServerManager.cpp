#include "mcp/ServerManager.h"

#include "mcp/McpLog.h"
#include "mcp/transport/TransportFactory.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace mcp {

/// One configured server and what the manager knows about it.
struct ServerManager::Server
{
    ServerConfig config;
    std::unique_ptr<Client> client;
    ServerStatus status;
    QTimer* retryTimer = nullptr;
    QTimer* pingTimer = nullptr;
    int failures = 0; ///< consecutive failures; sets the backoff
    bool pingInFlight = false;
};

ServerManager::ServerManager(ServerManagerOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options))
{
    qRegisterMetaType<ServerStatus>();
}

ServerManager::~ServerManager()
{
    for (auto& [name, server] : m_servers) {
        if (server->client)
            server->client->disconnect(this);
    }
}

void ServerManager::setSamplingHandler(ServerRequestHandler handler)
{
    m_samplingHandler = std::move(handler);
}

ServerManager::Server* ServerManager::find(const QString& name) const
{
    const auto it = m_servers.find(name);
    return it == m_servers.end() ? nullptr : it->second.get();
}

void ServerManager::setServers(const QList<ServerConfig>& configs)
{
    QStringList names;
    for (const ServerConfig& config : configs)
        names.append(config.name);
    for (auto it = m_servers.begin(); it != m_servers.end();) {
        if (!names.contains(it->first)) {
            dropClient(*it->second);
            it = m_servers.erase(it);
        } else {
            ++it;
        }
    }
    for (const ServerConfig& config : configs) {
        auto& slot = m_servers[config.name];
        if (!slot) {
            slot = std::make_unique<Server>();
            slot->status.name = config.name;
            slot->retryTimer = new QTimer(this);
            slot->retryTimer->setSingleShot(true);
            slot->pingTimer = new QTimer(this);
            Server* server = slot.get();
            connect(server->retryTimer, &QTimer::timeout, this, [this, server] { connectServer(*server); });
            connect(server->pingTimer, &QTimer::timeout, this, [this, server] { ping(*server); });
        }
        Server& server = *slot;
        const bool unchanged = server.config == config && server.status.state != ServerState::Stopped;
        if (unchanged)
            continue;
        server.config = config;
        dropClient(server);
        server.failures = 0;
        server.status.restarts = 0;
        server.status.lastError.clear();
        server.status.stderrTail.clear();
        if (config.enabled) {
            server.status.state = ServerState::Connecting;
            server.retryTimer->start(0); // connect from the event loop, never inside this call
        } else {
            server.status.state = ServerState::Stopped;
        }
        publish(server);
    }
    rebuildRegistry();
}

void ServerManager::restartServer(const QString& name)
{
    Server* server = find(name);
    if (!server || !server->config.enabled)
        return;
    dropClient(*server);
    server->status.state = ServerState::Connecting;
    publish(*server);
    rebuildRegistry();
    server->retryTimer->start(0);
}

void ServerManager::stopAll()
{
    for (auto& [name, server] : m_servers) {
        if (server->client)
            server->client->close();
        server->retryTimer->stop();
        server->pingTimer->stop();
        server->status.state = ServerState::Stopped;
        server->status.connectedAt = {};
        server->status.nextRetryAt = {};
        publish(*server);
    }
    rebuildRegistry();
}

void ServerManager::connectServer(Server& server)
{
    dropClient(server);
    server.status.state = ServerState::Connecting;
    server.status.nextRetryAt = {};
    publish(server);

    server.client = std::make_unique<Client>(createTransport(server.config), m_options.client);
    Client* client = server.client.get();
    client->setObjectName(server.config.name);
    if (m_samplingHandler)
        client->setSamplingHandler(m_samplingHandler);
    connect(client, &Client::ready, this, [this, &server] { onReady(server); });
    connect(client, &Client::closed, this, [this, &server](const QString& error) { onClosed(server, error); });
    const auto relisted = [this, &server] {
        updateCounts(server);
        publish(server);
        rebuildRegistry();
    };
    connect(client, &Client::toolsChanged, this, relisted);
    connect(client, &Client::resourcesChanged, this, relisted);
    connect(client, &Client::promptsChanged, this, relisted);
    client->connectToServer();
}

void ServerManager::onReady(Server& server)
{
    server.status.state = ServerState::Ready;
    server.status.lastError.clear();
    server.status.connectedAt = QDateTime::currentDateTimeUtc();
    server.status.stderrTail = server.client->transport()->stderrTail();
    updateCounts(server);
    server.pingInFlight = false;
    server.pingTimer->start(m_options.pingInterval);
    qCInfo(lcMcp) << server.config.name << "ready:" << server.status.toolCount << "tools";
    publish(server);
    rebuildRegistry();
}

void ServerManager::onClosed(Server& server, const QString& error)
{
    server.pingTimer->stop();
    if (server.client)
        server.status.stderrTail = server.client->transport()->stderrTail();
    const bool wasReady = server.status.state == ServerState::Ready;
    // A server that stayed up for a while starts its backoff afresh.
    if (wasReady && server.status.connectedAt.msecsTo(QDateTime::currentDateTimeUtc()) > m_options.maxBackoff.count())
        server.failures = 0;
    server.status.connectedAt = {};
    dropClient(server);
    if (error.isEmpty()) {
        server.status.state = ServerState::Stopped;
        publish(server);
        rebuildRegistry();
        return;
    }
    server.status.state = ServerState::Error;
    server.status.lastError = error;
    qCWarning(lcMcp).noquote() << server.config.name << "failed:" << error;
    scheduleRestart(server);
    publish(server);
    rebuildRegistry();
}

void ServerManager::scheduleRestart(Server& server)
{
    if (!server.config.enabled)
        return;
    const qint64 factor = qint64(1) << std::min(server.failures, 20);
    const qint64 delay = std::min(m_options.initialBackoff.count() * factor, qint64(m_options.maxBackoff.count()));
    ++server.failures;
    ++server.status.restarts;
    server.status.nextRetryAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
    server.retryTimer->start(int(delay));
}

void ServerManager::dropClient(Server& server)
{
    server.pingTimer->stop();
    server.retryTimer->stop();
    if (!server.client)
        return;
    Client* client = server.client.release();
    client->disconnect(this);
    // The client may be emitting the signal that brought us here: delete it once it has returned.
    client->deleteLater();
}

void ServerManager::ping(Server& server)
{
    if (!server.client || server.status.state != ServerState::Ready || server.pingInFlight)
        return;
    server.pingInFlight = true;
    const QPointer<Client> client = server.client.get();
    const std::chrono::milliseconds timeout = m_options.pingTimeout;
    server.client->ping(timeout, [this, &server, client, timeout](const RpcOutcome& outcome) {
        if (!client || server.client.get() != client)
            return; // an answer for a connection we already dropped
        server.pingInFlight = false;
        // A server that does not implement ping still answered: only silence means it hangs.
        if (outcome.ok() || outcome.error->code != rpc::RequestTimeout)
            return;
        onClosed(server, QStringLiteral("the server did not answer ping within %1 ms").arg(timeout.count()));
    });
}

void ServerManager::updateCounts(Server& server)
{
    if (!server.client)
        return;
    server.status.toolCount = int(allowedTools(server.config.name).size());
    server.status.resourceCount = int(server.client->resources().size());
    server.status.promptCount = int(server.client->prompts().size());
}

void ServerManager::publish(Server& server)
{
    emit statusChanged(server.status);
}

void ServerManager::rebuildRegistry()
{
    QList<ToolRef> tools;
    for (const auto& [name, server] : m_servers) {
        for (const ToolInfo& tool : allowedTools(name))
            tools.append({name, tool.name});
    }
    const QStringList before = m_registry.exposedNames();
    m_registry.rebuild(tools);
    if (m_registry.exposedNames() != before)
        emit toolsChanged();
}

QList<ServerStatus> ServerManager::statuses() const
{
    QList<ServerStatus> list;
    for (const auto& [name, server] : m_servers)
        list.append(server->status);
    return list;
}

std::optional<ServerStatus> ServerManager::status(const QString& name) const
{
    const Server* server = find(name);
    return server ? std::optional<ServerStatus>(server->status) : std::nullopt;
}

QStringList ServerManager::readyServers() const
{
    QStringList names;
    for (const auto& [name, server] : m_servers) {
        if (server->status.state == ServerState::Ready)
            names.append(name);
    }
    return names;
}

Client* ServerManager::client(const QString& name) const
{
    const Server* server = find(name);
    return server && server->status.state == ServerState::Ready ? server->client.get() : nullptr;
}

QList<ToolInfo> ServerManager::allowedTools(const QString& name) const
{
    const Client* ready = client(name);
    if (!ready)
        return {};
    const ServerConfig& config = find(name)->config;
    QList<ToolInfo> tools = ready->tools();
    tools.removeIf([&](const ToolInfo& tool) { return !config.allowsTool(tool.name); });
    return tools;
}

CallHandle ServerManager::callTool(const QString& exposedName,
                                   const QJsonObject& arguments,
                                   CallOptions options,
                                   std::function<void(const ToolCallResult&)> done)
{
    const std::optional<ToolRef> ref = m_registry.resolve(exposedName);
    Client* target = ref ? client(ref->server) : nullptr;
    if (!target) {
        ToolCallResult failed;
        failed.error = RpcError{rpc::MethodNotFound,
                                ref ? QStringLiteral("MCP server %1 is not ready").arg(ref->server)
                                    : QStringLiteral("no MCP tool is called %1").arg(exposedName),
                                {}};
        QTimer::singleShot(0, this, [done, failed] { done(failed); });
        return {};
    }
    if (options.timeout.count() <= 0)
        options.timeout = find(ref->server)->config.timeout;
    QElapsedTimer clock;
    clock.start();
    const QPointer<ServerManager> self(this);
    auto counted = [self, ref = *ref, clock, done = std::move(done)](const ToolCallResult& result) {
        if (Server* server = self ? self->find(ref.server) : nullptr) {
            ToolCallCounts& counts = server->status.toolCalls[ref.tool];
            ++counts.calls;
            counts.errors += result.error ? 1 : 0;
            counts.toolErrors += !result.error && result.isError ? 1 : 0;
            counts.totalMs += clock.elapsed();
        }
        done(result);
    };
    return {ref->server, target->callTool(ref->tool, arguments, options, std::move(counted))};
}

void ServerManager::cancelCall(const CallHandle& call, const QString& reason)
{
    if (Client* target = client(call.server); target && call.requestId != 0)
        target->cancel(call.requestId, reason);
}

} // namespace mcp
