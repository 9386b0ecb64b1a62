#include "DesktopHarness.h"
#include "gateway/access/SecretStore.h"
#include "gateway/config/SettingsVersion.h"
#include "gateway/log/JsonLogger.h"
#include "ui/ControlPanel.h"
#include "ui/StatusTracker.h"
#include "ui/TrayIcon.h"
#include "ui/models/RequestLogModel.h"
#include "ui/pages/LiveLogPage.h"
#include "ui/pages/SettingsPage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace llamagate;

using namespace llamagate::testing;

/// The desktop app driven through its real windows and tray menu, against a gateway started in-process.
class TestDesktop : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void trayFollowsTheGateway();
    void degradedWhileOllamaIsUnreachable();
    void liveLogShowsAnHttpRequest();
    void apiKeyCreatedInThePanelWorksOverHttp();
    void keysInTheKeychainCanBeCopiedLater();
    void portChangeIsAppliedLive();
    void invalidValueIsRefusedWithTheTablesMessage();
    void logFileChangeIsAppliedLive();
    void environmentValuesAreReadOnlyWithTheReason();
    void listeningBeyondLoopbackIsWarnedAbout();
    void ollamaTestButtonAsksTheTypedServer();
    void quitStopsTheGatewayFirst();
    void withoutATrayClosingThePanelQuits();
    void withATrayClosingThePanelKeepsRunning();
    void startedAtLoginGoesStraightToTheTray();
    void keyboardReachesEveryPage();
    void launchAtLoginFromTheTrayMenu();

private:
    void run(const QHash<QString, QString>& environment, bool trayAvailable = true, bool toTray = false)
    {
        m_app->run(environment, trayAvailable, toTray);
    }
    DesktopController& desktop() const { return m_app->desktop(); }

    std::unique_ptr<DesktopHarness> m_app;
};

void TestDesktop::init()
{
    m_app = std::make_unique<DesktopHarness>();
}

void TestDesktop::cleanup()
{
    m_app.reset();
}

