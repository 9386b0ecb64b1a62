#include "DesktopHarness.h"
#include "McpTestSupport.h"
#include "gateway/access/SecretStore.h"
#include "ui/ControlPanel.h"
#include "ui/Translations.h"
#include "ui/dialogs/KeyValueTable.h"
#include "ui/dialogs/McpImportDialog.h"
#include "ui/dialogs/McpServerDialog.h"
#include "ui/models/McpServersModel.h"
#include "ui/pages/McpServersPage.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace llamagate;
using namespace llamagate::testing;

namespace {

const QString kMcpOn = QStringLiteral("MCP_ENABLED");

/// Clicks `button` and answers the question box it opens with `answer`.
void clickAnswering(QPushButton* button, QMessageBox::StandardButton answer)
{
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [answer] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
            box->button(answer)->click();
    });
    timer.start(20);
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

/// The MCP Servers page driven through its real windows: adding a server through the dialog (saved, then ready with
/// its tools), Test Connection on good and bad drafts, the import preview, removing after a confirmation, secret
/// header values kept in the keychain (or in memory) but never in the settings file, and the read-only notes.
class TestMcpServersPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void addedServerIsSavedAndTurnsReadyWithItsTools();
    void testConnectionListsToolsOrShowsTheErrorWithStderr();
    void draftsAreCheckedBeforeSaving();
    void importPreviewAddsTheGoodAndRefusesTheBad();
    void removeAsksFirst();
    void secretHeaderGoesToTheKeychainAndTheGatewayGetsIt();
    void withoutAKeychainSecretsStayInMemoryOnly();
    void savedSecretsAreReadFromTheKeychainAtStart();
    void readOnlyServersAndMcpOffAreExplained();

private:
    void run(const QHash<QString, QString>& environment);
    McpServersPage& page() const { return m_app->desktop().mcpServersPage(); }
    QPushButton* button(const char* name) const { return page().findChild<QPushButton*>(QLatin1String(name)); }
    /// Clicks Add (or Edit) and returns the dialog it opened.
    McpServerDialog* openDialog(const char* buttonName);
    static void fillStdio(McpServerDialog* dialog, const QString& name, const QString& command, const QString& args);
    static void save(McpServerDialog* dialog);
    QString savedServers() const;
    QString cell(const QString& server, int column) const;
    void select(const QString& server);
    void saveServersSetting(const QString& json);

    std::unique_ptr<DesktopHarness> m_app;
};

void TestMcpServersPage::initTestCase()
{
    QVERIFY(installTranslations(QLocale(QLocale::English, QLocale::UnitedStates))); // the plural forms
}

void TestMcpServersPage::init()
{
    m_app = std::make_unique<DesktopHarness>();
}

void TestMcpServersPage::cleanup()
{
    m_app.reset();
}

void TestMcpServersPage::run(const QHash<QString, QString>& environment)
{
    m_app->run(environment);
    showPage(m_app->desktop().panel(), QStringLiteral("mcp-servers"));
}

McpServerDialog* TestMcpServersPage::openDialog(const char* buttonName)
{
    QPushButton* opener = button(buttonName);
    if (!opener || !opener->isEnabled())
        return nullptr;
    QTest::mouseClick(opener, Qt::LeftButton);
    return page().findChild<McpServerDialog*>();
}

void TestMcpServersPage::fillStdio(McpServerDialog* dialog,
                                   const QString& name,
                                   const QString& command,
                                   const QString& args)
{
    auto* nameEdit = dialog->findChild<QLineEdit*>(QStringLiteral("serverName"));
    auto* commandEdit = dialog->findChild<QLineEdit*>(QStringLiteral("serverCommand"));
    auto* argsEdit = dialog->findChild<QLineEdit*>(QStringLiteral("serverArguments"));
    nameEdit->clear();
    QTest::keyClicks(nameEdit, name);
    commandEdit->clear();
    QTest::keyClicks(commandEdit, command);
    argsEdit->clear();
    QTest::keyClicks(argsEdit, args);
}

void TestMcpServersPage::save(McpServerDialog* dialog)
{
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save), Qt::LeftButton);
}

QString TestMcpServersPage::savedServers() const
{
    return QSettings(m_app->settingsFile(), QSettings::IniFormat).value(QStringLiteral("mcp/servers")).toString();
}

