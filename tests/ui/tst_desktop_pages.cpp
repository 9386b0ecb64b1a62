#include "DesktopHarness.h"
#include "ui/ControlPanel.h"
#include "ui/StatusTracker.h"
#include "ui/Translations.h"
#include "ui/TrayIcon.h"
#include "ui/pages/CachePage.h"
#include "ui/pages/ToolPolicyPreview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace llamagate;
using namespace llamagate::testing;

namespace {

QString json(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

const QJsonObject kChat{{QStringLiteral("model"), QStringLiteral("llama3.2:latest")},
                        {QStringLiteral("stream"), false},
                        {QStringLiteral("messages"),
                         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                {QStringLiteral("content"), QStringLiteral("Why is the sky blue?")}}}}};

/// A column of a tool's row in the preview, or "(none)" when the tool is not listed.
QString previewCell(const QTreeWidget* preview, const QString& server, const QString& tool, int column)
{
    for (int row = 0; row < preview->topLevelItemCount(); ++row) {
        const QTreeWidgetItem* serverItem = preview->topLevelItem(row);
        for (int child = 0; serverItem->text(0) == server && child < serverItem->childCount(); ++child) {
            if (serverItem->child(child)->text(0) == tool)
                return serverItem->child(child)->text(column);
        }
    }
    return QStringLiteral("(none)");
}

} // namespace

/// The Tool Policy, Cache and Overview pages and the MCP-driven degraded state, driven through the real windows
/// against a gateway started in-process, the fake Ollama and server-everything over stdio.
class TestDesktopPages : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void denyPatternChangesThePreviewAndTheOfferedTools();
    void patternsSetByTheEnvironmentAreReadOnly();
    void toolPolicyWithoutMcpSaysSo();
    void cachePageShowsAHitAndClears();
    void cacheIsAskedForOnlyWhileAPageShowsIt();
    void overviewShowsModelsCacheAndMcpServers();
    void failingMcpServerDegradesTheTrayUntilItRecovers();

private:
    void run(const QHash<QString, QString>& environment) { m_app->run(environment); }
    DesktopController& desktop() const { return m_app->desktop(); }
    /// The gateway's base URL (no /v1).
    QString base() const { return desktop().status().endpoint().chopped(3); }
    /// Whether GET /v1/mcp/servers/<server>/tools says the gateway offers this tool.
    bool offeredOverHttp(const QString& server, const QString& tool) const;

    std::unique_ptr<DesktopHarness> m_app;
};

void TestDesktopPages::initTestCase()
{
    QVERIFY(installTranslations(QLocale(QLocale::English, QLocale::UnitedStates))); // plural forms
}

void TestDesktopPages::init()
{
    m_app = std::make_unique<DesktopHarness>();
}

void TestDesktopPages::cleanup()
{
    m_app.reset();
}

bool TestDesktopPages::offeredOverHttp(const QString& server, const QString& tool) const
{
    const HttpReply reply = httpSend("GET", base() + QStringLiteral("/v1/mcp/servers/%1/tools").arg(server));
    for (const QJsonValue& entry : reply.json().value(QStringLiteral("tools")).toArray()) {
        if (entry.toObject().value(QStringLiteral("name")).toString() == tool)
            return entry.toObject().value(QStringLiteral("allowed")).toBool();
    }
    return false;
}