void TestDesktop::trayFollowsTheGateway()
{
    FakeOllama ollama;
    QVERIFY(ollama.start());
    run({{QStringLiteral("OLLAMA_HOST"), ollama.url()}});
    TrayIcon* tray = desktop().tray();
    QVERIFY(tray);
    QTRY_COMPARE_WITH_TIMEOUT(tray->shownHealth(), Health::Running, kTimeoutMs);
    QVERIFY2(tray->toolTip().contains(desktop().status().endpoint()), qPrintable(tray->toolTip()));
    QVERIFY(desktop().status().endpoint().startsWith(QStringLiteral("http://127.0.0.1:")));

    QAction* stop = menuAction(*tray, QStringLiteral("Stop Gateway"));
    QVERIFY(stop);
    stop->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(tray->shownHealth(), Health::Stopped, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(desktop().status().state(), GatewayState::Stopped, kTimeoutMs);
    QVERIFY2(tray->toolTip().contains(QStringLiteral("Stopped")), qPrintable(tray->toolTip()));
    QCOMPARE(stop->text(), QStringLiteral("Start Gateway"));

    stop->trigger(); // now "Start Gateway"
    QTRY_COMPARE_WITH_TIMEOUT(tray->shownHealth(), Health::Running, kTimeoutMs);
    QCOMPARE(httpGet(desktop().status().endpoint() + QStringLiteral("/models")), 200);
    QTRY_VERIFY2_WITH_TIMEOUT(tray->toolTip().contains(QStringLiteral("1 request")),
                              qPrintable(tray->toolTip() + desktop().status().ollama().error),
                              kTimeoutMs);
}

void TestDesktop::degradedWhileOllamaIsUnreachable()
{
    const QString closed = QStringLiteral("http://127.0.0.1:%1").arg(unusedPort());
    run({{QStringLiteral("OLLAMA_HOST"), closed}});
    QTRY_COMPARE_WITH_TIMEOUT(desktop().tray()->shownHealth(), Health::Degraded, kTimeoutMs);
    QCOMPARE(desktop().status().ollama().state, OllamaStatus::State::Unreachable);
    QVERIFY(!desktop().status().ollama().error.isEmpty());
    QVERIFY2(desktop().tray()->toolTip().contains(QStringLiteral("Degraded")), qPrintable(desktop().tray()->toolTip()));
}

void TestDesktop::liveLogShowsAnHttpRequest()
{
    FakeOllama ollama;
    QVERIFY(ollama.start());
    run({{QStringLiteral("OLLAMA_HOST"), ollama.url()}});
    LiveLogPage& page = desktop().liveLogPage();
    QCOMPARE(showPage(desktop().panel(), QStringLiteral("live-log")), &page);
    QTableView* view = page.view();
    QCOMPARE(httpGet(desktop().status().endpoint() + QStringLiteral("/models")), 200);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, kTimeoutMs);
    const auto cell = [view](int column) { return view->model()->index(0, column).data().toString(); };
    QCOMPARE(cell(RequestLogModel::Method), QStringLiteral("GET"));
    QCOMPARE(cell(RequestLogModel::Path), QStringLiteral("/v1/models"));
    QCOMPARE(cell(RequestLogModel::Status), QStringLiteral("200"));

    // The detail pane shows the full entry of the chosen row.
    view->setFocus();
    view->selectRow(0);
    auto* detail = page.findChild<QPlainTextEdit*>(QStringLiteral("logDetail"));
    QVERIFY(detail);
    QVERIFY2(detail->toPlainText().contains(desktop().log().entry(0).requestId), qPrintable(detail->toPlainText()));

    // The filter hides rows that do not match and shows them again.
    auto* filter = page.findChild<QLineEdit*>(QStringLiteral("logFilter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("chat/completions"));
    QCOMPARE(view->model()->rowCount(), 0);
    filter->clear();
    QCOMPARE(view->model()->rowCount(), 1);
}

void TestDesktop::apiKeyCreatedInThePanelWorksOverHttp()
{
    FakeOllama ollama;
    QVERIFY(ollama.start());
    run({{QStringLiteral("OLLAMA_HOST"), ollama.url()}});
    const QString models = desktop().status().endpoint() + QStringLiteral("/models");
    QCOMPARE(httpGet(models), 200); // no keys yet: the loopback gateway is open
    desktop().panel().showPage(1);
    QWidget* page = desktop().panel().page(1);
    auto* name = page->findChild<QLineEdit*>(QStringLiteral("keyName"));
    auto* create = page->findChild<QPushButton*>(QStringLiteral("createKey"));
    auto* secretField = page->findChild<QLineEdit*>(QStringLiteral("newSecret"));
    auto* table = page->findChild<QTableWidget*>(QStringLiteral("keysTable"));
    QVERIFY(name && create && secretField && table);

    QTest::keyClicks(name, QStringLiteral("editor"));
    QTest::mouseClick(create, Qt::LeftButton);
    const QString editorSecret = secretField->text();
    QVERIFY(!editorSecret.isEmpty());
    QTest::keyClicks(name, QStringLiteral("ci"));
    QTest::keyClick(name, Qt::Key_Return);
    const QString ciSecret = secretField->text();
    QVERIFY(!ciSecret.isEmpty() && ciSecret != editorSecret);
    const auto rowOf = [table](const QString& key) {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == key)
                return row;
        }
        return -1;
    };
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(rowOf(QStringLiteral("editor")) >= 0);
    QVERIFY(rowOf(QStringLiteral("ci")) >= 0);

    QTRY_COMPARE_WITH_TIMEOUT(httpGet(models), 401, kTimeoutMs); // the gateway picked the keys up
    QCOMPARE(httpGet(models, editorSecret), 200);
    QCOMPARE(httpGet(models, ciSecret), 200);
    QFile settings(m_app->settingsFile());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray saved = settings.readAll();
    QVERIFY(saved.contains("editor"));
    QVERIFY(!saved.contains(editorSecret.toUtf8())); // only a salted hash is kept
    QVERIFY(!saved.contains(ciSecret.toUtf8()));

    // Revoke "editor", answering the confirmation.
    table->selectRow(rowOf(QStringLiteral("editor")));
    {
        MessageBoxAnswer yes(QMessageBox::Yes);
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("revokeKey")), Qt::LeftButton);
    }
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(rowOf(QStringLiteral("ci")), 0);
    QTRY_COMPARE_WITH_TIMEOUT(httpGet(models, editorSecret), 401, kTimeoutMs);
    QCOMPARE(httpGet(models, ciSecret), 200);
}

