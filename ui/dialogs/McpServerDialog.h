#pragma once

#include "mcp/ServerConfig.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace mcp {
class ConnectionTest;
}

namespace llamagate {

class KeyValueTable;

/// Adds or edits one MCP server: name, transport and the fields that transport needs (command, arguments,
/// environment and working folder; or URL and headers), timeout and enabled. Checks the draft before it is taken,
/// and "Test Connection" runs initialize + tools/list on the draft as typed, showing the tools or the error with
/// what the server wrote to stderr.
class McpServerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit McpServerDialog(QWidget* parent = nullptr);
    ~McpServerDialog() override;

    /// Fills the fields from a saved server (editing it) instead of the defaults of a new one.
    void setServer(const mcp::ServerConfig& server);
    /// Names already in use, which the server may not take (its own name excepted when editing).
    void setTakenNames(const QStringList& names) { m_takenNames = names; }
    void setDefaultTimeout(std::chrono::milliseconds timeout);
    /// Whether secret header values go to a keychain or only stay in memory; says which under the headers.
    void setKeychainAvailable(bool available);
    /// Values of the `${secret:…}` references a saved server has, for Test Connection.
    void setSecrets(const QHash<QString, QString>& secrets) { m_secrets = secrets; }

    /// The server as typed.
    mcp::ServerConfig server() const;
    /// Why the draft cannot be saved (empty when it can); `forTest` leaves the name out.
    QString validate(bool forTest) const;

    void accept() override;

private:
    void showTransportFields();
    void testConnection();
    void showTestOutcome(bool ok, const QString& text);

    QFormLayout* m_form = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_transport = nullptr;
    QLineEdit* m_command = nullptr;
    QLineEdit* m_arguments = nullptr;
    KeyValueTable* m_environment = nullptr;
    QLineEdit* m_workingDirectory = nullptr;
    QLineEdit* m_url = nullptr;
    KeyValueTable* m_headers = nullptr;
    QLabel* m_secretsNote = nullptr;
    QSpinBox* m_timeout = nullptr;
    QCheckBox* m_enabled = nullptr;
    QPushButton* m_test = nullptr;
    QPlainTextEdit* m_testResult = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    mcp::ConnectionTest* m_connectionTest = nullptr;
    QStringList m_takenNames;
    mcp::ServerConfig m_base; ///< the server being edited: what the dialog does not show (tool lists) stays
    QHash<QString, QString> m_secrets;
};

} // namespace llamagate
