#include "ui/dialogs/McpServerDialog.h"

#include "gateway/tools/McpServerJson.h"
#include "mcp/ConnectionTest.h"
#include "mcp/ServerSecrets.h"
#include "ui/dialogs/KeyValueTable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace llamagate {

namespace {

/// Arguments as one line that QProcess::splitCommand() reads back: quoted where they hold spaces or quotes.
QString joinArguments(const QStringList& arguments)
{
    QStringList quoted;
    for (QString argument : arguments) {
        if (argument.isEmpty() || argument.contains(u' ') || argument.contains(u'\t') || argument.contains(u'"'))
            argument =
                QLatin1Char('"') + argument.replace(QLatin1String("\""), QLatin1String("\"\"\"")) + QLatin1Char('"');
        quoted.append(argument);
    }
    return quoted.join(u' ');
}

bool isHttpUrl(const QString& text)
{
    if (text.contains(QLatin1String("${env:")))
        return true; // known only when the server starts
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty();
}

} // namespace

McpServerDialog::McpServerDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Add MCP Server"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("serverName"));
    m_name->setPlaceholderText(tr("e.g. filesystem"));
    m_transport = new QComboBox(this);
    m_transport->setObjectName(QStringLiteral("serverTransport"));
    m_transport->addItem(tr("stdio: a command on this computer"), int(mcp::TransportKind::Stdio));
    m_transport->addItem(tr("Streamable HTTP, falling back to legacy SSE"), int(mcp::TransportKind::Http));
    m_transport->addItem(tr("Streamable HTTP only"), int(mcp::TransportKind::StreamableHttp));
    m_transport->addItem(tr("Legacy HTTP+SSE only"), int(mcp::TransportKind::Sse));
    m_command = new QLineEdit(this);
    m_command->setObjectName(QStringLiteral("serverCommand"));
    m_command->setPlaceholderText(tr("e.g. npx"));
    m_arguments = new QLineEdit(this);
    m_arguments->setObjectName(QStringLiteral("serverArguments"));
    m_arguments->setPlaceholderText(tr("e.g. -y @modelcontextprotocol/server-filesystem /home/me/notes"));
    m_arguments->setToolTip(tr("Separated by spaces; put an argument with spaces in double quotes."));
    m_environment = new KeyValueTable(tr("Variable"), tr("Value"), this);
    m_environment->setObjectName(QStringLiteral("serverEnvironment"));
    m_environment->table()->setAccessibleName(tr("Environment"));
    m_workingDirectory = new QLineEdit(this);
    m_workingDirectory->setObjectName(QStringLiteral("serverWorkingDirectory"));
    m_workingDirectory->setPlaceholderText(tr("LlamaGate's own when empty"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setPlaceholderText(tr("e.g. http://127.0.0.1:3001/mcp"));
    m_headers = new KeyValueTable(tr("Header"), tr("Value"), this);
    m_headers->setObjectName(QStringLiteral("serverHeaders"));
    m_headers->table()->setAccessibleName(tr("Headers"));
    m_headers->setSecretNames(&mcp::ServerSecrets::isSecretHeader);
    m_secretsNote = new QLabel(this);
    m_secretsNote->setObjectName(QStringLiteral("secretsNote"));
    m_secretsNote->setWordWrap(true);
    m_secretsNote->setEnabled(false); // the palette's quieter text colour
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("serverTimeout"));
    m_timeout->setRange(1, 1800);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("Deadline of each call to this server (and of Test Connection)"));
    m_enabled = new QCheckBox(tr("&Enabled"), this);
    m_enabled->setObjectName(QStringLiteral("serverEnabled"));
    m_enabled->setChecked(true);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("&Transport:"), m_transport);
    m_form->addRow(tr("&Command:"), m_command);
    m_form->addRow(tr("&Arguments:"), m_arguments);
    m_form->addRow(tr("En&vironment:"), m_environment);
    m_form->addRow(tr("&Working folder:"), m_workingDirectory);
    m_form->addRow(tr("&URL:"), m_url);
    m_form->addRow(tr("&Headers:"), m_headers);
    m_form->addRow(QString(), m_secretsNote);
    m_form->addRow(tr("T&imeout:"), m_timeout);
    m_form->addRow(QString(), m_enabled);
    static_cast<QLabel*>(m_form->labelForField(m_environment))->setBuddy(m_environment->table());
    static_cast<QLabel*>(m_form->labelForField(m_headers))->setBuddy(m_headers->table());

    m_test = new QPushButton(tr("Te&st Connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setAutoDefault(false);
    m_testResult = new QPlainTextEdit(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setReadOnly(true);
    m_testResult->setAccessibleName(tr("Test result"));
    m_testResult->setPlaceholderText(tr("Test Connection starts the server as typed and lists its tools."));
    m_testResult->setMaximumHeight(120);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("serverError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    layout->addWidget(m_testResult);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    m_connectionTest = new mcp::ConnectionTest(this);
    connect(m_transport, &QComboBox::currentIndexChanged, this, &McpServerDialog::showTransportFields);
    connect(m_test, &QPushButton::clicked, this, &McpServerDialog::testConnection);
    connect(
        m_connectionTest, &mcp::ConnectionTest::finished, this, [this](const mcp::ConnectionTest::Outcome& outcome) {
            m_test->setEnabled(true);
            if (!outcome.ok) {
                QString text = tr("The test failed: %1").arg(outcome.error);
                if (!outcome.stderrTail.trimmed().isEmpty())
                    text += QStringLiteral("\n\n") + tr("The server wrote to stderr:") + QLatin1Char('\n') +
                            outcome.stderrTail.trimmed();
                showTestOutcome(false, text);
                return;
            }
            QStringList names;
            for (const mcp::ToolInfo& tool : outcome.tools)
                names.append(tool.name);
            showTestOutcome(true,
                            tr("Connected to %1: %n tool(s).", "", int(names.size())).arg(outcome.serverName) +
                                QLatin1Char('\n') + names.join(u'\n'));
        });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &McpServerDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &McpServerDialog::reject);

    setTabOrder(m_name, m_transport);
    setTabOrder(m_transport, m_command);
    setTabOrder(m_command, m_arguments);
    setTabOrder(m_arguments, m_environment);
    setTabOrder(m_environment, m_workingDirectory);
    setTabOrder(m_workingDirectory, m_url);
    setTabOrder(m_url, m_headers);
    setTabOrder(m_headers, m_timeout);
    setTabOrder(m_timeout, m_enabled);
    setTabOrder(m_enabled, m_test);
    setTabOrder(m_test, m_testResult);
    setTabOrder(m_testResult, m_buttons);
    setDefaultTimeout(std::chrono::seconds(30));
    setKeychainAvailable(false);
    showTransportFields();
    resize(620, 640);
}

McpServerDialog::~McpServerDialog() = default;

void McpServerDialog::setServer(const mcp::ServerConfig& server)
{
    setWindowTitle(tr("Edit MCP Server"));
    m_base = server;
    m_name->setText(server.name);
    m_transport->setCurrentIndex(m_transport->findData(int(server.transport)));
    m_command->setText(server.command);
    m_arguments->setText(joinArguments(server.args));
    m_environment->setValues(server.env);
    m_workingDirectory->setText(server.workingDirectory);
    m_url->setText(server.url);
    m_headers->setValues(server.headers);
    m_timeout->setValue(int(std::max<qint64>(1, server.timeout.count() / 1000)));
    m_enabled->setChecked(server.enabled);
}

void McpServerDialog::setDefaultTimeout(std::chrono::milliseconds timeout)
{
    m_timeout->setValue(int(std::max<qint64>(1, timeout.count() / 1000)));
}

void McpServerDialog::setKeychainAvailable(bool available)
{
    m_secretsNote->setText(
        available ? tr("Values of secret headers (Authorization, or a name with token, key, secret, cookie, auth or "
                       "password) are kept in the keychain; the settings keep only a ${secret:…} reference.")
                  : tr("No keychain is connected: values of secret headers (Authorization, or a name with token, key, "
                       "secret, cookie, auth or password) are kept in memory until LlamaGate quits and are never "
                       "saved. Enter them again after a restart, or use ${env:VARIABLE}."));
}

mcp::ServerConfig McpServerDialog::server() const
{
    mcp::ServerConfig server = m_base;
    server.name = m_name->text().trimmed();
    server.transport = mcp::TransportKind(m_transport->currentData().toInt());
    server.enabled = m_enabled->isChecked();
    server.timeout = std::chrono::seconds(m_timeout->value());
    server.command.clear();
    server.args.clear();
    server.env.clear();
    server.workingDirectory.clear();
    server.url.clear();
    server.headers.clear();
    if (server.transport == mcp::TransportKind::Stdio) {
        server.command = m_command->text().trimmed();
        server.args = QProcess::splitCommand(m_arguments->text());
        server.env = m_environment->values();
        server.workingDirectory = m_workingDirectory->text().trimmed();
    } else {
        server.url = m_url->text().trimmed();
        server.headers = m_headers->values();
    }
    return server;
}

QString McpServerDialog::validate(bool forTest) const
{
    const mcp::ServerConfig draft = server();
    if (!forTest) {
        if (draft.name.isEmpty())
            return tr("Give the server a name.");
        if (!McpServerJson::isValidName(draft.name))
            return tr("The name may hold only letters A-Z and a-z, digits, \"_\", \".\" and \"-\", at most 64 of "
                      "them.");
        if (draft.name != m_base.name && m_takenNames.contains(draft.name))
            return tr("There is a server named \"%1\" already.").arg(draft.name);
    }
    if (draft.transport == mcp::TransportKind::Stdio) {
        if (draft.command.isEmpty())
            return tr("Give the command that starts the server.");
    } else if (draft.url.isEmpty()) {
        return tr("Give the server's URL.");
    } else if (!isHttpUrl(draft.url)) {
        return tr("\"%1\" is not a URL this server can be reached at: it must start with http:// or https:// and "
                  "name a host.")
            .arg(draft.url);
    }
    return {};
}

void McpServerDialog::accept()
{
    const QString problem = validate(false);
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

void McpServerDialog::showTransportFields()
{
    const bool stdio = mcp::TransportKind(m_transport->currentData().toInt()) == mcp::TransportKind::Stdio;
    for (QWidget* field : {static_cast<QWidget*>(m_command),
                           static_cast<QWidget*>(m_arguments),
                           static_cast<QWidget*>(m_environment),
                           static_cast<QWidget*>(m_workingDirectory)})
        m_form->setRowVisible(field, stdio);
    for (QWidget* field :
         {static_cast<QWidget*>(m_url), static_cast<QWidget*>(m_headers), static_cast<QWidget*>(m_secretsNote)})
        m_form->setRowVisible(field, !stdio);
}

void McpServerDialog::testConnection()
{
    const QString problem = validate(true);
    if (!problem.isEmpty()) {
        showTestOutcome(false, problem);
        return;
    }
    m_test->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setPlainText(tr("Connecting…"));
    m_connectionTest->start(mcp::ServerSecrets::resolve(server(), m_secrets), std::chrono::seconds(m_timeout->value()));
}

void McpServerDialog::showTestOutcome(bool ok, const QString& text)
{
    m_testResult->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
    m_testResult->setPlainText(text);
}

} // namespace llamagate