void TestDesktop::keysInTheKeychainCanBeCopiedLater()
{
    run({});
    MemorySecretStore keychain;
    desktop().useSecretStore(&keychain);
    desktop().panel().showPage(1);
    QWidget* page = desktop().panel().page(1);
    QVERIFY(!page->findChild<QLabel*>(QStringLiteral("keychainBanner"))->isVisible());
    QTest::keyClicks(page->findChild<QLineEdit*>(QStringLiteral("keyName")), QStringLiteral("editor"));
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("createKey")), Qt::LeftButton);
    const QString secret = page->findChild<QLineEdit*>(QStringLiteral("newSecret"))->text();
    QVERIFY(!secret.isEmpty());

    auto* table = page->findChild<QTableWidget*>(QStringLiteral("keysTable"));
    table->selectRow(0);
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("copyKey")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), secret);
    QCOMPARE(page->findChild<QLabel*>(QStringLiteral("copyResult"))->text(),
             QStringLiteral("Copied the key \"editor\"."));

    // Revoking removes the secret from the keychain too.
    const QString keyId = table->item(0, 0)->data(Qt::UserRole).toString();
    {
        MessageBoxAnswer yes(QMessageBox::Yes);
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("revokeKey")), Qt::LeftButton);
    }
    QCOMPARE(table->rowCount(), 0);
    std::optional<QString> left = QStringLiteral("not read");
    keychain.read(keyId, [&left](const std::optional<QString>& found) { left = found; });
    QCOMPARE(left, std::nullopt);
}

void TestDesktop::portChangeIsAppliedLive()
{
    run({});
    const QString before = desktop().status().endpoint();
    const quint16 port = unusedPort();
    SettingsPage& page = desktop().settingsPage();
    auto* portEdit = qobject_cast<QLineEdit*>(page.editor(Setting::Port));
    QVERIFY(portEdit);
    portEdit->selectAll();
    QTest::keyClicks(portEdit, QString::number(port));
    QSignalSpy started(&m_app->host(), &GatewayHost::started);
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("applySettings")), Qt::LeftButton);
    QVERIFY(started.wait(kTimeoutMs));
    QCOMPARE(started.constFirst().at(1).value<quint16>(), port);
    QTRY_COMPARE_WITH_TIMEOUT(
        desktop().status().endpoint(), QStringLiteral("http://127.0.0.1:%1/v1").arg(port), kTimeoutMs);
    QCOMPARE(page.message(), QStringLiteral("Settings saved and applied."));
    QCOMPARE(QSettings(m_app->settingsFile(), QSettings::IniFormat).value(QStringLiteral("gateway/port")).toString(),
             QString::number(port));
    QCOMPARE(QSettings(m_app->settingsFile(), QSettings::IniFormat).value(QLatin1String(SettingsVersion::key)).toInt(),
             SettingsVersion::current);
    QVERIFY(httpGet(QStringLiteral("http://127.0.0.1:%1/health").arg(port)) > 0); // an HTTP answer on the new port
    QCOMPARE(httpGet(before.chopped(3) + QStringLiteral("/health")), 0);          // the old port no longer answers
}

void TestDesktop::logFileChangeIsAppliedLive()
{
    run({});
    const QString logFile = m_app->dir().filePath(QStringLiteral("gateway.log"));
    SettingsPage& page = desktop().settingsPage();
    auto* edit = qobject_cast<QLineEdit*>(page.editor(Setting::LogFile));
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClicks(edit, logFile);
    QSignalSpy started(&m_app->host(), &GatewayHost::started);
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("applySettings")), Qt::LeftButton);
    QVERIFY(started.wait(kTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(desktop().status().state(), GatewayState::Running, kTimeoutMs);
    QVERIFY(httpGet(desktop().status().endpoint().chopped(3) + QStringLiteral("/health")) > 0);
    const auto logged = [&logFile] {
        QFile file(logFile);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(logged().contains("\"path\":\"/health\""), logged().constData(), kTimeoutMs);
    JsonLogger::instance().configure({}); // the logger is one per process: the next tests log to stdout only
}

void TestDesktop::invalidValueIsRefusedWithTheTablesMessage()
{
    run({});
    const QString endpoint = desktop().status().endpoint();
    SettingsPage& page = desktop().settingsPage();
    auto* portEdit = qobject_cast<QLineEdit*>(page.editor(Setting::Port));
    QVERIFY(portEdit);
    portEdit->selectAll();
    QTest::keyClicks(portEdit, QStringLiteral("70000"));
    QSignalSpy applyRequested(&page, &SettingsPage::applyRequested);
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("applySettings")), Qt::LeftButton);
    QCOMPARE(applyRequested.size(), 0);
    QCOMPARE(page.message(),
             QStringLiteral("Invalid PORT \"70000\": expected %1").arg(settingSpec(Setting::Port).acceptedText()));
    QVERIFY(page.message().contains(QStringLiteral("65535")));
    QCOMPARE(QSettings(m_app->settingsFile(), QSettings::IniFormat).value(QStringLiteral("gateway/port")).toString(),
             QStringLiteral("0"));
    QCOMPARE(desktop().status().endpoint(), endpoint);
}

