#pragma once

#include "gateway/GatewayStats.h"
#include "gateway/config/GatewayConfig.h"
#include "mcp/ServerConfig.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace llamagate {

class McpServerDialog;
class McpServersModel;

/// The MCP Servers page: every configured server with its live state, tools count and last error; the chosen
/// server's tools and what it last wrote to stderr; Add, Edit, Remove (after a confirmation), Restart and Import.
/// Servers from the MCP_CONFIG file, and the whole list while MCP_SERVERS is set outside the settings, are shown
/// read-only with the reason. Changes go out as the new saved list (serversChanged), to be saved like any setting.
class McpServersPage : public QWidget
{
    Q_OBJECT
public:
    explicit McpServersPage(QWidget* parent = nullptr);

    /// The configured servers, MCP_ENABLED and the secrets' values (for Test Connection) of this configuration.
    void setConfig(const GatewayConfig& config);
    /// The servers' live state, as the gateway reports it.
    void setSnapshots(const QList<llamagate::McpServerSnapshot>& snapshots);
    /// Whether secret header values go to a keychain (or stay in memory for this run only).
    void setKeychainAvailable(bool available);
    /// The outcome of saving a change: empty when it worked, otherwise the reason it did not.
    void showResult(const QString& error);

    QTableView* view() const { return m_view; }
    McpServersModel* model() const { return m_model; }

signals:
    /// The saved servers as they should be from now on (secret header values still plain in new or edited ones).
    void serversChanged(const QList<mcp::ServerConfig>& saved);
    void restartRequested(const QString& name);

private:
    /// A new add/edit dialog that knows the taken names, the default timeout, the keychain and the secrets.
    McpServerDialog* serverDialog();
    void addServer();
    void editServer();
    void removeServer();
    void importServers();
    void showSelected();
    /// The chosen row, or -1.
    int selectedRow() const;
    QStringList takenNames() const;
    bool listEditable() const;

    GatewayConfig m_config;
    QList<mcp::ServerConfig> m_saved;
    bool m_keychain = false;
    McpServersModel* m_model = nullptr;
    QLabel* m_note = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_restart = nullptr;
    QPushButton* m_import = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_detailTitle = nullptr;
    QListWidget* m_tools = nullptr;
    QPlainTextEdit* m_log = nullptr;
};

} // namespace llamagate
