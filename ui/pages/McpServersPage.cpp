#include "ui/pages/McpServersPage.h"

#include "ui/SettingOverride.h"

#include "gateway/tools/McpServerList.h"
#include "mcp/ServerSecrets.h"
#include "ui/dialogs/McpImportDialog.h"
#include "ui/dialogs/McpServerDialog.h"
#include "ui/models/McpServersModel.h"
#include "ui/pages/SettingsPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace llamagate {

namespace {

QLabel* boldLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

McpServersPage::McpServersPage(QWidget* parent) : QWidget(parent)
{
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("mcpNote"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("background: #fff4d6; color: #5c4400; padding: 6px; border-radius: 3px;"));
    m_note->hide();

    m_model = new McpServersModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("mcpServersTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("MCP servers"));

    m_add = new QPushButton(tr("&Add…"), this);
    m_add->setObjectName(QStringLiteral("addServer"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editServer"));
    m_remove = new QPushButton(tr("Re&move…"), this);
    m_remove->setObjectName(QStringLiteral("removeServer"));
    m_restart = new QPushButton(tr("Res&tart"), this);
    m_restart->setObjectName(QStringLiteral("restartServer"));
    m_restart->setToolTip(tr("Drop the server's connection and connect again now"));
    m_import = new QPushButton(tr("&Import…"), this);
    m_import->setObjectName(QStringLiteral("importServers"));
    m_import->setToolTip(tr("Add servers from the mcpServers JSON of Claude Desktop, Cursor or LM Studio"));
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_add, m_edit, m_remove, m_restart, m_import})
        buttons->addWidget(button);
    buttons->addStretch();

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("mcpResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    auto* detail = new QWidget(this);
    m_detailTitle = boldLabel(QString(), detail);
    m_detailTitle->setObjectName(QStringLiteral("mcpDetailTitle"));
    m_detailTitle->setWordWrap(true);
    m_tools = new QListWidget(detail);
    m_tools->setObjectName(QStringLiteral("mcpTools"));
    m_tools->setAccessibleName(tr("Tools of the chosen server"));
    m_tools->setWordWrap(true);
    m_log = new QPlainTextEdit(detail);
    m_log->setObjectName(QStringLiteral("mcpServerLog"));
    m_log->setReadOnly(true);
    m_log->setAccessibleName(tr("Last error and stderr of the chosen server"));
    m_log->setFont(QFont(QStringLiteral("monospace")));
    auto* toolsLabel = new QLabel(tr("T&ools:"), detail);
    toolsLabel->setBuddy(m_tools);
    auto* logLabel = new QLabel(tr("Last error and &stderr:"), detail);
    logLabel->setBuddy(m_log);
    auto* toolsColumn = new QVBoxLayout;
    toolsColumn->addWidget(toolsLabel);
    toolsColumn->addWidget(m_tools);
    auto* logColumn = new QVBoxLayout;
    logColumn->addWidget(logLabel);
    logColumn->addWidget(m_log);
    auto* columns = new QHBoxLayout;
    columns->addLayout(toolsColumn, 1);
    columns->addLayout(logColumn, 1);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addLayout(columns);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_view);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_result);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(detail);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(splitter, 1);

    connect(m_add, &QPushButton::clicked, this, &McpServersPage::addServer);
    connect(m_edit, &QPushButton::clicked, this, &McpServersPage::editServer);
    connect(m_remove, &QPushButton::clicked, this, &McpServersPage::removeServer);
    connect(m_import, &QPushButton::clicked, this, &McpServersPage::importServers);
    connect(m_restart, &QPushButton::clicked, this, [this] {
        if (selectedRow() >= 0)
            emit restartRequested(m_model->row(selectedRow()).config.name);
    });
    connect(m_view, &QTableView::doubleClicked, this, &McpServersPage::editServer);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &McpServersPage::showSelected);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &McpServersPage::showSelected);
    setTabOrder(m_view, m_add);
    setTabOrder(m_add, m_edit);
    setTabOrder(m_edit, m_remove);
    setTabOrder(m_remove, m_restart);
    setTabOrder(m_restart, m_import);
    setTabOrder(m_import, m_tools);
    setTabOrder(m_tools, m_log);
    showSelected();
}

void McpServersPage::setConfig(const GatewayConfig& config)
{
    const int row = selectedRow();
    const QString selected = row >= 0 ? m_model->row(row).config.name : QString();
    m_config = config;
    const McpServerList saved =
        McpServerList::fromSetting(config.text(Setting::McpServers), McpServerList::defaultTimeout(config));
    const McpServerList file =
        McpServerList::fromFile(config.text(Setting::McpConfig), McpServerList::defaultTimeout(config));
    m_saved = saved.servers;
    m_model->setConfigured(saved.servers, file.servers);

    QStringList notes;
    if (!config.flag(Setting::McpEnabled))
        notes.append(tr("MCP is off (MCP_ENABLED): no server below is started and models get no MCP tools. Switch it "
                        "on under Settings."));
    if (!listEditable())
        notes.append(
            tr("The server list cannot be changed here. %1")
                .arg(SettingOverride::reason(config.source(Setting::McpServers), settingSpec(Setting::McpServers))));
    if (!file.servers.isEmpty())
        notes.append(tr("Servers marked MCP_CONFIG come from the file %1 and are read-only here: change them in "
                        "that file.")
                         .arg(config.text(Setting::McpConfig)));
    notes += saved.errors + file.errors;
    m_note->setText(notes.join(u'\n'));
    m_note->setVisible(!notes.isEmpty());
    const int again = m_model->rowOf(selected);
    if (again >= 0)
        m_view->selectRow(again);
    showSelected();
}

