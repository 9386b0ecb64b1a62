#include "gateway/tools/McpHub.h"

#include "gateway/log/JsonLogger.h"
#include "gateway/ollama/ModelQueue.h"
#include "gateway/ollama/OllamaCall.h"
#include "gateway/ollama/OllamaClient.h"
#include "gateway/tools/McpServerList.h"
#include "mcp/ServerSecrets.h"

#include "gateway/config/SettingsVersion.h"

#include <QJsonDocument>
#include <QSettings>

namespace llamagate {

namespace {

/// The text of a sampling message's content: one block or an array of blocks.
QString samplingText(const QJsonValue& content)
{
    const QJsonArray blocks = content.isArray() ? content.toArray() : QJsonArray{content};
    QStringList parts;
    for (const QJsonValue& block : blocks) {
        if (block.toObject().value(QStringLiteral("type")).toString() == u"text")
            parts.append(block.toObject().value(QStringLiteral("text")).toString());
    }
    return parts.join(u'\n');
}

mcp::RpcOutcome declined(const QString& message)
{
    mcp::RpcOutcome outcome;
    outcome.error = mcp::RpcError{mcp::rpc::InvalidRequest, message, {}};
    return outcome;
}

} // namespace

McpHub::McpHub(OllamaClient* ollama, ModelQueue* queue, QObject* parent)
    : QObject(parent), m_ollama(ollama), m_queue(queue), m_servers({}, this)
{
    m_servers.setSamplingHandler([this](const QJsonObject& params, std::function<void(const mcp::RpcOutcome&)> reply) {
        sample(params, std::move(reply));
    });
    connect(&m_servers, &mcp::ServerManager::statusChanged, this, [](const mcp::ServerStatus& status) {
        static const char* const names[] = {"stopped", "connecting", "ready", "error"};
        logInfo(QStringLiteral("mcp server"),
                {{QStringLiteral("server"), status.name},
                 {QStringLiteral("state"), QLatin1String(names[int(status.state)])},
                 {QStringLiteral("error"), status.lastError}});
    });
}

void McpHub::apply(const GatewayConfig& config)
{
    m_config = config;
    m_policy = ToolPolicy(config.list(Setting::McpAllowTools), config.list(Setting::McpDenyTools));
    m_enabled = config.flag(Setting::McpEnabled);
    loadServers(config);
    applyServers();
}

void McpHub::loadServers(const GatewayConfig& config)
{
    // The saved list is read again only when the setting itself changed: run-time changes live in m_savedServers.
    const QString savedText = config.text(Setting::McpServers);
    if (savedText != m_loadedSavedText) {
        m_loadedSavedText = savedText;
        const McpServerList saved = McpServerList::fromSetting(savedText, McpServerList::defaultTimeout(config));
        for (const QString& error : saved.errors)
            logWarning(error);
        m_savedServers = saved.servers;
    }
    const QString path = config.text(Setting::McpConfig);
    if (path == m_loadedFilePath)
        return;
    m_loadedFilePath = path;
    const McpServerList file = McpServerList::fromFile(path, McpServerList::defaultTimeout(config));
    for (const QString& error : file.errors)
        logWarning(error);
    m_fileServers = file.servers;
}

QList<mcp::ServerConfig> McpHub::serverConfigs() const
{
    QList<mcp::ServerConfig> all = m_fileServers;
    for (const mcp::ServerConfig& saved : m_savedServers) {
        all.removeIf([&saved](const mcp::ServerConfig& server) { return server.name == saved.name; });
        all.append(saved);
    }
    return all;
}

std::optional<mcp::ServerConfig> McpHub::serverConfig(const QString& name) const
{
    for (const mcp::ServerConfig& server : serverConfigs()) {
        if (server.name == name)
            return server;
    }
    return std::nullopt;
}

bool McpHub::isFromFile(const QString& name) const
{
    const auto named = [&name](const mcp::ServerConfig& server) { return server.name == name; };
    return std::any_of(m_fileServers.cbegin(), m_fileServers.cend(), named) &&
           std::none_of(m_savedServers.cbegin(), m_savedServers.cend(), named);
}

void McpHub::saveServer(const mcp::ServerConfig& config)
{
    m_savedServers.removeIf([&config](const mcp::ServerConfig& server) { return server.name == config.name; });
    m_savedServers.append(config);
    persist();
    applyServers();
}

bool McpHub::removeServer(const QString& name)
{
    if (m_savedServers.removeIf([&name](const mcp::ServerConfig& server) { return server.name == name; }) == 0)
        return false;
    persist();
    applyServers();
    return true;
}

void McpHub::persist()
{
    m_loadedSavedText = McpServerList::toSetting(m_savedServers);
    QSettings settings;
    settings.setValue(settingSpec(Setting::McpServers).key, m_loadedSavedText);
    SettingsVersion::stamp(settings);
    settings.sync();
    if (m_config.source(Setting::McpServers) > SettingSource::Saved)
        logWarning(
            QStringLiteral("MCP servers saved, but MCP_SERVERS is also set by a source that wins at the next start"),
            {{QStringLiteral("source"), settingSourceName(m_config.source(Setting::McpServers))}});
}

void McpHub::applyServers()
{
    if (!m_enabled) {
        m_servers.setServers({});
        return;
    }
    // Secret references are filled in only here: the lists above (and so the saved settings) keep the references.
    // A server whose secrets are not known (yet: the desktop reads them from the keychain after the start) waits
    // rather than connecting with empty credentials.
    QList<mcp::ServerConfig> resolved;
    for (const mcp::ServerConfig& server : serverConfigs()) {
        QStringList missing = mcp::ServerSecrets::referencedKeys(server);
        missing.removeIf([this](const QString& key) { return m_config.secrets().contains(key); });
        if (missing.isEmpty() || !server.enabled)
            resolved.append(mcp::ServerSecrets::resolve(server, m_config.secrets()));
        else
            logInfo(QStringLiteral("mcp server waits for its secrets"),
                    {{QStringLiteral("server"), server.name},
                     {QStringLiteral("secrets"), QJsonArray::fromStringList(missing)}});
    }
    m_servers.setServers(resolved);
}

ToolPolicy::Decision McpHub::decide(const QString& server, const QString& tool) const
{
    const std::optional<mcp::ServerConfig> config = serverConfig(server);
    return m_policy.decide(
        server, tool, config ? config->allowTools : QStringList(), config ? config->denyTools : QStringList());
}

QJsonArray McpHub::offeredTools() const
{
    QJsonArray tools;
    if (!m_enabled)
        return tools;
    for (const QString& server : m_servers.readyServers()) {
        for (const mcp::ToolInfo& tool : m_servers.allowedTools(server)) {
            const QString name = m_servers.toolRegistry().exposedName(server, tool.name);
            if (name.isEmpty() || !decide(server, tool.name).allowed)
                continue;
            QJsonObject parameters = tool.inputSchema;
            if (parameters.isEmpty())
                parameters = {{QStringLiteral("type"), QStringLiteral("object")},
                              {QStringLiteral("properties"), QJsonObject()}};
            const QString description = tool.description.isEmpty() ? tool.title : tool.description;
            tools.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                                     {QStringLiteral("function"),
                                      QJsonObject{{QStringLiteral("name"), name},
                                                  {QStringLiteral("description"), description},
                                                  {QStringLiteral("parameters"), parameters}}}});
        }
    }
    return tools;
}