QString TestMcpServersPage::cell(const QString& server, int column) const
{
    const McpServersModel* model = page().model();
    const int row = model->rowOf(server);
    return row < 0 ? QStringLiteral("<no row>") : model->index(row, column).data().toString();
}

void TestMcpServersPage::select(const QString& server)
{
    page().view()->selectRow(page().model()->rowOf(server));
}

void TestMcpServersPage::saveServersSetting(const QString& json)
{
    QSettings settings(m_app->settingsFile(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("mcp/servers"), json);
}

void TestMcpServersPage::addedServerIsSavedAndTurnsReadyWithItsTools()
{
    run({{kMcpOn, QStringLiteral("true")}});
    McpServerDialog* dialog = openDialog("addServer");
    QVERIFY(dialog);
    fillStdio(dialog,
              QStringLiteral("everything"),
              mcptest::nodeExecutable(),
              QStringLiteral("%1 stdio").arg(mcptest::everythingScript()));
    save(dialog);
    QVERIFY(!dialog->isVisible());

    QVERIFY2(savedServers().contains(QStringLiteral("\"name\":\"everything\"")), qPrintable(savedServers()));
    QVERIFY2(savedServers().contains(mcptest::everythingScript()), qPrintable(savedServers()));
    QTRY_COMPARE_WITH_TIMEOUT(
        cell(QStringLiteral("everything"), McpServersModel::Status), QStringLiteral("ready"), 30000);
    QVERIFY(cell(QStringLiteral("everything"), McpServersModel::Tools).toInt() >= 10);
    QCOMPARE(cell(QStringLiteral("everything"), McpServersModel::Transport), QStringLiteral("stdio"));

    select(QStringLiteral("everything"));
    auto* tools = page().findChild<QListWidget*>(QStringLiteral("mcpTools"));
    QVERIFY(tools);
    QStringList listed;
    for (int row = 0; row < tools->count(); ++row)
        listed.append(tools->item(row)->text());
    QVERIFY2(listed.filter(QRegularExpression(QStringLiteral("^echo — "))).size() == 1, qPrintable(listed.join(u'\n')));
    QCOMPARE(listed.size(), cell(QStringLiteral("everything"), McpServersModel::Tools).toInt());
    // server-everything writes a banner to stderr: the chosen server's pane shows it.
    auto* log = page().findChild<QPlainTextEdit*>(QStringLiteral("mcpServerLog"));
    QVERIFY(log && !log->toPlainText().isEmpty());
}

void TestMcpServersPage::testConnectionListsToolsOrShowsTheErrorWithStderr()
{
    run({{kMcpOn, QStringLiteral("true")}});
    McpServerDialog* dialog = openDialog("addServer");
    QVERIFY(dialog);
    auto* test = dialog->findChild<QPushButton*>(QStringLiteral("testConnection"));
    auto* result = dialog->findChild<QPlainTextEdit*>(QStringLiteral("testResult"));
    QVERIFY(test && result);

    fillStdio(
        dialog, QString(), mcptest::nodeExecutable(), QStringLiteral("%1 stdio").arg(mcptest::everythingScript()));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(
        result->toPlainText().startsWith(QStringLiteral("Connected to ")), qPrintable(result->toPlainText()), 30000);
    QVERIFY2(result->toPlainText().contains(QStringLiteral("\necho\n")), qPrintable(result->toPlainText()));
    QVERIFY(result->toPlainText().contains(QStringLiteral(" tools.")));

    fillStdio(dialog,
              QString(),
              QStringLiteral("sh"),
              QStringLiteral("-c \"echo 'Error: Cannot find module left-pad' >&2; exit 3\""));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(result->toPlainText().startsWith(QStringLiteral("The test failed: ")),
                              qPrintable(result->toPlainText()),
                              kTimeoutMs);
    QVERIFY2(result->toPlainText().contains(QStringLiteral("The server wrote to stderr:\nError: Cannot find module "
                                                           "left-pad")),
             qPrintable(result->toPlainText()));
    QVERIFY(savedServers().isEmpty()); // testing saves nothing
}

void TestMcpServersPage::draftsAreCheckedBeforeSaving()
{
    saveServersSetting(QStringLiteral(R"([{"name":"memory","command":"npx"}])"));
    run({});
    McpServerDialog* dialog = openDialog("addServer");
    QVERIFY(dialog);
    // Tab goes through the fields in their order, skipping those the transport does not use.
    QApplication::setActiveWindow(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    const QStringList order = {QStringLiteral("serverName"),
                               QStringLiteral("serverTransport"),
                               QStringLiteral("serverCommand"),
                               QStringLiteral("serverArguments")};
    dialog->findChild<QWidget*>(order.first())->setFocus();
    for (const QString& next : order.mid(1)) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), next);
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(
        dialog->findChild<QWidget*>(QStringLiteral("serverEnvironment"))->isAncestorOf(QApplication::focusWidget()));

    auto* error = dialog->findChild<QLabel*>(QStringLiteral("serverError"));
    const auto refusal = [dialog, error](const QString& name, const QString& command) {
        fillStdio(dialog, name, command, QString());
        save(dialog);
        return dialog->isVisible() && error->isVisible() ? error->text() : QStringLiteral("<accepted>");
    };
    QCOMPARE(refusal(QString(), QStringLiteral("npx")), QStringLiteral("Give the server a name."));
    QVERIFY(
        refusal(QStringLiteral("my server"), QStringLiteral("npx")).startsWith(QStringLiteral("The name may hold")));
    QCOMPARE(refusal(QStringLiteral("memory"), QStringLiteral("npx")),
             QStringLiteral("There is a server named \"memory\" already."));
    QCOMPARE(refusal(QStringLiteral("files"), QString()), QStringLiteral("Give the command that starts the server."));

    // The HTTP transports ask for a URL instead, and only an http(s) one with a host.
    auto* transport = dialog->findChild<QComboBox*>(QStringLiteral("serverTransport"));
    auto* url = dialog->findChild<QLineEdit*>(QStringLiteral("serverUrl"));
    QVERIFY(!url->isVisible());
    transport->setFocus();
    QTest::keyClick(transport, Qt::Key_Down);
    QCOMPARE(transport->currentData().toInt(), int(mcp::TransportKind::Http));
    QVERIFY(url->isVisible());
    QVERIFY(!dialog->findChild<QLineEdit*>(QStringLiteral("serverCommand"))->isVisible());
    QCOMPARE(refusal(QStringLiteral("remote"), QString()), QStringLiteral("Give the server's URL."));
    QTest::keyClicks(url, QStringLiteral("ftp://example.org/mcp"));
    save(dialog);
    QVERIFY2(error->text().startsWith(QStringLiteral("\"ftp://example.org/mcp\" is not a URL")),
             qPrintable(error->text()));
    QCOMPARE(savedServers(), QStringLiteral(R"([{"name":"memory","command":"npx"}])"));

    url->clear();
    QTest::keyClicks(url, QStringLiteral("http://127.0.0.1:9/mcp"));
    save(dialog);
    QVERIFY(!dialog->isVisible());
    QVERIFY2(savedServers().contains(QStringLiteral("\"url\":\"http://127.0.0.1:9/mcp\"")), qPrintable(savedServers()));
    QCOMPARE(page().model()->rowCount(), 2);
}