void TestDesktopPages::denyPatternChangesThePreviewAndTheOfferedTools()
{
    FakeOllama ollama;
    QVERIFY(ollama.start());
    QJsonObject everything = everythingServer(QStringLiteral("everything"));
    everything.insert(QStringLiteral("deny_tools"), QJsonArray{QStringLiteral("echo")}); // the server's own list
    run({{QStringLiteral("OLLAMA_HOST"), ollama.url()},
         {QStringLiteral("MCP_ENABLED"), QStringLiteral("true")},
         {QStringLiteral("MCP_SERVERS"), json({everything})}});
    QWidget* page = showPage(desktop().panel(), QStringLiteral("tool-policy"));
    QVERIFY(page);
    auto* preview = page->findChild<QTreeWidget*>(QStringLiteral("policyPreview"));
    auto* deny = page->findChild<QPlainTextEdit*>(QStringLiteral("MCP_DENY_TOOLS"));
    auto* apply = page->findChild<QPushButton*>(QStringLiteral("applyPolicy"));
    QVERIFY(preview && deny && apply);
    const auto offered = [preview](const QString& tool) {
        return previewCell(preview, QStringLiteral("everything"), tool, ToolPolicyPreview::Offered);
    };
    QTRY_COMPARE_WITH_TIMEOUT(offered(QStringLiteral("get-env")), QStringLiteral("Offered"), kTimeoutMs);
    QVERIFY(preview->isVisible());
    QVERIFY(!apply->isEnabled()); // nothing edited yet
    QCOMPARE(offered(QStringLiteral("echo")), QStringLiteral("Not offered"));
    QCOMPARE(previewCell(preview, QStringLiteral("everything"), QStringLiteral("echo"), ToolPolicyPreview::Rule),
             QStringLiteral("the server's deny pattern echo"));
    QVERIFY(!offeredOverHttp(QStringLiteral("everything"), QStringLiteral("echo"))); // as the gateway decides

    // Typing changes the preview at once; the gateway is unchanged until Apply.
    deny->setFocus();
    QTest::keyClicks(deny, QStringLiteral("mcp.*.get-env"));
    QCOMPARE(offered(QStringLiteral("get-env")), QStringLiteral("Not offered"));
    QCOMPARE(previewCell(preview, QStringLiteral("everything"), QStringLiteral("get-env"), ToolPolicyPreview::Rule),
             QStringLiteral("MCP_DENY_TOOLS pattern mcp.*.get-env"));
    QCOMPARE(offered(QStringLiteral("get-sum")), QStringLiteral("Offered"));
    QVERIFY(offeredOverHttp(QStringLiteral("everything"), QStringLiteral("get-env")));

    QSignalSpy started(&m_app->host(), &GatewayHost::started);
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(started.wait(kTimeoutMs));
    QCOMPARE(page->findChild<QLabel*>(QStringLiteral("policyMessage"))->text(),
             QStringLiteral("Tool policy saved and applied."));
    QCOMPARE(QSettings(m_app->settingsFile(), QSettings::IniFormat).value(QStringLiteral("mcp/denyTools")).toString(),
             QStringLiteral("mcp.*.get-env"));
    QTRY_VERIFY_WITH_TIMEOUT(!offeredOverHttp(QStringLiteral("everything"), QStringLiteral("get-env")), kTimeoutMs);
    QVERIFY(offeredOverHttp(QStringLiteral("everything"), QStringLiteral("get-sum")));
    QCOMPARE(offered(QStringLiteral("get-env")), QStringLiteral("Not offered")); // the saved patterns are shown

    // A chat request: the tools the gateway offered Ollama leave get-env out.
    QCOMPARE(httpSend("DELETE", ollama.url() + QStringLiteral("/_fake/requests")).status, 200);
    QCOMPARE(httpSend("POST", base() + QStringLiteral("/v1/chat/completions"), kChat).status, 200);
    QStringList offeredToOllama;
    const QJsonArray requests = QJsonDocument::fromJson(httpSend("GET", ollama.url() + "/_fake/requests").body).array();
    for (const QJsonValue& request : requests) {
        if (request.toObject().value(QStringLiteral("path")).toString() != u"/api/chat")
            continue;
        for (const QJsonValue& tool :
             request.toObject().value(QStringLiteral("body")).toObject().value("tools").toArray())
            offeredToOllama.append(tool.toObject().value("function").toObject().value("name").toString());
        break;
    }
    QVERIFY2(offeredToOllama.contains(QStringLiteral("everything__get-sum")), qPrintable(offeredToOllama.join(u' ')));
    QVERIFY2(!offeredToOllama.contains(QStringLiteral("everything__get-env")), qPrintable(offeredToOllama.join(u' ')));
}

void TestDesktopPages::patternsSetByTheEnvironmentAreReadOnly()
{
    run({{QStringLiteral("MCP_ALLOW_TOOLS"), QStringLiteral("mcp.files.*,mcp.*.echo")}});
    QWidget* page = showPage(desktop().panel(), QStringLiteral("tool-policy"));
    auto* allow = page->findChild<QPlainTextEdit*>(QStringLiteral("MCP_ALLOW_TOOLS"));
    auto* deny = page->findChild<QPlainTextEdit*>(QStringLiteral("MCP_DENY_TOOLS"));
    QVERIFY(allow && deny);
    QVERIFY(allow->isReadOnly());
    QCOMPARE(allow->toPlainText(), QStringLiteral("mcp.files.*\nmcp.*.echo")); // one pattern per line
    QVERIFY(!deny->isReadOnly());
    const QList<QLabel*> labels = page->findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
        return label->isVisible() &&
               label->text() == QStringLiteral("Set by the environment variable MCP_ALLOW_TOOLS; change it there.");
    }));
}

