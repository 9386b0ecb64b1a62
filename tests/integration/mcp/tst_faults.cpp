// Faults, driven through the ServerManager and the Client against the real reference servers: a stdio server
// killed mid-call, a hung one, an HTTP server restarted under a live session, a command that does not exist,
// one that dies at once, one that prints garbage on stdout and one that never answers initialize.
#include "McpTestSupport.h"

#include "mcp/ServerManager.h"
#include "mcp/transport/StdioTransport.h"
#include "mcp/transport/StreamableHttpTransport.h"
#include "mcp/transport/TransportFactory.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace mcp;
using namespace std::chrono_literals;

namespace {

ServerManagerOptions fastOptions()
{
    ServerManagerOptions options;
    options.initialBackoff = 200ms;
    options.maxBackoff = 1000ms;
    options.client.initializeTimeout = 15s;
    return options;
}

bool waitForState(ServerManager& manager, const QString& name, ServerState state, int timeoutMs = 20000)
{
    return QTest::qWaitFor([&] { return manager.status(name) && manager.status(name)->state == state; }, timeoutMs);
}

qint64 stdioPid(ServerManager& manager, const QString& name)
{
    Client* client = manager.client(name);
    auto* stdio = client ? qobject_cast<StdioTransport*>(client->transport()) : nullptr;
    return stdio ? stdio->processId() : 0;
}

ServerConfig shellServer(const QString& name, const QString& script)
{
    ServerConfig config;
    config.name = name;
    config.command = QStringLiteral("/bin/sh");
    config.args = {QStringLiteral("-c"), script};
    return config;
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private slots:
    void killedMidCallComesBack();
    void hungServerIsNoticedByPing();
    void httpServerRestartReinitializesTheSession();
    void serverThatCannotStart_data();
    void serverThatCannotStart();
    void garbageOnStdoutIsSkipped();
    void serverThatNeverAnswersInitialize();
};

void TestFaults::killedMidCallComesBack()
{
    ServerManager manager(fastOptions());
    QSignalSpy statuses(&manager, &ServerManager::statusChanged);
    manager.setServers({mcptest::everythingStdioConfig(QStringLiteral("ev"))});
    QCOMPARE(manager.status(QStringLiteral("ev"))->state, ServerState::Connecting); // returned without blocking
    QVERIFY(waitForState(manager, QStringLiteral("ev"), ServerState::Ready));
    const QString echo = manager.toolRegistry().exposedName(QStringLiteral("ev"), QStringLiteral("echo"));
    QCOMPARE(echo, QStringLiteral("ev__echo"));
    const qint64 pid = stdioPid(manager, QStringLiteral("ev"));
    QVERIFY(pid > 0);

    std::optional<ToolCallResult> result;
    int progress = 0;
    CallOptions options;
    options.onProgress = [&](const Progress&) {
        if (++progress == 1)
            ::kill(pid_t(pid), SIGKILL); // dies while the call is running
    };
    manager.callTool(QStringLiteral("ev__trigger-long-running-operation"),
                     {{QStringLiteral("duration"), 20}, {QStringLiteral("steps"), 40}},
                     options,
                     [&](const ToolCallResult& r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY(result->error.has_value());
    QCOMPARE(result->error->code, rpc::ConnectionClosed);
    QVERIFY2(result->error->message.contains(QStringLiteral("crashed")), qPrintable(result->error->message));

    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const QList<QVariant>& args : statuses)
                if (args.first().value<ServerStatus>().state == ServerState::Error)
                    return true;
            return false;
        },
        5000));
    QVERIFY(waitForState(manager, QStringLiteral("ev"), ServerState::Ready));
    QCOMPARE(manager.status(QStringLiteral("ev"))->restarts, 1);
    QVERIFY(stdioPid(manager, QStringLiteral("ev")) != pid);

    std::optional<ToolCallResult> again;
    manager.callTool(
        echo, {{QStringLiteral("message"), QStringLiteral("back")}}, {}, [&](const ToolCallResult& r) { again = r; });
    QTRY_VERIFY_WITH_TIMEOUT(again.has_value(), 10000);
    QVERIFY2(again->ok(), qPrintable(again->text()));
    QCOMPARE(again->text(), QStringLiteral("Echo: back"));
}

void TestFaults::hungServerIsNoticedByPing()
{
    ServerManagerOptions options = fastOptions();
    options.pingInterval = 300ms;
    options.pingTimeout = 300ms;
    ServerManager manager(options);
    manager.setServers({mcptest::everythingStdioConfig(QStringLiteral("ev"))});
    QVERIFY(waitForState(manager, QStringLiteral("ev"), ServerState::Ready));
    const qint64 pid = stdioPid(manager, QStringLiteral("ev"));
    QVERIFY(pid > 0);
    ::kill(pid_t(pid), SIGSTOP); // alive but answering nothing

    QVERIFY(waitForState(manager, QStringLiteral("ev"), ServerState::Error, 5000));
    QVERIFY2(manager.status(QStringLiteral("ev"))->lastError.contains(QStringLiteral("ping")),
             qPrintable(manager.status(QStringLiteral("ev"))->lastError));
    QVERIFY(waitForState(manager, QStringLiteral("ev"), ServerState::Ready));
    QVERIFY(stdioPid(manager, QStringLiteral("ev")) != pid);
    QVERIFY(!manager.toolRegistry().exposedNames().isEmpty());
}

