#include "gateway/routes/McpRoutes.h"

#include "gateway/routes/GatewayContext.h"
#include "gateway/routes/JsonBody.h"
#include "gateway/routes/Router.h"
#include "gateway/tools/McpHub.h"
#include "gateway/tools/McpServerJson.h"
#include "gateway/tools/McpServerList.h"

#include <QJsonArray>
#include <QPointer>

namespace llamagate {

namespace {

ApiError mcpError(int status, const QString& code, const QString& message)
{
    ApiError error = ApiError::invalidRequest(message, QString(), code);
    error.status = status;
    error.shouldRetry = status == 503 && code != u"mcp_disabled";
    return error;
}

QString stateName(mcp::ServerState state)
{
    switch (state) {
    case mcp::ServerState::Stopped:
        return QStringLiteral("stopped");
    case mcp::ServerState::Connecting:
        return QStringLiteral("connecting");
    case mcp::ServerState::Ready:
        return QStringLiteral("ready");
    case mcp::ServerState::Error:
        return QStringLiteral("error");
    }
    return {};
}

QJsonValue timeJson(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QJsonArray jsonList(const auto& items)
{
    QJsonArray array;
    for (const auto& item : items)
        array.append(item.json);
    return array;
}

/// One request to a server's part of the API: the hub, the exchange, and the named server.
class ServerRequest
{
public:
    ServerRequest(McpHub& hub, ExchangePtr exchange, QString name)
        : m_hub(hub), m_exchange(std::move(exchange)), m_name(std::move(name))
    {
    }

    /// The server's config, or false after answering server_not_found.
    bool exists() const
    {
        if (m_hub.serverConfig(m_name))
            return true;
        error(
            mcpError(404, QStringLiteral("server_not_found"), QStringLiteral("No MCP server named '%1'").arg(m_name)));
        return false;
    }
    /// The ready client, or null after answering server_not_found / server_not_ready.
    mcp::Client* client() const
    {
        if (!exists())
            return nullptr;
        if (mcp::Client* ready = m_hub.servers().client(m_name))
            return ready;
        const std::optional<mcp::ServerStatus> status = m_hub.servers().status(m_name);
        error(mcpError(
            503,
            QStringLiteral("server_not_ready"),
            QStringLiteral("MCP server '%1' is %2%3")
                .arg(m_name,
                     status ? stateName(status->state) : QStringLiteral("stopped"),
                     status && !status->lastError.isEmpty() ? QStringLiteral(": ") + status->lastError : QString())));
        return nullptr;
    }
    void answer(const QJsonObject& json, int status = 200) const
    {
        if (HttpResponder* responder = m_exchange->live())
            responder->sendJson(status, json);
    }
    void error(const ApiError& apiError) const
    {
        if (HttpResponder* responder = m_exchange->live())
            responder->sendError(apiError);
    }

private:
    McpHub& m_hub;
    ExchangePtr m_exchange;
    QString m_name;
};

QJsonObject serverJson(McpHub& hub, const mcp::ServerConfig& config)
{
    QJsonObject json = McpServerJson::write(config, false);
    json.insert(QStringLiteral("source"),
                hub.isFromFile(config.name) ? QStringLiteral("MCP_CONFIG") : QStringLiteral("settings"));
    const std::optional<mcp::ServerStatus> status = hub.servers().status(config.name);
    json.insert(QStringLiteral("status"), status ? stateName(status->state) : QStringLiteral("stopped"));
    json.insert(QStringLiteral("error"),
                status && !status->lastError.isEmpty() ? QJsonValue(status->lastError) : QJsonValue());
    json.insert(QStringLiteral("tool_count"), status ? status->toolCount : 0);
    json.insert(QStringLiteral("resource_count"), status ? status->resourceCount : 0);
    json.insert(QStringLiteral("prompt_count"), status ? status->promptCount : 0);
    return json;
}

QJsonObject healthJson(McpHub& hub, const QString& name)
{
    const std::optional<mcp::ServerStatus> status = hub.servers().status(name);
    const bool healthy = status && status->state == mcp::ServerState::Ready;
    return {{QStringLiteral("name"), name},
            {QStringLiteral("healthy"), healthy},
            {QStringLiteral("status"), status ? stateName(status->state) : QStringLiteral("stopped")},
            {QStringLiteral("error"),
             status && !status->lastError.isEmpty() ? QJsonValue(status->lastError) : QJsonValue()}};
}

QJsonObject toolResultJson(const mcp::ToolCallResult& result)
{
    QJsonObject json{{QStringLiteral("content"), jsonList(result.content)},
                     {QStringLiteral("isError"), result.isError}};
    if (!result.structuredContent.isUndefined() && !result.structuredContent.isNull())
        json.insert(QStringLiteral("structuredContent"), result.structuredContent);
    return json;
}

void serverHealth(McpHub& hub, const ServerRequest& request, const QString& name)
{
    if (!request.exists())
        return;
    QJsonObject health = healthJson(hub, name);
    mcp::Client* client = hub.servers().client(name);
    if (!client)
        return request.answer(health);
    QElapsedTimer clock;
    clock.start();
    client->ping(std::chrono::seconds(5), [request, health, clock](const mcp::RpcOutcome& outcome) mutable {
        // A server without ping support still answered: only silence is unhealthy.
        const bool answered = outcome.ok() || outcome.error->code != mcp::rpc::RequestTimeout;
        health.insert(QStringLiteral("healthy"), answered);
        health.insert(QStringLiteral("ping_ms"), clock.elapsed());
        if (!answered)
            health.insert(QStringLiteral("error"), outcome.error->message);
        request.answer(health);
    });
}

QJsonObject serverStats(McpHub& hub, const QString& name)
{
    const std::optional<mcp::ServerStatus> status = hub.servers().status(name);
    QJsonObject stats{{QStringLiteral("name"), name},
                      {QStringLiteral("status"), status ? stateName(status->state) : QStringLiteral("stopped")},
                      {QStringLiteral("tool_count"), status ? status->toolCount : 0},
                      {QStringLiteral("resource_count"), status ? status->resourceCount : 0},
                      {QStringLiteral("prompt_count"), status ? status->promptCount : 0},
                      {QStringLiteral("restarts"), status ? status->restarts : 0},
                      {QStringLiteral("connected_at"), timeJson(status ? status->connectedAt : QDateTime())},
                      {QStringLiteral("next_retry_at"), timeJson(status ? status->nextRetryAt : QDateTime())},
                      {QStringLiteral("last_error"),
                       status && !status->lastError.isEmpty() ? QJsonValue(status->lastError) : QJsonValue()},
                      {QStringLiteral("stderr_tail"), status ? status->stderrTail : QString()}};
    if (status && status->connectedAt.isValid())
        stats.insert(QStringLiteral("uptime_seconds"), status->connectedAt.secsTo(QDateTime::currentDateTimeUtc()));
    if (const mcp::Client* client = hub.servers().client(name)) {
        stats.insert(QStringLiteral("protocol_version"), client->protocolVersion());
        stats.insert(QStringLiteral("pending_requests"), client->pendingRequests());
        stats.insert(QStringLiteral("server_info"), client->serverInfo());
    }
    if (status) {
        QJsonObject toolCalls;
        for (auto it = status->toolCalls.begin(); it != status->toolCalls.end(); ++it) {
            toolCalls.insert(it.key(),
                             QJsonObject{{QStringLiteral("calls"), it->calls},
                                         {QStringLiteral("errors"), it->errors},
                                         {QStringLiteral("tool_errors"), it->toolErrors},
                                         {QStringLiteral("mean_ms"), it->calls ? it->totalMs / it->calls : 0}});
        }
        stats.insert(QStringLiteral("tool_calls"), toolCalls);
    }
    return stats;
}

QJsonObject toolsJson(McpHub& hub, const QString& name, const mcp::Client& client)
{
    QJsonArray tools;
    for (const mcp::ToolInfo& tool : client.tools()) {
        const ToolPolicy::Decision decision = hub.decide(name, tool.name);
        const QString exposed = hub.servers().toolRegistry().exposedName(name, tool.name);
        tools.append(QJsonObject{{QStringLiteral("name"), tool.name},
                                 {QStringLiteral("qualified_name"), ToolPolicy::qualifiedName(name, tool.name)},
                                 {QStringLiteral("exposed_name"),
                                  decision.allowed && !exposed.isEmpty() ? QJsonValue(exposed) : QJsonValue()},
                                 {QStringLiteral("description"), tool.description},
                                 {QStringLiteral("input_schema"), tool.inputSchema},
                                 {QStringLiteral("allowed"), decision.allowed},
                                 {QStringLiteral("rule"), decision.rule()}});
    }
    return {{QStringLiteral("server"), name}, {QStringLiteral("tools"), tools}};
}

/// GET /v1/mcp/servers/{name}[/health|/stats|/tools|/resources|/resources/{uri}|/prompts]
void getServerPart(McpHub& hub, const ExchangePtr& exchange)
{
    const QString rest = exchange->request.pathArgument;
    const qsizetype slash = rest.indexOf(u'/');
    const QString name = rest.left(slash);
    const QString part = slash < 0 ? QString() : rest.mid(slash + 1);
    const ServerRequest request(hub, exchange, name);
    if (part.isEmpty()) {
        if (request.exists())
            request.answer(serverJson(hub, *hub.serverConfig(name)));
    } else if (part == u"health") {
        serverHealth(hub, request, name);
    } else if (part == u"stats") {
        if (request.exists())
            request.answer(serverStats(hub, name));
    } else if (part == u"tools") {
        if (mcp::Client* client = request.client())
            request.answer(toolsJson(hub, name, *client));
    } else if (part == u"resources") {
        if (mcp::Client* client = request.client())
            request.answer({{QStringLiteral("server"), name},
                            {QStringLiteral("resources"), jsonList(client->resources())},
                            {QStringLiteral("resource_templates"), jsonList(client->resourceTemplates())}});
    } else if (part.startsWith(QStringLiteral("resources/"))) {
        const QString uri = part.mid(qsizetype(strlen("resources/")));
        if (mcp::Client* client = request.client()) {
            client->readResource(uri, [request, uri](const mcp::ReadResourceResult& result) {
                if (result.error)
                    return request.error(
                        mcpError(502,
                                 QStringLiteral("resource_read_failed"),
                                 QStringLiteral("Reading %1 failed: %2").arg(uri, result.error->message)));
                request.answer({{QStringLiteral("uri"), uri}, {QStringLiteral("contents"), jsonList(result.contents)}});
            });
        }
    } else if (part == u"prompts") {
        if (mcp::Client* client = request.client())
            request.answer(
                {{QStringLiteral("server"), name}, {QStringLiteral("prompts"), jsonList(client->prompts())}});
    } else {
        exchange->responder->sendError(ApiError::routeNotFound(QStringLiteral("GET"), exchange->request.path));
    }
}

/// POST /v1/mcp/servers/{name}/prompts/{prompt} and /v1/mcp/servers/{name}/refresh
void postServerPart(McpHub& hub, const ExchangePtr& exchange)
{
    const QString rest = exchange->request.pathArgument;
    const qsizetype slash = rest.indexOf(u'/');
    const QString name = rest.left(slash);
    const QString part = slash < 0 ? QString() : rest.mid(slash + 1);
    const ServerRequest request(hub, exchange, name);
    if (part == u"refresh") {
        if (!request.exists())
            return;
        mcp::Client* client = hub.servers().client(name);
        if (!client) {
            hub.servers().restartServer(name);
            return request.answer({{QStringLiteral("name"), name},
                                   {QStringLiteral("refreshed"), false},
                                   {QStringLiteral("restarting"), true}},
                                  202);
        }
        const QPointer<mcp::Client> alive(client);
        client->refresh([request, name, alive, &hub] {
            if (!alive)
                return request.error(mcpError(
                    503, QStringLiteral("server_not_ready"), QStringLiteral("MCP server '%1' went away").arg(name)));
            request.answer({{QStringLiteral("name"), name},
                            {QStringLiteral("refreshed"), true},
                            {QStringLiteral("tools"), alive->tools().size()},
                            {QStringLiteral("resources"), alive->resources().size()},
                            {QStringLiteral("prompts"), alive->prompts().size()},
                            {QStringLiteral("allowed_tools"), hub.servers().allowedTools(name).size()}});
        });
    } else if (part.startsWith(QStringLiteral("prompts/")) && part.size() > qsizetype(strlen("prompts/"))) {
        const QString prompt = part.mid(qsizetype(strlen("prompts/")));
        QJsonObject arguments;
        if (!exchange->request.body.trimmed().isEmpty()) {
            const Result<QJsonObject> body = parseJsonBody(exchange->request);
            if (!body.ok())
                return request.error(body.error());
            arguments = body.value().contains(QStringLiteral("arguments"))
                            ? body.value().value(QStringLiteral("arguments")).toObject()
                            : body.value();
        }
        if (mcp::Client* client = request.client()) {
            client->getPrompt(prompt, arguments, [request, prompt](const mcp::PromptResult& result) {
                if (result.error)
                    return request.error(
                        mcpError(result.error->code == mcp::rpc::InvalidParams ? 400 : 502,
                                 QStringLiteral("prompt_failed"),
                                 QStringLiteral("Prompt %1 failed: %2").arg(prompt, result.error->message)));
                request.answer({{QStringLiteral("name"), prompt},
                                {QStringLiteral("description"), result.description},
                                {QStringLiteral("messages"), result.messages}});
            });
        }
    } else {
        exchange->responder->sendError(ApiError::routeNotFound(QStringLiteral("POST"), exchange->request.path));
    }
}

/// POST /v1/mcp/servers and PUT /v1/mcp/servers/{name}
void saveServer(McpHub& hub, const ExchangePtr& exchange, const QString& pathName)
{
    const ServerRequest request(hub, exchange, pathName);
    const Result<QJsonObject> body = parseJsonBody(exchange->request);
    if (!body.ok())
        return request.error(body.error());
    QJsonObject json = body.value();
    if (!pathName.isEmpty()) {
        if (json.contains(QStringLiteral("name")) && json.value(QStringLiteral("name")).toString() != pathName)
            return request.error(
                ApiError::invalidRequest(QStringLiteral("'name' (%1) differs from the server in the path (%2)")
                                             .arg(json.value(QStringLiteral("name")).toString(), pathName),
                                         QStringLiteral("name")));
        json.insert(QStringLiteral("name"), pathName);
    }
    const Result<mcp::ServerConfig> config = McpServerJson::read(json, McpServerList::defaultTimeout(hub.config()));
    if (!config.ok())
        return request.error(config.error());
    const QString name = config.value().name;
    const bool exists = hub.serverConfig(name).has_value();
    if (pathName.isEmpty() && exists)
        return request.error(mcpError(
            409,
            QStringLiteral("server_exists"),
            QStringLiteral("An MCP server named '%1' exists; change it with PUT /v1/mcp/servers/%1").arg(name)));
    if (hub.isFromFile(name))
        return request.error(
            mcpError(409,
                     QStringLiteral("server_read_only"),
                     QStringLiteral("MCP server '%1' comes from the MCP_CONFIG file; change it there").arg(name)));
    hub.saveServer(config.value());
    request.answer(serverJson(hub, config.value()), exists ? 200 : 201);
}

void deleteServer(McpHub& hub, const ExchangePtr& exchange)
{
    const QString name = exchange->request.pathArgument;
    const ServerRequest request(hub, exchange, name);
    if (!request.exists())
        return;
    if (hub.isFromFile(name))
        return request.error(
            mcpError(409,
                     QStringLiteral("server_read_only"),
                     QStringLiteral("MCP server '%1' comes from the MCP_CONFIG file; change it there").arg(name)));
    hub.removeServer(name);
    request.answer({{QStringLiteral("name"), name}, {QStringLiteral("deleted"), true}});
}

/// POST /v1/mcp/execute {"server","tool","arguments"} → the full tool result
void execute(McpHub& hub, const ExchangePtr& exchange)
{
    const Result<QJsonObject> body = parseJsonBody(exchange->request);
    if (!body.ok())
        return exchange->responder->sendError(body.error());
    const QString server = body.value().value(QStringLiteral("server")).toString();
    const QString tool = body.value().value(QStringLiteral("tool")).toString();
    const QJsonValue arguments = body.value().value(QStringLiteral("arguments"));
    if (server.isEmpty() || tool.isEmpty())
        return exchange->responder->sendError(
            ApiError::invalidRequest(QStringLiteral("'server' and 'tool' must be non-empty strings"),
                                     server.isEmpty() ? QStringLiteral("server") : QStringLiteral("tool")));
    if (!arguments.isUndefined() && !arguments.isNull() && !arguments.isObject())
        return exchange->responder->sendError(
            ApiError::invalidRequest(QStringLiteral("'arguments' must be an object"), QStringLiteral("arguments")));
    const ServerRequest request(hub, exchange, server);
    mcp::Client* client = request.client();
    if (!client)
        return;
    const auto known = std::any_of(client->tools().cbegin(),
                                   client->tools().cend(),
                                   [&tool](const mcp::ToolInfo& info) { return info.name == tool; });
    if (!known)
        return request.error(mcpError(404,
                                      QStringLiteral("tool_not_found"),
                                      QStringLiteral("MCP server '%1' has no tool '%2'").arg(server, tool)));
    const ToolPolicy::Decision decision = hub.decide(server, tool);
    if (!decision.allowed)
        return request.error(mcpError(403,
                                      QStringLiteral("tool_not_allowed"),
                                      QStringLiteral("Tool %1 is not allowed (%2)")
                                          .arg(ToolPolicy::qualifiedName(server, tool), decision.rule())));
    mcp::CallOptions options;
    options.timeout = hub.serverConfig(server)->timeout;
    exchange->logFields.insert(QStringLiteral("mcp_tool"), ToolPolicy::qualifiedName(server, tool));
    client->callTool(tool, arguments.toObject(), options, [request, tool](const mcp::ToolCallResult& result) {
        if (result.error) {
            const bool timedOut = result.error->code == mcp::rpc::RequestTimeout;
            return request.error(
                mcpError(timedOut ? 504 : 502,
                         timedOut ? QStringLiteral("tool_timeout") : QStringLiteral("tool_call_failed"),
                         QStringLiteral("Tool %1 failed: %2").arg(tool, result.error->message)));
        }
        request.answer(toolResultJson(result));
    });
}

} // namespace

void addMcpRoutes(Router& router, const GatewayContext& context)
{
    // Every handler first checks that MCP is on.
    const auto guarded = [&context](std::function<void(McpHub&, const ExchangePtr&)> handler) {
        return [&context, handler = std::move(handler)](const ExchangePtr& exchange) {
            if (!context.mcp || !context.mcp->enabled())
                return exchange->responder->sendError(mcpError(
                    503, QStringLiteral("mcp_disabled"), QStringLiteral("MCP is disabled (MCP_ENABLED=false)")));
            handler(*context.mcp, exchange);
        };
    };
    const RouteAccess admin = RouteAccess::needs(Scope::Admin);
    router.add("GET", QStringLiteral("/v1/mcp/servers"), admin, guarded([](McpHub& hub, const ExchangePtr& exchange) {
                   QJsonArray servers;
                   for (const mcp::ServerConfig& config : hub.serverConfigs())
                       servers.append(serverJson(hub, config));
                   exchange->responder->sendJson(
                       200, {{QStringLiteral("servers"), servers}, {QStringLiteral("count"), servers.size()}});
               }));
    router.add(
        "GET", QStringLiteral("/v1/mcp/servers/health"), admin, guarded([](McpHub& hub, const ExchangePtr& exchange) {
            QJsonArray servers;
            bool healthy = true;
            for (const mcp::ServerConfig& config : hub.serverConfigs()) {
                const QJsonObject health = healthJson(hub, config.name);
                healthy = healthy && (!config.enabled || health.value(QStringLiteral("healthy")).toBool());
                servers.append(health);
            }
            exchange->responder->sendJson(200,
                                          {{QStringLiteral("healthy"), healthy}, {QStringLiteral("servers"), servers}});
        }));
    router.add("POST", QStringLiteral("/v1/mcp/servers"), admin, guarded([](McpHub& hub, const ExchangePtr& exchange) {
                   saveServer(hub, exchange, QString());
               }));
    router.add("GET", QStringLiteral("/v1/mcp/servers/*"), admin, guarded(getServerPart));
    router.add("POST", QStringLiteral("/v1/mcp/servers/*"), admin, guarded(postServerPart));
    router.add("PUT", QStringLiteral("/v1/mcp/servers/*"), admin, guarded([](McpHub& hub, const ExchangePtr& exchange) {
                   saveServer(hub, exchange, exchange->request.pathArgument);
               }));
    router.add("DELETE", QStringLiteral("/v1/mcp/servers/*"), admin, guarded(deleteServer));
    router.add("POST", QStringLiteral("/v1/mcp/execute"), admin, guarded(execute));
}

} // namespace llamagate