void TestDesktopPages::toolPolicyWithoutMcpSaysSo()
{
    run({});
    QWidget* page = showPage(desktop().panel(), QStringLiteral("tool-policy"));
    auto* empty = page->findChild<QLabel*>(QStringLiteral("policyEmpty"));
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().startsWith(QStringLiteral("MCP is switched off (MCP_ENABLED)")), qPrintable(empty->text()));
    QVERIFY(!page->findChild<QTreeWidget*>(QStringLiteral("policyPreview"))->isVisible());

    m_app.reset(); // MCP on, but no servers
    m_app = std::make_unique<DesktopHarness>();
    run({{QStringLiteral("MCP_ENABLED"), QStringLiteral("true")}});
    page = showPage(desktop().panel(), QStringLiteral("tool-policy"));
    empty = page->findChild<QLabel*>(QStringLiteral("policyEmpty"));
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().startsWith(QStringLiteral("No MCP servers are configured")), qPrintable(empty->text()));
}

void TestDesktopPages::cachePageShowsAHitAndClears()
{
    FakeOllama ollama;
    QVERIFY(ollama.start());
    run({{QStringLiteral("OLLAMA_HOST"), ollama.url()}});
    QWidget* page = showPage(desktop().panel(), QStringLiteral("cache"));
    QVERIFY(page);
    const auto value = [page](const char* name) { return page->findChild<QLabel*>(QLatin1String(name))->text(); };
    QTRY_COMPARE_WITH_TIMEOUT(value("cacheHits"), QStringLiteral("0"), kTimeoutMs);
    QCOMPARE(value("cacheHitRatio"), QStringLiteral("none yet"));
    auto* clear = page->findChild<QPushButton*>(QStringLiteral("clearCache"));
    QVERIFY(!clear->isEnabled()); // nothing to clear

    const QString chat = base() + QStringLiteral("/v1/chat/completions");
    QCOMPARE(httpSend("POST", chat, kChat).headers.value("x-cache"), QByteArray("MISS"));
    QCOMPARE(httpSend("POST", chat, kChat).headers.value("x-cache"), QByteArray("HIT"));
    QTRY_COMPARE_WITH_TIMEOUT(value("cacheHits"), QStringLiteral("1"), kTimeoutMs); // refreshed while shown
    QCOMPARE(value("cacheMisses"), QStringLiteral("1"));
    QCOMPARE(value("cacheHitRatio"), QStringLiteral("50 %"));
    QCOMPARE(value("cacheEntries"), QStringLiteral("1 of at most 1,000"));
    QVERIFY2(value("cacheBytes").endsWith(QStringLiteral(" of at most 64.0 MiB")), qPrintable(value("cacheBytes")));
    QCOMPARE(value("cacheState"), QStringLiteral("On, in memory until LlamaGate quits"));
    QCOMPARE(value("cacheTtl"), QStringLiteral("1h"));
    QVERIFY(clear->isEnabled());

    {
        MessageBoxAnswer cancel(QMessageBox::Cancel);
        QTest::mouseClick(clear, Qt::LeftButton);
    }
    QCOMPARE(httpSend("GET", base() + QStringLiteral("/v1/cache")).json().value("entries").toInt(), 1);
    {
        MessageBoxAnswer yes(QMessageBox::Yes);
        QTest::mouseClick(clear, Qt::LeftButton);
    }
    QTRY_COMPARE_WITH_TIMEOUT(value("cacheEntries"), QStringLiteral("0 of at most 1,000"), kTimeoutMs);
    QCOMPARE(httpSend("GET", base() + QStringLiteral("/v1/cache")).json().value("entries").toInt(), 0);
    QVERIFY(!clear->isEnabled());
}

void TestDesktopPages::cacheIsAskedForOnlyWhileAPageShowsIt()
{
    run({});
    ControlPanel& panel = desktop().panel();
    showPage(panel, QStringLiteral("api-keys"));
    QSignalSpy reports(&m_app->host(), &GatewayHost::cacheReported);
    QTest::qWait(300); // the reports asked for at the start (one when the gateway started) come in
    reports.clear();
    QTest::qWait(CachePage::kRefreshMs + 500);
    QCOMPARE(reports.size(), 0);
    showPage(panel, QStringLiteral("cache"));
    QVERIFY(reports.wait(kTimeoutMs));                   // at once when shown
    QVERIFY(reports.wait(CachePage::kRefreshMs + 1000)); // and again while shown
    panel.close();                                       // to the tray
    QTest::qWait(200);
    const qsizetype count = reports.size();
    QTest::qWait(CachePage::kRefreshMs + 500);
    QCOMPARE(reports.size(), count);
}

