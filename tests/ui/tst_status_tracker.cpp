#include "ui/StatusTracker.h"
#include "ui/Translations.h"

#include <QSignalSpy>
#include <QTest>

using namespace llamagate;

/// The GUI thread's picture of the gateway: endpoint URLs, health, summaries and Ollama's comings and goings.
class TestStatusTracker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void endpointFor_data();
    void endpointFor();
    void healthFollowsStateAndOllama();
    void startFailureIsKeptUntilTheNextStart();
    void reachabilityChangesAreReportedOnlyOnTransitions();
    void requestsAreCounted();
    void mcpServerInErrorDegrades();
    void mcpFailuresAndRecoveriesAreReportedOnce();
    void cacheIsKeptAsReported();
};

namespace {

McpServerSnapshot mcpServer(const QString& name, mcp::ServerState state, const QString& error = {})
{
    McpServerSnapshot server;
    server.status.name = name;
    server.status.state = state;
    server.status.lastError = error;
    return server;
}

} // namespace

void TestStatusTracker::initTestCase()
{
    QVERIFY(installTranslations(QLocale(QLocale::English, QLocale::UnitedStates))); // plural forms
}

void TestStatusTracker::endpointFor_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("endpoint");
    QTest::newRow("loopback") << "127.0.0.1"
                              << "http://127.0.0.1:8080/v1";
    QTest::newRow("any IPv4 shown as loopback") << "0.0.0.0"
                                                << "http://127.0.0.1:8080/v1";
    QTest::newRow("IPv6 in brackets") << "::1"
                                      << "http://[::1]:8080/v1";
    QTest::newRow("any IPv6 shown as loopback") << "::"
                                                << "http://[::1]:8080/v1";
    QTest::newRow("LAN address kept") << "192.168.1.20"
                                      << "http://192.168.1.20:8080/v1";
}

void TestStatusTracker::endpointFor()
{
    QFETCH(QString, address);
    QFETCH(QString, endpoint);
    QCOMPARE(StatusTracker::endpointFor(address, 8080), endpoint);
}

void TestStatusTracker::healthFollowsStateAndOllama()
{
    StatusTracker status;
    QSignalSpy changed(&status, &StatusTracker::changed);
    QCOMPARE(status.health(), Health::Stopped);
    status.setStarting(QStringLiteral("http://localhost:11434"));
    QCOMPARE(status.health(), Health::Stopped);
    QCOMPARE(status.summary(), QStringLiteral("Starting…"));
    status.setStarted(QStringLiteral("127.0.0.1"), 9000);
    QCOMPARE(status.health(), Health::Running); // Ollama not known yet: not reported as degraded
    QCOMPARE(status.endpoint(), QStringLiteral("http://127.0.0.1:9000/v1"));
    status.setOllamaStatus({OllamaStatus::State::Unreachable, QString(), QStringLiteral("Connection refused"), {}});
    QCOMPARE(status.health(), Health::Degraded);
    QCOMPARE(status.summary(), QStringLiteral("Degraded: Ollama is not reachable"));
    status.setOllamaStatus({OllamaStatus::State::Reachable, QStringLiteral("0.5.1"), QString(), {}});
    QCOMPARE(status.health(), Health::Running);
    status.setStopping();
    QCOMPARE(status.health(), Health::Stopped);
    status.setStopped();
    QCOMPARE(status.endpoint(), QString());
    QCOMPARE(status.summary(), QStringLiteral("Stopped"));
    QCOMPARE(changed.size(), 6); // one per call above
}

void TestStatusTracker::startFailureIsKeptUntilTheNextStart()
{
    StatusTracker status;
    status.setStarting(QStringLiteral("http://localhost:11434"));
    status.setStartFailed(QStringLiteral("The address is already in use"));
    QCOMPARE(status.state(), GatewayState::Stopped);
    QCOMPARE(status.summary(), QStringLiteral("Stopped: The address is already in use"));
    status.setStarting(QStringLiteral("http://localhost:11434"));
    QCOMPARE(status.startError(), QString());
}

void TestStatusTracker::reachabilityChangesAreReportedOnlyOnTransitions()
{
    StatusTracker status;
    QSignalSpy reachability(&status, &StatusTracker::ollamaReachabilityChanged);
    const OllamaStatus down{OllamaStatus::State::Unreachable, QString(), QStringLiteral("timeout"), {}};
    const OllamaStatus up{OllamaStatus::State::Reachable, QStringLiteral("0.5.1"), QString(), {}};
    status.setOllamaStatus(up); // the first answer is no news
    QCOMPARE(reachability.size(), 0);
    status.setOllamaStatus(down);
    status.setOllamaStatus(down);
    QCOMPARE(reachability.size(), 1);
    QCOMPARE(reachability.at(0).at(0).toBool(), false);
    status.setOllamaStatus(up);
    QCOMPARE(reachability.size(), 2);
    QCOMPARE(reachability.at(1).at(0).toBool(), true);
}