void TestDesktop::environmentValuesAreReadOnlyWithTheReason()
{
    run({{QStringLiteral("TIMEOUT"), QStringLiteral("2m")}});
    SettingsPage& page = desktop().settingsPage();
    auto* timeout = qobject_cast<QLineEdit*>(page.editor(Setting::Timeout));
    QVERIFY(timeout);
    QVERIFY(timeout->isReadOnly());
    QCOMPARE(timeout->text(), QStringLiteral("2m"));
    const QList<QLabel*> labels = page.findChildren<QLabel*>();
    const bool reasonShown = std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
        return !label->isHidden() &&
               label->text() == QStringLiteral("Set by the environment variable TIMEOUT; change it there.");
    });
    QVERIFY(reasonShown);
    auto* port = qobject_cast<QLineEdit*>(page.editor(Setting::Port));
    QVERIFY(port && !port->isReadOnly()); // a saved value stays editable
    // The MCP servers and the tool policy are edited on their own pages, not as raw text here.
    QVERIFY(!page.editor(Setting::McpServers));
    QVERIFY(!page.editor(Setting::McpDenyTools));
    QVERIFY(page.editor(Setting::McpMaxToolRounds));
}

void TestDesktop::listeningBeyondLoopbackIsWarnedAbout()
{
    run({});
    SettingsPage& page = desktop().settingsPage();
    QCOMPARE(showPage(desktop().panel(), QStringLiteral("settings")), &page);
    auto* address = qobject_cast<QLineEdit*>(page.editor(Setting::ListenAddress));
    QVERIFY(address);
    const auto warningShown = [&page] {
        const QList<QLabel*> labels = page.findChildren<QLabel*>();
        return std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
            return label->isVisible() && label->text().startsWith(QStringLiteral("Beyond loopback"));
        });
    };
    QVERIFY(!warningShown());
    address->selectAll();
    QTest::keyClicks(address, QStringLiteral("0.0.0.0"));
    QVERIFY(warningShown());
    address->selectAll();
    QTest::keyClicks(address, QStringLiteral("::1"));
    QVERIFY(!warningShown());
}

void TestDesktop::ollamaTestButtonAsksTheTypedServer()
{
    FakeOllama ollama;
    QVERIFY(ollama.start());
    run({});
    SettingsPage& page = desktop().settingsPage();
    auto* host = qobject_cast<QLineEdit*>(page.editor(Setting::OllamaHost));
    auto* test = page.findChild<QPushButton*>(QStringLiteral("testOllama"));
    auto* result = page.findChild<QLabel*>(QStringLiteral("ollamaTestResult"));
    QVERIFY(host && test && result);

    host->selectAll();
    QTest::keyClicks(host, ollama.url());
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(result->text().endsWith(QStringLiteral(" answers at %1.").arg(ollama.url())),
                              qPrintable(result->text()),
                              kTimeoutMs);

    const QString closed = QStringLiteral("http://127.0.0.1:%1").arg(unusedPort());
    host->selectAll();
    QTest::keyClicks(host, closed);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("No answer from %1").arg(closed)),
                              qPrintable(result->text()),
                              kTimeoutMs);

    host->selectAll();
    QTest::keyClicks(host, QStringLiteral("ftp://nowhere"));
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY2(result->text().startsWith(QStringLiteral("Invalid OLLAMA_HOST \"ftp://nowhere\": expected")),
             qPrintable(result->text()));
    // Testing saves nothing.
    QVERIFY(!QSettings(m_app->settingsFile(), QSettings::IniFormat).contains(QStringLiteral("ollama/host")));
}