void TestFaults::httpServerRestartReinitializesTheSession()
{
    auto server = std::make_unique<mcptest::NodeHttpServer>(
        QStringList{mcptest::everythingScript(), QStringLiteral("streamableHttp")});
    QVERIFY(server->start());
    const int port = server->port();
    ServerConfig config;
    config.name = QStringLiteral("http");
    config.transport = TransportKind::StreamableHttp;
    config.url = server->baseUrl() + QStringLiteral("/mcp");
    Client client(createTransport(config));
    client.setObjectName(config.name);
    QSignalSpy toolsChanged(&client, &Client::toolsChanged);
    QVERIFY(mcptest::connectAndWait(client));
    // server-everything announces list changes right after initialization; let the re-list finish first.
    QVERIFY(!toolsChanged.isEmpty() || toolsChanged.wait(5000));
    auto* transport = qobject_cast<StreamableHttpTransport*>(client.transport());
    const QString firstSession = transport->sessionId();
    QVERIFY(!firstSession.isEmpty());

    server->kill();
    server = std::make_unique<mcptest::NodeHttpServer>(
        QStringList{mcptest::everythingScript(), QStringLiteral("streamableHttp")});
    QVERIFY(server->start(port));

    std::optional<ToolCallResult> result;
    client.callTool(QStringLiteral("echo"),
                    {{QStringLiteral("message"), QStringLiteral("again")}},
                    {},
                    [&](const ToolCallResult& r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
    QVERIFY2(result->ok(), qPrintable(result->text()));
    QCOMPARE(result->text(), QStringLiteral("Echo: again"));
    QCOMPARE(client.state(), Client::State::Ready);
    QVERIFY(!transport->sessionId().isEmpty());
    QVERIFY(transport->sessionId() != firstSession);
}

void TestFaults::serverThatCannotStart_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expectedInError");
    QTest::newRow("command does not exist")
        << QStringLiteral("/nonexistent/mcp-server-xyz") << QStringList()
        << QStringList{QStringLiteral("could not start"), QStringLiteral("/nonexistent/mcp-server-xyz")};
    QTest::newRow("exits at once with an error")
        << QStringLiteral("/bin/sh")
        << QStringList{QStringLiteral("-c"), QStringLiteral("echo 'npx: not found' >&2; exit 127")}
        << QStringList{QStringLiteral("exited with code 127"), QStringLiteral("npx: not found")};
}

void TestFaults::serverThatCannotStart()
{
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    QFETCH(QStringList, expectedInError);
    ServerManager manager(fastOptions());
    ServerConfig config;
    config.name = QStringLiteral("broken");
    config.command = command;
    config.args = args;
    manager.setServers({config});
    QVERIFY(waitForState(manager, QStringLiteral("broken"), ServerState::Error));
    const ServerStatus status = *manager.status(QStringLiteral("broken"));
    for (const QString& expected : expectedInError)
        QVERIFY2(status.lastError.contains(expected), qPrintable(status.lastError));
    QVERIFY(status.nextRetryAt.isValid()); // it will be tried again, later each time
    QVERIFY(manager.toolRegistry().exposedNames().isEmpty());
    // The retries back off: after the second failure the next delay is longer than the first.
    QVERIFY(QTest::qWaitFor([&] { return manager.status(QStringLiteral("broken"))->restarts >= 3; }, 10000));
}

void TestFaults::garbageOnStdoutIsSkipped()
{
    ServerManager manager(fastOptions());
    manager.setServers({shellServer(QStringLiteral("noisy"),
                                    QStringLiteral("echo 'Server starting... {not json'; exec '%1' '%2' stdio")
                                        .arg(mcptest::nodeExecutable(), mcptest::everythingScript()))});
    QVERIFY(waitForState(manager, QStringLiteral("noisy"), ServerState::Ready));
    QVERIFY2(manager.status(QStringLiteral("noisy"))->stderrTail.contains(QStringLiteral("not JSON")),
             qPrintable(manager.status(QStringLiteral("noisy"))->stderrTail));
    std::optional<ToolCallResult> result;
    manager.callTool(QStringLiteral("noisy__echo"),
                     {{QStringLiteral("message"), QStringLiteral("ok")}},
                     {},
                     [&](const ToolCallResult& r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QCOMPARE(result->text(), QStringLiteral("Echo: ok"));
}

void TestFaults::serverThatNeverAnswersInitialize()
{
    ServerManagerOptions options = fastOptions();
    options.client.initializeTimeout = 500ms;
    ServerManager manager(options);
    manager.setServers(
        {shellServer(QStringLiteral("mute"), QStringLiteral("echo 'listening, or so it says' >&2; exec sleep 60"))});
    QVERIFY(waitForState(manager, QStringLiteral("mute"), ServerState::Error, 10000));
    const ServerStatus status = *manager.status(QStringLiteral("mute"));
    QVERIFY2(status.lastError.contains(QStringLiteral("initialize")), qPrintable(status.lastError));
    QVERIFY2(status.lastError.contains(QStringLiteral("timed out")), qPrintable(status.lastError));
    QVERIFY2(status.lastError.contains(QStringLiteral("or so it says")), qPrintable(status.lastError));
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
