#include "ui/StatusTracker.h"

#include <QSignalSpy>
#include <QTest>

using namespace llamagate;

/// The GUI thread's picture of the gateway: endpoint URLs, health, summaries and Ollama's comings and goings.
class TestStatusTracker : public QObject
{
    Q_OBJECT
private slots:
    void endpointFor_data();
    void endpointFor();
    void healthFollowsStateAndOllama();
    void startFailureIsKeptUntilTheNextStart();
    void reachabilityChangesAreReportedOnlyOnTransitions();
    void requestsAreCounted();
};

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
    status.setOllamaStatus({OllamaStatus::State::Unreachable, QString(), QStringLiteral("Connection refused")});
    QCOMPARE(status.health(), Health::Degraded);
    QCOMPARE(status.summary(), QStringLiteral("Degraded: Ollama is not reachable"));
    status.setOllamaStatus({OllamaStatus::State::Reachable, QStringLiteral("0.5.1"), QString()});
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
    const OllamaStatus down{OllamaStatus::State::Unreachable, QString(), QStringLiteral("timeout")};
    const OllamaStatus up{OllamaStatus::State::Reachable, QStringLiteral("0.5.1"), QString()};
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

QTEST_GUILESS_MAIN(TestStatusTracker)
#include "tst_status_tracker.moc"