void TestMcpServersPage::importPreviewAddsTheGoodAndRefusesTheBad()
{
    saveServersSetting(QStringLiteral(R"([{"name":"memory","command":"npx"}])"));
    run({});
    QTest::mouseClick(button("importServers"), Qt::LeftButton);
    auto* dialog = page().findChild<McpImportDialog*>();
    QVERIFY(dialog);
    auto* json = dialog->findChild<QPlainTextEdit*>(QStringLiteral("importJson"));
    auto* preview = dialog->findChild<QPlainTextEdit*>(QStringLiteral("importPreview"));
    auto* import = dialog->findChild<QPushButton*>(QStringLiteral("importButton"));
    QVERIFY(json && preview && import);
    QVERIFY(!import->isEnabled());

    const QString file = m_app->dir().filePath(QStringLiteral("claude_desktop_config.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"({"mcpServers": {
        "everything": {"command": "node", "args": ["server.js", "stdio"], "env": {"DEBUG": "1"}},
        "broken": {"args": ["x"]},
        "memory": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"]}
    }})");
    out.close();
    QVERIFY(dialog->loadFile(file));
    const QString shown = preview->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("1 server will be added:\n  + everything (stdio): node server.js stdio")),
             qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("2 entries refused:")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("mcpServers.broken: needs \"command\"")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("\"memory\": there is a server of that name already; it stays as it is.")),
             qPrintable(shown));
    QVERIFY(import->isEnabled());

    QTest::mouseClick(import, Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(page().model()->rowCount(), 2);
    QVERIFY(page().model()->rowOf(QStringLiteral("everything")) >= 0);
    const QString saved = savedServers();
    QVERIFY2(saved.contains(QStringLiteral("\"name\":\"everything\"")) &&
                 saved.contains(QStringLiteral("\"DEBUG\":\"1\"")),
             qPrintable(saved));
    QVERIFY2(!saved.contains(QStringLiteral("server-memory")), qPrintable(saved)); // the existing one stayed

    // Pasted text that is not JSON says so, and imports nothing.
    QTest::mouseClick(button("importServers"), Qt::LeftButton);
    dialog = page().findChild<McpImportDialog*>();
    json = dialog->findChild<QPlainTextEdit*>(QStringLiteral("importJson"));
    json->setFocus();
    QTest::keyClicks(json, QStringLiteral("{\"mcpServers\": "));
    preview = dialog->findChild<QPlainTextEdit*>(QStringLiteral("importPreview"));
    QVERIFY2(preview->toPlainText().contains(QStringLiteral("not valid JSON")), qPrintable(preview->toPlainText()));
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled());
}