std::optional<McpHub::ResolvedTool> McpHub::resolve(const QString& exposedName) const
{
    if (!m_enabled)
        return std::nullopt;
    // Every tool of the ready servers, including the ones their own lists deny, so that a refusal can say why.
    QList<mcp::ToolRef> all;
    for (const QString& server : m_servers.readyServers()) {
        for (const mcp::ToolInfo& tool : m_servers.client(server)->tools())
            all.append({server, tool.name});
    }
    mcp::ToolRegistry registry;
    registry.rebuild(all);
    const std::optional<mcp::ToolRef> ref = registry.resolve(exposedName);
    if (!ref)
        return std::nullopt;
    return ResolvedTool{*ref, decide(ref->server, ref->tool)};
}

void McpHub::sample(const QJsonObject& params, std::function<void(const mcp::RpcOutcome&)> reply)
{
    const QString model = m_config.text(Setting::McpSamplingModel);
    if (!m_config.flag(Setting::McpAllowSampling) || model.isEmpty()) {
        logInfo(QStringLiteral("mcp sampling request declined"));
        reply(declined(QStringLiteral("LlamaGate does not answer sampling requests (MCP_ALLOW_SAMPLING is off or "
                                      "MCP_SAMPLING_MODEL is empty)")));
        return;
    }
    QJsonArray messages;
    const QString system = params.value(QStringLiteral("systemPrompt")).toString();
    if (!system.isEmpty())
        messages.append(
            QJsonObject{{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), system}});
    for (const QJsonValue& message : params.value(QStringLiteral("messages")).toArray()) {
        messages.append(QJsonObject{
            {QStringLiteral("role"), message.toObject().value(QStringLiteral("role")).toString()},
            {QStringLiteral("content"), samplingText(message.toObject().value(QStringLiteral("content")))}});
    }
    QJsonObject options;
    if (params.contains(QStringLiteral("maxTokens")))
        options.insert(QStringLiteral("num_predict"), params.value(QStringLiteral("maxTokens")));
    if (params.contains(QStringLiteral("temperature")))
        options.insert(QStringLiteral("temperature"), params.value(QStringLiteral("temperature")));
    if (params.contains(QStringLiteral("stopSequences")))
        options.insert(QStringLiteral("stop"), params.value(QStringLiteral("stopSequences")));
    const QJsonObject body{{QStringLiteral("model"), model},
                           {QStringLiteral("messages"), messages},
                           {QStringLiteral("stream"), false},
                           {QStringLiteral("options"), options}};
    const qint64 timeoutMs = m_config.integer(Setting::Timeout);
    const bool queued = m_queue->enqueue(model, this, [this, body, model, timeoutMs, reply](ModelQueue::SlotPtr slot) {
        OllamaCall* call = m_ollama->postJson(
            QStringLiteral("/api/chat"), QJsonDocument(body).toJson(QJsonDocument::Compact), timeoutMs, false, this);
        call->holdSlot(std::move(slot));
        connect(call, &OllamaCall::failed, call, [call, reply](const ApiError& error) {
            reply(declined(QStringLiteral("Ollama failed: %1").arg(error.message)));
            call->deleteLater();
        });
        connect(call, &OllamaCall::finished, call, [call, reply, model] {
            call->deleteLater();
            const QJsonObject answer = QJsonDocument::fromJson(call->body()).object();
            if (call->status() != 200 || answer.isEmpty()) {
                reply(declined(QStringLiteral("Ollama answered %1").arg(call->status())));
                return;
            }
            mcp::RpcOutcome outcome;
            outcome.result = {
                {QStringLiteral("role"), QStringLiteral("assistant")},
                {QStringLiteral("content"),
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                             {QStringLiteral("text"),
                              answer.value(QStringLiteral("message")).toObject().value(QStringLiteral("content"))}}},
                {QStringLiteral("model"), answer.value(QStringLiteral("model")).toString(model)},
                {QStringLiteral("stopReason"),
                 answer.value(QStringLiteral("done_reason")).toString() == u"length" ? QStringLiteral("maxTokens")
                                                                                     : QStringLiteral("endTurn")}};
            reply(outcome);
        });
    });
    if (!queued)
        reply(declined(QStringLiteral("model %1 is busy: its queue is full").arg(model)));
}

} // namespace llamagate
