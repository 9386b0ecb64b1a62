#pragma once

#include "mcp/ServerConfig.h"

#include <QDialog>

class QDialogButtonBox;
class QPlainTextEdit;
class QPushButton;

namespace llamagate {

/// Imports MCP servers from the `mcpServers` JSON of Claude Desktop, Cursor and LM Studio, pasted or read from a
/// file, with a preview of the servers that will be added and of the entries that are refused, each with the
/// reason. A server whose name is taken already is refused too: the existing one stays as it is.
class McpImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit McpImportDialog(QWidget* parent = nullptr);

    /// Names already in use; entries with these names are not imported.
    void setTakenNames(const QStringList& names);
    /// The call timeout of imported servers whose entry sets none (MCP_DEFAULT_TOOL_TIMEOUT).
    void setDefaultTimeout(std::chrono::milliseconds timeout) { m_defaultTimeout = timeout; }
    /// Reads the JSON from a file into the text field; false (with the reason shown) when it cannot be read.
    bool loadFile(const QString& path);
    /// The servers that will be added, as the preview lists them.
    QList<mcp::ServerConfig> servers() const { return m_servers; }

private:
    void updatePreview();

    QPlainTextEdit* m_json = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_import = nullptr;
    QStringList m_takenNames;
    std::chrono::milliseconds m_defaultTimeout{30000};
    QList<mcp::ServerConfig> m_servers;
};

} // namespace llamagate