void TestDesktopPages::overviewShowsModelsCacheAndMcpServers()
{
    FakeOllama ollama;
    QVERIFY(ollama.start());
    run({{QStringLiteral("OLLAMA_HOST"), ollama.url()},
         {QStringLiteral("MCP_ENABLED"), QStringLiteral("true")},
         {QStringLiteral("MCP_SERVERS"), json({everythingServer(QStringLiteral("everything"))})}});
    QWidget* page = showPage(desktop().panel(), QStringLiteral("overview"));
    const auto value = [page](const char* name) { return page->findChild<QLabel*>(QLatin1String(name))->text(); };
    QTRY_COMPARE_WITH_TIMEOUT(
        value("overviewModels"), QStringLiteral("deepseek-r1:latest, llama3.2:latest"), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(value("overviewMcp"), QStringLiteral("1 of 1 ready"), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(value("overviewCache"), QStringLiteral("no lookups yet"), kTimeoutMs);

    // Tools are offered with this chat, and their answers are not cached: use a request without tools.
    QJsonObject chat = kChat;
    chat.insert(QStringLiteral("tool_choice"), QStringLiteral("none"));
    const QString url = base() + QStringLiteral("/v1/chat/completions");
    QCOMPARE(httpSend("POST", url, chat).status, 200);
    QCOMPARE(httpSend("POST", url, chat).status, 200);
    QTRY_VERIFY2_WITH_TIMEOUT(value("overviewCache").startsWith(QStringLiteral("50 % hit ratio")),
                              qPrintable(value("overviewCache")),
                              kTimeoutMs);
}

void TestDesktopPages::failingMcpServerDegradesTheTrayUntilItRecovers()
{
    FakeOllama ollama;
    QVERIFY(ollama.start());
    // "flaky" fails at its first start and works when it is restarted; "broken" never starts.
    const QString marker = m_app->dir().filePath(QStringLiteral("flaky-started-once"));
    const QJsonObject everything = everythingServer(QStringLiteral("flaky"));
    const QString script = everything.value(QStringLiteral("args")).toArray().at(0).toString();
    const QJsonObject flaky{
        {QStringLiteral("name"), QStringLiteral("flaky")},
        {QStringLiteral("command"), QStringLiteral("/bin/sh")},
        {QStringLiteral("args"),
         QJsonArray{QStringLiteral("-c"),
                    QStringLiteral("if [ -e '%1' ]; then exec '%2' '%3' stdio; fi; touch '%1'; exit 3")
                        .arg(marker, everything.value(QStringLiteral("command")).toString(), script)}}};
    const QJsonObject broken{{QStringLiteral("name"), QStringLiteral("broken")},
                             {QStringLiteral("command"), QStringLiteral("/bin/sh")},
                             {QStringLiteral("args"), QJsonArray{QStringLiteral("-c"), QStringLiteral("exit 3")}}};
    run({{QStringLiteral("OLLAMA_HOST"), ollama.url()},
         {QStringLiteral("MCP_ENABLED"), QStringLiteral("true")},
         {QStringLiteral("MCP_SERVERS"), json({flaky, broken})}});
    // Heard from here on: flaky's restart comes after a backoff of a second.
    QSignalSpy news(&desktop().status(), &StatusTracker::mcpServerReachabilityChanged);
    TrayIcon* tray = desktop().tray();
    QVERIFY(tray);
    QTRY_COMPARE_WITH_TIMEOUT(tray->shownHealth(), Health::Degraded, kTimeoutMs);
    QTRY_VERIFY2_WITH_TIMEOUT(desktop().status().mcpServerStatus(QStringLiteral("flaky")).state ==
                                  mcp::ServerState::Ready,
                              qPrintable(tray->toolTip()),
                              kTimeoutMs);
    QCOMPARE(desktop().status().ollama().state, OllamaStatus::State::Reachable); // the MCP server is the cause
    QVERIFY2(tray->toolTip().contains(QStringLiteral("Degraded: MCP server broken is in error")),
             qPrintable(tray->toolTip()));
    QCOMPARE(desktop().status().failingMcpServers(), QStringList{QStringLiteral("broken")});
    const auto told = [&news](const QString& name, bool ready) {
        return std::count_if(news.cbegin(), news.cend(), [&](const QList<QVariant>& signal) {
            return signal.at(0).toString() == name && signal.at(1).toBool() == ready;
        });
    };
    QCOMPARE(told(QStringLiteral("flaky"), true), 1); // the tray tells that it is back
    QCOMPARE(told(QStringLiteral("broken"), true), 0);
    QVERIFY(told(QStringLiteral("broken"), false) <= 1); // its restarts are no news: it has not been ready since
    auto* overview = showPage(desktop().panel(), QStringLiteral("overview"));
    QCOMPARE(overview->findChild<QLabel*>(QStringLiteral("overviewMcp"))->text(),
             QStringLiteral("1 of 2 ready; in error: broken"));
}

QTEST_MAIN(TestDesktopPages)
#include "tst_desktop_pages.moc"