void TestMcpServersPage::removeAsksFirst()
{
    saveServersSetting(QStringLiteral(R"([{"name":"memory","command":"npx"},{"name":"files","command":"npx"}])"));
    run({});
    QCOMPARE(page().model()->rowCount(), 2);
    select(QStringLiteral("memory"));
    clickAnswering(button("removeServer"), QMessageBox::Cancel);
    QCOMPARE(page().model()->rowCount(), 2);
    QVERIFY(savedServers().contains(QStringLiteral("memory")));

    select(QStringLiteral("memory"));
    clickAnswering(button("removeServer"), QMessageBox::Yes);
    QCOMPARE(page().model()->rowCount(), 1);
    QCOMPARE(page().model()->rowOf(QStringLiteral("memory")), -1);
    QVERIFY2(!savedServers().contains(QStringLiteral("memory")), qPrintable(savedServers()));
    QVERIFY(savedServers().contains(QStringLiteral("files")));
}

void TestMcpServersPage::secretHeaderGoesToTheKeychainAndTheGatewayGetsIt()
{
    // A listener that stands in for an HTTP MCP server: it only records what the gateway sends.
    QTcpServer remote;
    QVERIFY(remote.listen(QHostAddress::LocalHost, 0));
    run({{kMcpOn, QStringLiteral("true")}});
    MemorySecretStore keychain;
    m_app->desktop().useSecretStore(&keychain);

    McpServerDialog* dialog = openDialog("addServer");
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("secretsNote"))->text().contains(QStringLiteral("keychain")));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("serverName")), QStringLiteral("remote"));
    auto* transport = dialog->findChild<QComboBox*>(QStringLiteral("serverTransport"));
    transport->setCurrentIndex(transport->findData(int(mcp::TransportKind::StreamableHttp)));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("serverUrl")),
                     QStringLiteral("http://127.0.0.1:%1/mcp").arg(remote.serverPort()));
    auto* headers = dialog->findChild<KeyValueTable*>(QStringLiteral("serverHeaders"));
    QVERIFY(headers);
    const auto addHeader = [headers](const QString& name, const QString& value) {
        headers->addRow();
        const int row = headers->table()->rowCount() - 1;
        headers->table()->item(row, 0)->setText(name);
        headers->table()->item(row, 1)->setText(value);
    };
    addHeader(QStringLiteral("Authorization"), QStringLiteral("Bearer s3cret-token"));
    addHeader(QStringLiteral("X-Team"), QStringLiteral("blue"));
    QSignalSpy connected(&remote, &QTcpServer::newConnection);
    save(dialog);
    QVERIFY(!dialog->isVisible());

    const QString reference = QStringLiteral("${secret:mcp/remote/Authorization}");
    QVERIFY2(savedServers().contains(reference), qPrintable(savedServers()));
    QVERIFY2(savedServers().contains(QStringLiteral("\"X-Team\":\"blue\"")), qPrintable(savedServers()));
    QFile settingsFile(m_app->settingsFile());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    QVERIFY(!settingsFile.readAll().contains("s3cret-token"));
    std::optional<QString> stored;
    keychain.read(QStringLiteral("mcp/remote/Authorization"),
                  [&stored](const std::optional<QString>& value) { stored = value; });
    QCOMPARE(stored, std::optional<QString>(QStringLiteral("Bearer s3cret-token")));

    // The gateway's transport sends the value itself.
    QVERIFY(connected.wait(kTimeoutMs));
    QTcpSocket* socket = remote.nextPendingConnection();
    QByteArray request;
    QTRY_VERIFY_WITH_TIMEOUT((request += socket->readAll()).contains("\r\n\r\n"), kTimeoutMs);
    QVERIFY2(request.contains("Authorization: Bearer s3cret-token\r\n"), request.constData());
    QVERIFY2(request.contains("X-Team: blue\r\n"), request.constData());
    socket->abort();

    // Editing keeps the reference (and the value in the keychain) unless the value is typed anew.
    select(QStringLiteral("remote"));
    dialog = openDialog("editServer");
    QVERIFY(dialog);
    headers = dialog->findChild<KeyValueTable*>(QStringLiteral("serverHeaders"));
    QCOMPARE(headers->values().value(QStringLiteral("Authorization")), reference);
    auto* timeout = dialog->findChild<QSpinBox*>(QStringLiteral("serverTimeout"));
    timeout->selectAll();
    QTest::keyClicks(timeout, QStringLiteral("45"));
    save(dialog);
    QVERIFY2(savedServers().contains(QStringLiteral("\"timeout\":45")), qPrintable(savedServers()));
    QVERIFY2(savedServers().contains(reference), qPrintable(savedServers()));
    stored.reset();
    keychain.read(QStringLiteral("mcp/remote/Authorization"),
                  [&stored](const std::optional<QString>& value) { stored = value; });
    QCOMPARE(stored, std::optional<QString>(QStringLiteral("Bearer s3cret-token")));

    // Removing the server deletes its secret from the keychain.
    select(QStringLiteral("remote"));
    clickAnswering(button("removeServer"), QMessageBox::Yes);
    QCOMPARE(page().model()->rowCount(), 0);
    keychain.read(QStringLiteral("mcp/remote/Authorization"),
                  [&stored](const std::optional<QString>& value) { stored = value; });
    QCOMPARE(stored, std::nullopt);
    QVERIFY(!m_app->desktop().config().secrets().contains(QStringLiteral("mcp/remote/Authorization")));
}

