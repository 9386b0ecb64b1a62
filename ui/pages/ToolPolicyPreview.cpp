#include "ui/pages/ToolPolicyPreview.h"

#include <QHeaderView>

namespace llamagate {

namespace {

const QColor kOffered(0x2e, 0x7d, 0x32);
const QColor kDenied(0xc6, 0x28, 0x28);

QString stateText(const mcp::ServerStatus& status)
{
    switch (status.state) {
    case mcp::ServerState::Ready:
        return ToolPolicyPreview::tr("Ready");
    case mcp::ServerState::Connecting:
        return ToolPolicyPreview::tr("Connecting…");
    case mcp::ServerState::Error:
        return ToolPolicyPreview::tr("In error: %1").arg(status.lastError);
    case mcp::ServerState::Stopped:
        break;
    }
    return ToolPolicyPreview::tr("Stopped");
}

QString reason(const ToolPolicy::Decision& decision)
{
    using Rule = ToolPolicy::Decision::Rule;
    switch (decision.by) {
    case Rule::GlobalDeny:
        return ToolPolicyPreview::tr("MCP_DENY_TOOLS pattern %1").arg(decision.glob);
    case Rule::ServerDeny:
        return ToolPolicyPreview::tr("the server's deny pattern %1").arg(decision.glob);
    case Rule::ServerAllowMiss:
        return ToolPolicyPreview::tr("no allow pattern of the server matches");
    case Rule::ServerAllow:
        return ToolPolicyPreview::tr("the server's allow pattern %1").arg(decision.glob);
    case Rule::GlobalAllowMiss:
        return ToolPolicyPreview::tr("no MCP_ALLOW_TOOLS pattern matches");
    case Rule::GlobalAllow:
        return ToolPolicyPreview::tr("MCP_ALLOW_TOOLS pattern %1").arg(decision.glob);
    case Rule::NoAllowList:
        break;
    }
    return ToolPolicyPreview::tr("no allow list restricts it");
}

} // namespace

ToolPolicyPreview::ToolPolicyPreview(QWidget* parent) : QTreeWidget(parent)
{
    setHeaderLabels({tr("Server and tool"), tr("Offered"), tr("Reason")});
    setAccessibleName(tr("Tool policy preview"));
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(Tool, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(Offered, QHeaderView::ResizeToContents);
}

void ToolPolicyPreview::setServers(const QList<McpServerSnapshot>& servers)
{
    m_servers = servers;
    rebuild();
}

void ToolPolicyPreview::setServerConfigs(const QList<mcp::ServerConfig>& configs)
{
    m_configs.clear();
    for (const mcp::ServerConfig& config : configs)
        m_configs.insert(config.name, config);
    decide();
}

void ToolPolicyPreview::setPolicy(const ToolPolicy& policy)
{
    m_policy = policy;
    decide();
}

void ToolPolicyPreview::rebuild()
{
    clear();
    for (const McpServerSnapshot& server : std::as_const(m_servers)) {
        auto* serverItem = new QTreeWidgetItem(this, {server.status.name});
        serverItem->setText(Rule, stateText(server.status));
        serverItem->setToolTip(Rule, server.status.lastError);
        if (server.status.state == mcp::ServerState::Error)
            serverItem->setForeground(Rule, kDenied);
        for (const mcp::ToolInfo& tool : server.tools) {
            auto* toolItem = new QTreeWidgetItem(serverItem, {tool.name});
            toolItem->setToolTip(Tool, tool.description.isEmpty() ? tool.title : tool.description);
        }
    }
    expandAll();
    decide();
}

void ToolPolicyPreview::decide()
{
    for (int row = 0; row < topLevelItemCount(); ++row) {
        QTreeWidgetItem* serverItem = topLevelItem(row);
        const QString server = serverItem->text(Tool);
        const mcp::ServerConfig config = m_configs.value(server);
        int offered = 0;
        for (int child = 0; child < serverItem->childCount(); ++child) {
            QTreeWidgetItem* toolItem = serverItem->child(child);
            const ToolPolicy::Decision decision =
                m_policy.decide(server, toolItem->text(Tool), config.allowTools, config.denyTools);
            offered += decision.allowed ? 1 : 0;
            toolItem->setText(Offered, decision.allowed ? tr("Offered") : tr("Not offered"));
            toolItem->setForeground(Offered, decision.allowed ? kOffered : kDenied);
            toolItem->setText(Rule, reason(decision));
        }
        serverItem->setText(
            Offered,
            serverItem->childCount() == 0 ? QString() : tr("%1 of %n", nullptr, serverItem->childCount()).arg(offered));
    }
}

} // namespace llamagate