void TestDesktop::quitStopsTheGatewayFirst()
{
    run({});
    QSignalSpy stopped(&m_app->host(), &GatewayHost::stopped);
    QSignalSpy quitReady(&desktop(), &DesktopController::quitReady);
    QAction* quit = menuAction(*desktop().tray(), QStringLiteral("Quit LlamaGate"));
    QVERIFY(quit);
    quit->trigger();
    QVERIFY(quitReady.wait(kTimeoutMs));
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(desktop().status().state(), GatewayState::Stopped);
}

void TestDesktop::withoutATrayClosingThePanelQuits()
{
    run({}, false);
    QVERIFY(!desktop().tray());
    QVERIFY(desktop().panel().isVisible());
    QSignalSpy quitReady(&desktop(), &DesktopController::quitReady);
    desktop().panel().close();
    QVERIFY(quitReady.wait(kTimeoutMs));
}

void TestDesktop::withATrayClosingThePanelKeepsRunning()
{
    run({});
    QVERIFY(desktop().panel().isVisible());
    QSignalSpy quitReady(&desktop(), &DesktopController::quitReady);
    QSignalSpy stopped(&m_app->host(), &GatewayHost::stopped);
    desktop().panel().close();
    QVERIFY(!desktop().panel().isVisible());
    QCOMPARE(desktop().status().state(), GatewayState::Running);
    // Still serving: a request round trip proves the event loops ran without a stop or quit arriving.
    QVERIFY(httpGet(desktop().status().endpoint().chopped(3) + QStringLiteral("/health")) > 0);
    QCOMPARE(stopped.size(), 0);
    QCOMPARE(quitReady.size(), 0);
}

void TestDesktop::startedAtLoginGoesStraightToTheTray()
{
    run({}, true, true);
    QVERIFY(desktop().tray());
    QVERIFY(!desktop().panel().isVisible());
    QAction* open = menuAction(*desktop().tray(), QStringLiteral("Open Control Panel"));
    QVERIFY(open);
    open->trigger();
    QVERIFY(desktop().panel().isVisible());
}

void TestDesktop::keyboardReachesEveryPage()
{
    run({});
    ControlPanel& panel = desktop().panel();
    QApplication::setActiveWindow(&panel);
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    const QStringList pages = {QStringLiteral("overview"),
                               QStringLiteral("api-keys"),
                               QStringLiteral("mcp-servers"),
                               QStringLiteral("tool-policy"),
                               QStringLiteral("live-log"),
                               QStringLiteral("cache"),
                               QStringLiteral("settings")};
    int previous = -1;
    for (const QString& name : pages) { // every page is there, in this order
        QVERIFY2(showPage(panel, name), qPrintable(name));
        QVERIFY2(panel.currentPage() > previous, qPrintable(name));
        previous = panel.currentPage();
    }
    QVERIFY(panel.pageCount() <= 9);
    for (int index = panel.pageCount() - 1; index >= 0; --index) {
        QTest::keyClick(&panel, Qt::Key(Qt::Key_1 + index), Qt::ControlModifier);
        QCOMPARE(panel.currentPage(), index);
    }
    QTest::keyClick(&panel, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(panel.currentPage(), 1);
    // The page list moves with the arrow keys, and Tab goes on into the page.
    auto* list = panel.findChild<QWidget*>(QStringLiteral("pageList"));
    QVERIFY(list);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(panel.currentPage(), 0);
    QTest::keyClick(list, Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget());
    QVERIFY(panel.page(0)->isAncestorOf(QApplication::focusWidget()));
    // Ctrl+W closes the window; with a tray the gateway keeps running.
    QTest::keyClick(&panel, Qt::Key_W, Qt::ControlModifier);
    QVERIFY(!panel.isVisible());
    QCOMPARE(desktop().status().state(), GatewayState::Running);
}

void TestDesktop::launchAtLoginFromTheTrayMenu()
{
    run({});
    QAction* launch = menuAction(*desktop().tray(), QStringLiteral("Launch at Login"));
    QVERIFY(launch);
    QVERIFY(!launch->isChecked()); // off by default
    const QString entry = m_app->dir().filePath(QStringLiteral("autostart/llamagate.desktop"));
    launch->trigger();
    QVERIFY(launch->isChecked());
    QVERIFY(QFile::exists(entry));
    launch->trigger();
    QVERIFY(!launch->isChecked());
    QVERIFY(!QFile::exists(entry));
}

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
