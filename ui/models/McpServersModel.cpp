#include "ui/models/McpServersModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace llamagate {

McpServersModel::McpServersModel(QObject* parent) : QAbstractTableModel(parent) {}

void McpServersModel::setConfigured(const QList<mcp::ServerConfig>& saved, const QList<mcp::ServerConfig>& fromFile)
{
    beginResetModel();
    m_rows.clear();
    for (const mcp::ServerConfig& server : saved)
        m_rows.append({server, false, std::nullopt});
    for (const mcp::ServerConfig& server : fromFile) {
        if (rowOf(server.name) < 0)
            m_rows.append({server, true, std::nullopt});
    }
    attachSnapshots();
    endResetModel();
}

void McpServersModel::setSnapshots(const QList<McpServerSnapshot>& snapshots)
{
    m_snapshots = snapshots;
    attachSnapshots();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void McpServersModel::attachSnapshots()
{
    for (Row& row : m_rows) {
        row.live.reset();
        for (const McpServerSnapshot& snapshot : std::as_const(m_snapshots)) {
            if (snapshot.status.name == row.config.name)
                row.live = snapshot;
        }
    }
}

int McpServersModel::rowOf(const QString& name) const
{
    for (int index = 0; index < m_rows.size(); ++index) {
        if (m_rows.at(index).config.name == name)
            return index;
    }
    return -1;
}

QString McpServersModel::statusText(const Row& row)
{
    if (!row.config.enabled)
        return tr("disabled");
    if (!row.live)
        return tr("stopped");
    const mcp::ServerStatus& status = row.live->status;
    QString text;
    switch (status.state) {
    case mcp::ServerState::Stopped:
        text = tr("stopped");
        break;
    case mcp::ServerState::Connecting:
        text = tr("connecting…");
        break;
    case mcp::ServerState::Ready:
        text = tr("ready");
        break;
    case mcp::ServerState::Error:
        text = status.nextRetryAt.isValid()
                   ? tr("error, next try at %1")
                         .arg(status.nextRetryAt.toLocalTime().time().toString(QStringLiteral("HH:mm:ss")))
                   : tr("error");
        break;
    }
    if (status.restarts > 0)
        text += QLatin1Char(' ') + tr("(%n restart(s))", "", status.restarts);
    return text;
}

QString McpServersModel::transportText(mcp::TransportKind kind)
{
    switch (kind) {
    case mcp::TransportKind::Stdio:
        return tr("stdio");
    case mcp::TransportKind::Http:
        return tr("HTTP (SSE fallback)");
    case mcp::TransportKind::StreamableHttp:
        return tr("Streamable HTTP");
    case mcp::TransportKind::Sse:
        return tr("legacy SSE");
    }
    return {};
}

int McpServersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int McpServersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant McpServersModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    const bool ready = row.live && row.live->status.state == mcp::ServerState::Ready;
    if (role == Qt::ForegroundRole && index.column() == Status && row.live) {
        if (row.live->status.state == mcp::ServerState::Error)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (ready)
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == LastError && row.live)
        return row.live->status.lastError;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return row.fromFile ? tr("%1 (MCP_CONFIG)").arg(row.config.name) : row.config.name;
    case Transport:
        return transportText(row.config.transport);
    case Status:
        return statusText(row);
    case Tools:
        return ready ? QVariant(int(row.live->tools.size())) : QVariant(tr("—"));
    case LastError:
        return row.live ? row.live->status.lastError.section(u'\n', 0, 0) : QString();
    }
    return {};
}

QVariant McpServersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Transport:
        return tr("Transport");
    case Status:
        return tr("Status");
    case Tools:
        return tr("Tools");
    case LastError:
        return tr("Last error");
    }
    return {};
}

} // namespace llamagate
