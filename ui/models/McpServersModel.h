#pragma once

#include "gateway/GatewayStats.h"
#include "mcp/ServerConfig.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace llamagate {

/// The rows of the MCP Servers page: every configured server — saved in the settings, or read from the MCP_CONFIG
/// file (a saved one of the same name wins, as in the gateway) — with its live state, restarts, next retry, tools
/// and last error as the gateway last reported them.
class McpServersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Transport,
        Status,
        Tools,
        LastError,
        ColumnCount
    };

    /// One configured server and what the gateway last said about it (nothing while it does not run).
    struct Row
    {
        mcp::ServerConfig config;
        bool fromFile = false;
        std::optional<McpServerSnapshot> live;
    };

    explicit McpServersModel(QObject* parent = nullptr);

    void setConfigured(const QList<mcp::ServerConfig>& saved, const QList<mcp::ServerConfig>& fromFile);
    void setSnapshots(const QList<McpServerSnapshot>& snapshots);
    const Row& row(int index) const { return m_rows.at(index); }
    /// The row of the server with this name, or -1.
    int rowOf(const QString& name) const;
    /// A server's state as the Status column shows it ("ready", "error, next try at 10:42:07 (3 restarts)", …).
    static QString statusText(const Row& row);
    /// The transport as the Transport column shows it.
    static QString transportText(mcp::TransportKind kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void attachSnapshots();

    QList<Row> m_rows;
    QList<McpServerSnapshot> m_snapshots;
};

} // namespace llamagate
