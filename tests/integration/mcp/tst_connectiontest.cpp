#include "McpTestSupport.h"
#include "mcp/ConnectionTest.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

/// ConnectionTest: a good draft lists its tools, a failing one says why with its stderr, a silent one hits the
/// deadline, and nothing is reported twice.
class TestConnectionTest : public QObject
{
    Q_OBJECT
private slots:
    void goodServerListsItsTools();
    void processThatExitsReportsItsStderr();
    void silentServerHitsTheDeadline();
    void unreachableUrlIsAnError();

private:
    static mcp::ConnectionTest::Outcome run(const mcp::ServerConfig& config, std::chrono::milliseconds deadline);
};

mcp::ConnectionTest::Outcome TestConnectionTest::run(const mcp::ServerConfig& config,
                                                     std::chrono::milliseconds deadline)
{
    mcp::ConnectionTest test;
    QSignalSpy finished(&test, &mcp::ConnectionTest::finished);
    test.start(config, deadline);
    if (!finished.wait(20000))
        return {false, {}, {}, QStringLiteral("the test never finished"), {}};
    QTest::qWait(200); // one report only, even after the client has closed
    if (finished.size() != 1)
        return {false, {}, {}, QStringLiteral("reported %1 times").arg(finished.size()), {}};
    return finished.constFirst().constFirst().value<mcp::ConnectionTest::Outcome>();
}

void TestConnectionTest::goodServerListsItsTools()
{
    const mcp::ConnectionTest::Outcome outcome = run(mcptest::everythingStdioConfig(QStringLiteral("everything")), 20s);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(outcome.error.isEmpty());
    QVERIFY2(!outcome.serverName.isEmpty(), "the server's name from initialize");
    QStringList names;
    for (const mcp::ToolInfo& tool : outcome.tools)
        names.append(tool.name);
    QVERIFY2(names.contains(QStringLiteral("echo")) && names.contains(QStringLiteral("get-sum")),
             qPrintable(names.join(u',')));
}

void TestConnectionTest::processThatExitsReportsItsStderr()
{
    mcp::ServerConfig config;
    config.name = QStringLiteral("broken");
    config.command = QStringLiteral("sh");
    config.args = {QStringLiteral("-c"), QStringLiteral("echo 'Error: Cannot find module left-pad' >&2; exit 3")};
    const mcp::ConnectionTest::Outcome outcome = run(config, 10s);
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.error.isEmpty());
    QVERIFY2(outcome.stderrTail.contains(QStringLiteral("Cannot find module left-pad")),
             qPrintable(outcome.stderrTail));
    QVERIFY(outcome.tools.isEmpty());
}

void TestConnectionTest::silentServerHitsTheDeadline()
{
    mcp::ServerConfig config;
    config.name = QStringLiteral("silent");
    config.command = QStringLiteral("sh");
    config.args = {QStringLiteral("-c"), QStringLiteral("echo starting >&2; sleep 30")};
    QElapsedTimer clock;
    clock.start();
    const mcp::ConnectionTest::Outcome outcome = run(config, 500ms);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.startsWith(QStringLiteral("no answer within 0.5 s")), qPrintable(outcome.error));
    QVERIFY2(outcome.stderrTail.contains(QStringLiteral("starting")), qPrintable(outcome.stderrTail));
    QVERIFY(clock.elapsed() < 10000);
}

void TestConnectionTest::unreachableUrlIsAnError()
{
    mcp::ServerConfig config;
    config.name = QStringLiteral("nowhere");
    config.transport = mcp::TransportKind::StreamableHttp;
    config.url = QStringLiteral("http://127.0.0.1:%1/mcp").arg(mcptest::freePort());
    const mcp::ConnectionTest::Outcome outcome = run(config, 10s);
    QVERIFY(!outcome.ok);
    QVERIFY2(!outcome.error.isEmpty() && !outcome.error.startsWith(QStringLiteral("no answer")),
             qPrintable(outcome.error));
}

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "tst_connectiontest.moc"