void TestStatusTracker::requestsAreCounted()
{
    StatusTracker status;
    for (int count = 0; count < 3; ++count)
        status.countRequest(RequestLogEntry());
    QCOMPARE(status.requestsServed(), 3);
    QCOMPARE(status.requestsPerMinute(), 3);
}

void TestStatusTracker::mcpServerInErrorDegrades()
{
    using mcp::ServerState;
    StatusTracker status;
    status.setStarting(QStringLiteral("http://localhost:11434"));
    status.setStarted(QStringLiteral("127.0.0.1"), 9000);
    status.setOllamaStatus({OllamaStatus::State::Reachable, QStringLiteral("0.5.1"), QString(), {}});
    QVERIFY(!status.mcpReported());
    status.setMcpServers({mcpServer(QStringLiteral("files"), ServerState::Ready),
                          mcpServer(QStringLiteral("web"), ServerState::Connecting)});
    QVERIFY(status.mcpReported());
    QCOMPARE(status.health(), Health::Running); // connecting for the first time is not a failure
    QCOMPARE(status.mcpServersReady(), 1);
    status.setMcpServers({mcpServer(QStringLiteral("files"), ServerState::Ready),
                          mcpServer(QStringLiteral("web"), ServerState::Error, QStringLiteral("exited with code 3"))});
    QCOMPARE(status.health(), Health::Degraded);
    QCOMPARE(status.summary(), QStringLiteral("Degraded: MCP server web is in error"));
    QCOMPARE(status.failingMcpServers(), QStringList{QStringLiteral("web")});
    QCOMPARE(status.mcpServerStatus(QStringLiteral("web")).lastError, QStringLiteral("exited with code 3"));
    // Being restarted after the failure still counts as down.
    status.setMcpServers({mcpServer(QStringLiteral("files"), ServerState::Error),
                          mcpServer(QStringLiteral("web"), ServerState::Connecting)});
    QCOMPARE(status.summary(), QStringLiteral("Degraded: MCP servers files, web are in error"));
    status.setOllamaStatus({OllamaStatus::State::Unreachable, QString(), QStringLiteral("refused"), {}});
    QCOMPARE(status.summary(),
             QStringLiteral("Degraded: Ollama is not reachable; MCP servers files, web are in error"));
    status.setOllamaStatus({OllamaStatus::State::Reachable, QStringLiteral("0.5.1"), QString(), {}});
    status.setMcpServers(
        {mcpServer(QStringLiteral("files"), ServerState::Ready), mcpServer(QStringLiteral("web"), ServerState::Ready)});
    QCOMPARE(status.health(), Health::Running);
    QCOMPARE(status.summary(), QStringLiteral("Running"));
    QCOMPARE(status.mcpServersReady(), 2);
    // A server in error that is removed from the configuration no longer degrades.
    status.setMcpServers({mcpServer(QStringLiteral("web"), ServerState::Error)});
    QCOMPARE(status.health(), Health::Degraded);
    status.setMcpServers({});
    QCOMPARE(status.health(), Health::Running);
    QCOMPARE(status.failingMcpServers(), QStringList());
}

void TestStatusTracker::mcpFailuresAndRecoveriesAreReportedOnce()
{
    using mcp::ServerState;
    StatusTracker status;
    QSignalSpy news(&status, &StatusTracker::mcpServerReachabilityChanged);
    const auto web = [](ServerState state) {
        return QList<McpServerSnapshot>{mcpServer(QStringLiteral("web"), state)};
    };
    status.setMcpServers(web(ServerState::Connecting));
    status.setMcpServers(web(ServerState::Ready));
    QCOMPARE(news.size(), 0); // coming up is no news
    status.setMcpServers(web(ServerState::Error));
    status.setMcpServers(web(ServerState::Connecting)); // restarted with backoff …
    status.setMcpServers(web(ServerState::Error));      // … and failing again: still the same failure
    QCOMPARE(news.size(), 1);
    QCOMPARE(news.at(0), (QList<QVariant>{QStringLiteral("web"), false}));
    status.setMcpServers(web(ServerState::Connecting));
    status.setMcpServers(web(ServerState::Ready));
    QCOMPARE(news.size(), 2);
    QCOMPARE(news.at(1), (QList<QVariant>{QStringLiteral("web"), true}));
    status.setMcpServers(web(ServerState::Error));
    status.setMcpServers(web(ServerState::Stopped)); // switched off: no recovery to tell
    status.setMcpServers(web(ServerState::Ready));
    QCOMPARE(news.size(), 3);
}

void TestStatusTracker::cacheIsKeptAsReported()
{
    StatusTracker status;
    QCOMPARE(status.cache().has_value(), false);
    QSignalSpy changed(&status, &StatusTracker::changed);
    CacheSnapshot cache;
    cache.enabled = true;
    cache.stats.hits = 3;
    cache.stats.misses = 1;
    status.setCache(cache);
    QCOMPARE(changed.size(), 1);
    QVERIFY(status.cache());
    QCOMPARE(status.cache()->stats.hitRatio(), 0.75);
}

QTEST_GUILESS_MAIN(TestStatusTracker)
#include "tst_status_tracker.moc"