void McpServersPage::setSnapshots(const QList<McpServerSnapshot>& snapshots)
{
    m_model->setSnapshots(snapshots);
}

void McpServersPage::setKeychainAvailable(bool available)
{
    m_keychain = available;
}

void McpServersPage::showResult(const QString& error)
{
    m_result->setText(error.isEmpty() ? tr("Saved and applied.") : error);
    m_result->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
    m_result->show();
}

bool McpServersPage::listEditable() const
{
    return m_config.source(Setting::McpServers) <= SettingSource::Saved;
}

int McpServersPage::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

QStringList McpServersPage::takenNames() const
{
    QStringList names;
    for (int row = 0; row < m_model->rowCount(); ++row)
        names.append(m_model->row(row).config.name);
    return names;
}

void McpServersPage::showSelected()
{
    const int row = selectedRow();
    const bool editable = listEditable();
    const bool savedRow = row >= 0 && !m_model->row(row).fromFile;
    m_add->setEnabled(editable);
    m_import->setEnabled(editable);
    m_edit->setEnabled(editable && savedRow);
    m_remove->setEnabled(editable && savedRow);
    m_restart->setEnabled(row >= 0 && m_config.flag(Setting::McpEnabled) && m_model->row(row).config.enabled);
    m_tools->clear();
    m_log->clear();
    if (row < 0) {
        m_detailTitle->setText(tr("Choose a server to see its tools and what it last reported."));
        return;
    }
    const McpServersModel::Row& server = m_model->row(row);
    m_detailTitle->setText(server.fromFile ? tr("%1: from the MCP_CONFIG file, read-only here").arg(server.config.name)
                                           : server.config.name);
    const bool ready = server.live && server.live->status.state == mcp::ServerState::Ready;
    if (ready) {
        for (const mcp::ToolInfo& tool : server.live->tools) {
            const QString description = tool.description.section(u'\n', 0, 0).trimmed();
            auto* item = new QListWidgetItem(
                description.isEmpty() ? tool.name : QStringLiteral("%1 — %2").arg(tool.name, description), m_tools);
            item->setToolTip(tool.description);
        }
    } else {
        new QListWidgetItem(tr("The tools are listed once the server is ready."), m_tools);
    }
    QStringList log;
    for (const QString& key : mcp::ServerSecrets::referencedKeys(server.config)) {
        if (!m_config.secrets().contains(key))
            log.append(tr("The secret %1 is not known in this run (no keychain when it was saved?): edit the server "
                          "and enter the value again.")
                           .arg(key));
    }
    if (server.live && !server.live->status.lastError.isEmpty())
        log.append(tr("Last error: %1").arg(server.live->status.lastError));
    if (server.live && !server.live->status.stderrTail.trimmed().isEmpty())
        log.append(tr("stderr:") + QLatin1Char('\n') + server.live->status.stderrTail.trimmed());
    m_log->setPlainText(log.isEmpty() ? tr("Nothing reported.") : log.join(QStringLiteral("\n\n")));
}

McpServerDialog* McpServersPage::serverDialog()
{
    auto* dialog = new McpServerDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTakenNames(takenNames());
    dialog->setDefaultTimeout(McpServerList::defaultTimeout(m_config));
    dialog->setKeychainAvailable(m_keychain);
    dialog->setSecrets(m_config.secrets());
    return dialog;
}

void McpServersPage::addServer()
{
    McpServerDialog* dialog = serverDialog();
    connect(
        dialog, &QDialog::accepted, this, [this, dialog] { emit serversChanged(m_saved + QList{dialog->server()}); });
    dialog->open();
}

void McpServersPage::editServer()
{
    const int row = selectedRow();
    if (row < 0 || m_model->row(row).fromFile || !listEditable())
        return;
    const QString name = m_model->row(row).config.name;
    McpServerDialog* dialog = serverDialog();
    dialog->setServer(m_model->row(row).config);
    connect(dialog, &QDialog::accepted, this, [this, dialog, name] {
        QList<mcp::ServerConfig> servers = m_saved;
        for (mcp::ServerConfig& server : servers) {
            if (server.name == name)
                server = dialog->server();
        }
        emit serversChanged(servers);
    });
    dialog->open();
}

void McpServersPage::removeServer()
{
    const int row = selectedRow();
    if (row < 0 || m_model->row(row).fromFile || !listEditable())
        return;
    const QString name = m_model->row(row).config.name;
    const QMessageBox::StandardButton answer = QMessageBox::question(
        this,
        tr("Remove MCP Server"),
        tr("Remove the MCP server \"%1\"? Models no longer get its tools, and its secret header values are deleted "
           "from the keychain.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel,
        QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QList<mcp::ServerConfig> servers = m_saved;
    servers.removeIf([&name](const mcp::ServerConfig& server) { return server.name == name; });
    emit serversChanged(servers);
}

void McpServersPage::importServers()
{
    auto* dialog = new McpImportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTakenNames(takenNames());
    dialog->setDefaultTimeout(McpServerList::defaultTimeout(m_config));
    connect(dialog, &QDialog::accepted, this, [this, dialog] { emit serversChanged(m_saved + dialog->servers()); });
    dialog->open();
}

} // namespace llamagate
