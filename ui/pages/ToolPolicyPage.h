#pragma once

#include "gateway/GatewayStats.h"
#include "gateway/config/GatewayConfig.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace llamagate {

class ToolPolicyPreview;

/// The Tool Policy page: the global allow and deny patterns (MCP_ALLOW_TOOLS, MCP_DENY_TOOLS), one per line, with a
/// live preview of which tools of which MCP server they offer to models. Apply asks for them to be saved and applied.
class ToolPolicyPage : public QWidget
{
    Q_OBJECT
public:
    explicit ToolPolicyPage(QWidget* parent = nullptr);

    /// Shows these patterns (read-only where a source the panel cannot change sets them); unsaved edits are dropped.
    void setConfig(const GatewayConfig& config);
    /// The outcome of an apply: empty means it worked, otherwise the reason it did not.
    void showResult(const QString& error);

public slots:
    void setServers(const QList<llamagate::McpServerSnapshot>& servers);

signals:
    /// Saved-settings key → new text, for the lists that changed.
    void applyRequested(const QHash<QString, QString>& changes);

private:
    struct PatternField
    {
        Setting id;
        QPlainTextEdit* edit = nullptr;
        QLabel* note = nullptr;
    };

    PatternField addField(Setting id);
    /// The patterns as typed, one per line (commas separate too).
    static QStringList patterns(const PatternField& field);
    QHash<QString, QString> changes() const;
    void updatePreview();
    void updateEmptyState();

    GatewayConfig m_config;
    QList<McpServerSnapshot> m_servers;
    PatternField m_allow;
    PatternField m_deny;
    ToolPolicyPreview* m_preview = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_revert = nullptr;
};

} // namespace llamagate
