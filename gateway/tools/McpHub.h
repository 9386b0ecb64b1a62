#pragma once

#include "gateway/config/GatewayConfig.h"
#include "gateway/openai/ApiError.h"
#include "gateway/tools/ToolPolicy.h"
#include "mcp/ServerManager.h"

#include <QJsonArray>
#include <QObject>

#include <optional>

namespace llamagate {

class ModelQueue;
class OllamaClient;

/// The gateway's MCP side, on the gateway thread: runs the configured servers (the saved list plus the MCP_CONFIG
/// file), applies the tool policy, adds, changes and removes servers at run time (saved to settings), and lets
/// the Ollama model answer servers' sampling requests when that is allowed. With MCP_ENABLED off nothing runs.
class McpHub : public QObject
{
    Q_OBJECT
public:
    /// A tool a model-facing name stands for, and what the policy says about it.
    struct ResolvedTool
    {
        mcp::ToolRef ref;
        ToolPolicy::Decision decision;
    };

    McpHub(OllamaClient* ollama, ModelQueue* queue, QObject* parent = nullptr);

    /// Applies new settings: starts, changes or stops servers.
    void apply(const GatewayConfig& config);
    bool enabled() const { return m_enabled; }
    const GatewayConfig& config() const { return m_config; }
    mcp::ServerManager& servers() { return m_servers; }

    QList<mcp::ServerConfig> serverConfigs() const;
    std::optional<mcp::ServerConfig> serverConfig(const QString& name) const;
    /// Servers from the MCP_CONFIG file cannot be changed through the API.
    bool isFromFile(const QString& name) const;
    /// Adds or replaces a saved server, saves the list and applies it.
    void saveServer(const mcp::ServerConfig& config);
    /// Removes a saved server; false when there is none of that name.
    bool removeServer(const QString& name);

    /// The policy's decision for one tool of a server, with that server's own lists.
    ToolPolicy::Decision decide(const QString& server, const QString& tool) const;
    /// The native function tools (`{"type":"function","function":{name,description,parameters}}`) of every ready
    /// server that the policy allows.
    QJsonArray offeredTools() const;
    /// What a model-facing name stands for among all tools of ready servers (allowed or not).
    std::optional<ResolvedTool> resolve(const QString& exposedName) const;

private:
    void loadServers(const GatewayConfig& config);
    void persist();
    void applyServers();
    void sample(const QJsonObject& params, std::function<void(const mcp::RpcOutcome&)> reply);

    OllamaClient* m_ollama;
    ModelQueue* m_queue;
    mcp::ServerManager m_servers;
    GatewayConfig m_config;
    ToolPolicy m_policy;
    bool m_enabled = false;
    QList<mcp::ServerConfig> m_fileServers;
    QList<mcp::ServerConfig> m_savedServers;
    QString m_loadedSavedText; ///< the MCP_SERVERS text m_savedServers came from
    QString m_loadedFilePath;
};

} // namespace llamagate