void TestMcpServersPage::withoutAKeychainSecretsStayInMemoryOnly()
{
    run({});
    McpServerDialog* dialog = openDialog("addServer");
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("secretsNote"))
                ->text()
                .startsWith(QStringLiteral("No keychain is connected")));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("serverName")), QStringLiteral("remote"));
    auto* transport = dialog->findChild<QComboBox*>(QStringLiteral("serverTransport"));
    transport->setCurrentIndex(transport->findData(int(mcp::TransportKind::Http)));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("serverUrl")),
                     QStringLiteral("http://127.0.0.1:9/mcp"));
    auto* headers = dialog->findChild<KeyValueTable*>(QStringLiteral("serverHeaders"));
    headers->addRow();
    headers->table()->item(0, 0)->setText(QStringLiteral("X-Api-Key"));
    headers->table()->item(0, 1)->setText(QStringLiteral("k3y-value"));
    save(dialog);

    QVERIFY2(savedServers().contains(QStringLiteral("${secret:mcp/remote/X-Api-Key}")), qPrintable(savedServers()));
    QFile settingsFile(m_app->settingsFile());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    QVERIFY(!settingsFile.readAll().contains("k3y-value"));
    QCOMPARE(m_app->desktop().config().secrets().value(QStringLiteral("mcp/remote/X-Api-Key")),
             QStringLiteral("k3y-value"));
}

