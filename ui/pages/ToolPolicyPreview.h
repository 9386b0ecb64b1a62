#pragma once

#include "gateway/GatewayStats.h"
#include "gateway/tools/ToolPolicy.h"
#include "mcp/ServerConfig.h"

#include <QHash>
#include <QTreeWidget>

namespace llamagate {

/// Every tool of every known MCP server under its server, with whether a policy offers it to models and the rule
/// that decided, in words. The policy and the servers' own allow/deny lists can change at any time; the tree follows at once.
class ToolPolicyPreview : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column
    {
        Tool,
        Offered,
        Rule
    };

    explicit ToolPolicyPreview(QWidget* parent = nullptr);

    void setServers(const QList<McpServerSnapshot>& servers);
    /// The configured servers, for their own allow/deny lists (servers not among them have none).
    void setServerConfigs(const QList<mcp::ServerConfig>& configs);
    void setPolicy(const ToolPolicy& policy);

private:
    void rebuild();
    void decide();

    QList<McpServerSnapshot> m_servers;
    QHash<QString, mcp::ServerConfig> m_configs;
    ToolPolicy m_policy;
};

} // namespace llamagate
