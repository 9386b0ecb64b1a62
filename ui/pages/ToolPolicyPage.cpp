#include "ui/pages/ToolPolicyPage.h"

#include "gateway/tools/McpServerList.h"
#include "ui/SettingOverride.h"
#include "ui/pages/ToolPolicyPreview.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace llamagate {

ToolPolicyPage::ToolPolicyPage(QWidget* parent) : QWidget(parent)
{
    auto* intro = new QLabel(tr("Which MCP tools are offered to models. Patterns are globs on "
                                "<tt>mcp.&lt;server&gt;.&lt;tool&gt;</tt>, one per line, for example "
                                "<tt>mcp.files.*</tt> or <tt>mcp.*.get-env</tt>. A deny pattern beats every allow "
                                "pattern; an empty allow list allows every tool. A server's own lists apply too."),
                             this);
    intro->setWordWrap(true);

    auto* patterns = new QGridLayout;
    m_allow = addField(Setting::McpAllowTools);
    m_deny = addField(Setting::McpDenyTools);
    const QList<std::pair<const PatternField*, QString>> columns = {{&m_allow, tr("&Allow (MCP_ALLOW_TOOLS)")},
                                                                    {&m_deny, tr("&Deny (MCP_DENY_TOOLS)")}};
    for (int column = 0; column < columns.size(); ++column) {
        const auto& [field, title] = columns.at(column);
        auto* label = new QLabel(title, this);
        label->setBuddy(field->edit);
        patterns->addWidget(label, 0, column);
        patterns->addWidget(field->edit, 1, column);
        patterns->addWidget(field->note, 2, column);
    }

    auto* previewTitle = new QLabel(tr("Preview"), this);
    QFont headingFont = previewTitle->font();
    headingFont.setBold(true);
    previewTitle->setFont(headingFont);
    m_preview = new ToolPolicyPreview(this);
    m_preview->setObjectName(QStringLiteral("policyPreview"));
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("policyEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false); // the palette's quieter text colour

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("policyMessage"));
    m_message->setWordWrap(true);
    m_revert = new QPushButton(tr("&Revert"), this);
    m_apply = new QPushButton(tr("A&pply"), this);
    m_apply->setObjectName(QStringLiteral("applyPolicy"));
    m_apply->setDefault(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(patterns);
    layout->addSpacing(6);
    layout->addWidget(previewTitle);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_empty, 1);
    layout->addLayout(buttons);

    setTabOrder(m_allow.edit, m_deny.edit);
    setTabOrder(m_deny.edit, m_preview);
    setTabOrder(m_preview, m_revert);
    setTabOrder(m_revert, m_apply);
    connect(m_apply, &QPushButton::clicked, this, [this] { emit applyRequested(changes()); });
    connect(m_revert, &QPushButton::clicked, this, [this] { setConfig(m_config); });
    setConfig(m_config);
}

ToolPolicyPage::PatternField ToolPolicyPage::addField(Setting id)
{
    PatternField field{id};
    const SettingSpec& spec = settingSpec(id);
    field.edit = new QPlainTextEdit(this);
    field.edit->setObjectName(spec.envName);
    field.edit->setAccessibleName(spec.envName);
    field.edit->setAccessibleDescription(spec.description);
    field.edit->setTabChangesFocus(true);
    field.edit->setFixedHeight(field.edit->fontMetrics().lineSpacing() * 5 + 12);
    field.note = new QLabel(this);
    field.note->setWordWrap(true);
    field.note->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    field.note->hide();
    connect(field.edit, &QPlainTextEdit::textChanged, this, &ToolPolicyPage::updatePreview);
    return field;
}

void ToolPolicyPage::setConfig(const GatewayConfig& config)
{
    m_config = config;
    for (const PatternField* field : {&m_allow, &m_deny}) {
        const SettingSource source = config.source(field->id);
        const bool readOnly = SettingOverride::applies(source);
        field->edit->setPlainText(config.list(field->id).join(u'\n'));
        field->edit->setReadOnly(readOnly);
        // A read-only field looks like the window behind it, not like something to type into.
        field->edit->setStyleSheet(readOnly ? QStringLiteral("QPlainTextEdit { background: palette(window); }")
                                            : QString());
        field->note->setText(SettingOverride::reason(source, settingSpec(field->id)));
        field->note->setVisible(readOnly);
    }
    // Servers of MCP_SERVERS that can be read, for their own allow/deny lists.
    m_preview->setServerConfigs(
        McpServerList::fromSetting(config.text(Setting::McpServers), McpServerList::defaultTimeout(config)).servers);
    m_message->clear();
    updatePreview();
    updateEmptyState();
}

void ToolPolicyPage::setServers(const QList<McpServerSnapshot>& servers)
{
    m_servers = servers;
    m_preview->setServers(servers);
    updateEmptyState();
}

void ToolPolicyPage::showResult(const QString& error)
{
    m_message->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
    m_message->setText(error.isEmpty() ? tr("Tool policy saved and applied.") : error);
}

QStringList ToolPolicyPage::patterns(const PatternField& field)
{
    static const QRegularExpression separators(QStringLiteral("[\\n,]"));
    QStringList list;
    for (const QString& pattern : field.edit->toPlainText().split(separators, Qt::SkipEmptyParts)) {
        if (!pattern.trimmed().isEmpty())
            list.append(pattern.trimmed());
    }
    return list;
}

QHash<QString, QString> ToolPolicyPage::changes() const
{
    QHash<QString, QString> changes;
    for (const PatternField* field : {&m_allow, &m_deny}) {
        const QStringList edited = patterns(*field);
        if (!SettingOverride::applies(m_config.source(field->id)) && edited != m_config.list(field->id))
            changes.insert(settingSpec(field->id).key, edited.join(u','));
    }
    return changes;
}

void ToolPolicyPage::updatePreview()
{
    m_preview->setPolicy(ToolPolicy(patterns(m_allow), patterns(m_deny)));
    const bool edited = !changes().isEmpty();
    m_apply->setEnabled(edited);
    m_revert->setEnabled(edited);
    if (edited)
        m_message->clear();
}

void ToolPolicyPage::updateEmptyState()
{
    QString empty;
    if (!m_config.flag(Setting::McpEnabled))
        empty = tr("MCP is switched off (MCP_ENABLED), so no tools are offered to models. Switch it on in Settings; "
                   "the tools of your MCP servers are then listed here.");
    else if (m_servers.isEmpty())
        empty = tr("No MCP servers are configured. Add one on the MCP Servers page; its tools are then listed here.");
    m_empty->setText(empty);
    m_empty->setVisible(!empty.isEmpty());
    m_preview->setVisible(empty.isEmpty());
}

} // namespace llamagate
