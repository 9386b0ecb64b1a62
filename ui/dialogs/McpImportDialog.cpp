#include "ui/dialogs/McpImportDialog.h"

#include "gateway/tools/McpServerJson.h"
#include "mcp/McpServersImport.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace llamagate {

namespace {

QString describe(const mcp::ServerConfig& server)
{
    if (server.transport == mcp::TransportKind::Stdio)
        return QStringLiteral("%1 %2").arg(server.command, server.args.join(u' ')).trimmed();
    return server.url;
}

} // namespace

McpImportDialog::McpImportDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Import MCP Servers"));
    auto* intro = new QLabel(tr("Paste the JSON of Claude Desktop, Cursor or LM Studio (an object with "
                                "\"mcpServers\"), or open such a file."),
                             this);
    intro->setWordWrap(true);
    m_json = new QPlainTextEdit(this);
    m_json->setObjectName(QStringLiteral("importJson"));
    m_json->setAccessibleName(tr("mcpServers JSON"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setTabChangesFocus(true);
    m_json->setPlaceholderText(QStringLiteral(R"({"mcpServers": {"memory": {"command": "npx", "args": [...]}}})"));
    intro->setBuddy(m_json);
    auto* open = new QPushButton(tr("&Open File…"), this);
    open->setObjectName(QStringLiteral("importOpenFile"));
    open->setAutoDefault(false);
    auto* previewLabel = new QLabel(tr("&Preview:"), this);
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setReadOnly(true);
    m_preview->setAccessibleName(tr("Preview"));
    previewLabel->setBuddy(m_preview);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_json, 2);
    layout->addWidget(open, 0, Qt::AlignLeft);
    layout->addWidget(previewLabel);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_buttons);

    connect(m_json, &QPlainTextEdit::textChanged, this, &McpImportDialog::updatePreview);
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open mcpServers JSON"), QString(), tr("JSON files (*.json);;All files (*)"));
        if (!path.isEmpty())
            loadFile(path);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_json, open);
    setTabOrder(open, m_preview);
    setTabOrder(m_preview, m_buttons);
    updatePreview();
    resize(640, 560);
}

void McpImportDialog::setTakenNames(const QStringList& names)
{
    m_takenNames = names;
    updatePreview();
}

bool McpImportDialog::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_preview->setPlainText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_json->setPlainText(QString::fromUtf8(file.readAll()));
    return true;
}

void McpImportDialog::updatePreview()
{
    m_servers.clear();
    QStringList refused;
    const QString text = m_json->toPlainText();
    if (!text.trimmed().isEmpty()) {
        const mcp::McpServersImport imported = mcp::McpServersImport::parse(text.toUtf8(), m_defaultTimeout);
        refused = imported.errors;
        for (const mcp::ServerConfig& server : imported.servers) {
            if (!McpServerJson::isValidName(server.name))
                refused.append(tr("\"%1\": LlamaGate's server names hold only letters A-Z and a-z, digits, \"_\", "
                                  "\".\" and \"-\", at most 64 of them; rename it in the JSON.")
                                   .arg(server.name));
            else if (m_takenNames.contains(server.name))
                refused.append(tr("\"%1\": there is a server of that name already; it stays as it is. Remove or "
                                  "rename one of them to import this one.")
                                   .arg(server.name));
            else
                m_servers.append(server);
        }
    }
    QStringList lines;
    if (text.trimmed().isEmpty())
        lines.append(tr("Nothing to import yet."));
    if (!m_servers.isEmpty()) {
        lines.append(tr("%n server(s) will be added:", "", int(m_servers.size())));
        for (const mcp::ServerConfig& server : std::as_const(m_servers))
            lines.append(QStringLiteral("  + %1 (%2): %3")
                             .arg(server.name, mcp::ServerConfig::transportName(server.transport), describe(server)));
    }
    if (!refused.isEmpty()) {
        lines.append(tr("%n entry(s) refused:", "", int(refused.size())));
        for (const QString& reason : std::as_const(refused))
            lines.append(QStringLiteral("  - %1").arg(reason));
    }
    m_preview->setPlainText(lines.join(u'\n'));
    m_import->setEnabled(!m_servers.isEmpty());
}

} // namespace llamagate