void TestMcpServersPage::savedSecretsAreReadFromTheKeychainAtStart()
{
    QTcpServer remote;
    QVERIFY(remote.listen(QHostAddress::LocalHost, 0));
    QByteArray requests;
    connect(&remote, &QTcpServer::newConnection, this, [&remote, &requests] {
        while (QTcpSocket* socket = remote.nextPendingConnection())
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &requests] { requests += socket->readAll(); });
    });
    saveServersSetting(
        QStringLiteral(R"([{"name":"remote","transport":"streamable-http","url":"http://127.0.0.1:%1/mcp",)"
                       R"("headers":{"Authorization":"${secret:mcp/remote/Authorization}"}}])")
            .arg(remote.serverPort()));
    MemorySecretStore keychain;
    keychain.write(QStringLiteral("mcp/remote/Authorization"), QStringLiteral("Bearer from-the-keychain"), {});
    run({{kMcpOn, QStringLiteral("true")}});
    // Until the keychain has answered, the server waits instead of connecting with an empty Authorization.
    QTest::qWait(300);
    QCOMPARE(requests, QByteArray());
    auto* log = page().findChild<QPlainTextEdit*>(QStringLiteral("mcpServerLog"));
    select(QStringLiteral("remote"));
    QVERIFY2(log->toPlainText().contains(QStringLiteral("The secret mcp/remote/Authorization is not known")),
             qPrintable(log->toPlainText()));

    m_app->desktop().useSecretStore(&keychain);
    QTRY_VERIFY2_WITH_TIMEOUT(
        requests.contains("Authorization: Bearer from-the-keychain\r\n"), requests.constData(), kTimeoutMs);
    QVERIFY(!log->toPlainText().contains(QStringLiteral("is not known")));
    QVERIFY(!QSettings(m_app->settingsFile(), QSettings::IniFormat)
                 .value(QStringLiteral("mcp/servers"))
                 .toString()
                 .contains(QStringLiteral("from-the-keychain")));
}

void TestMcpServersPage::readOnlyServersAndMcpOffAreExplained()
{
    const QString file = m_app->dir().filePath(QStringLiteral("mcp.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"({"mcpServers": {"fromfile": {"command": "npx", "args": ["-y", "some-server"]}}})");
    out.close();
    saveServersSetting(QStringLiteral(R"([{"name":"memory","command":"npx"}])"));
    run({{QStringLiteral("MCP_CONFIG"), file}});
    auto* note = page().findChild<QLabel*>(QStringLiteral("mcpNote"));
    QVERIFY(note && note->isVisible());
    QVERIFY2(note->text().startsWith(QStringLiteral("MCP is off (MCP_ENABLED)")), qPrintable(note->text()));
    QVERIFY2(note->text().contains(QStringLiteral("come from the file %1").arg(file)), qPrintable(note->text()));
    QCOMPARE(cell(QStringLiteral("fromfile"), McpServersModel::Name), QStringLiteral("fromfile (MCP_CONFIG)"));
    QCOMPARE(cell(QStringLiteral("memory"), McpServersModel::Status), QStringLiteral("stopped"));

    select(QStringLiteral("fromfile"));
    QVERIFY(!button("editServer")->isEnabled());
    QVERIFY(!button("removeServer")->isEnabled());
    QVERIFY(!button("restartServer")->isEnabled()); // MCP is off
    select(QStringLiteral("memory"));
    QVERIFY(button("editServer")->isEnabled());
    QVERIFY(button("removeServer")->isEnabled());
    cleanup();
    init();

    // A list set by the environment cannot be changed here at all.
    run({{kMcpOn, QStringLiteral("true")}, {QStringLiteral("MCP_SERVERS"), QStringLiteral("[]")}});
    note = page().findChild<QLabel*>(QStringLiteral("mcpNote"));
    QVERIFY2(note->text().contains(
                 QStringLiteral("The server list cannot be changed here. Set by the environment variable MCP_SERVERS")),
             qPrintable(note->text()));
    QVERIFY(!note->text().contains(QStringLiteral("MCP is off")));
    QVERIFY(!button("addServer")->isEnabled());
    QVERIFY(!button("importServers")->isEnabled());
}

QTEST_MAIN(TestMcpServersPage)
#include "tst_mcp_servers_page.moc"
