#include "gateway/Gateway.h"
#include "gateway/config/ConfigLoader.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace llamagate;

/// New settings applied to a running gateway: nothing in flight is dropped, and a new port rebinds.
class TestGatewayReapply : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void sameAddressKeepsRequestsInFlight();
    void newPortRebindsAndTheOldServerFinishesItsRequests();

private:
    GatewayConfig config(quint16 port, const QString& timeout) const;
    /// Sends GET /v1/models on a new connection and waits until the upstream has the request.
    void startPendingRequest(QTcpSocket& client, quint16 port);
    /// The upstream answers the request it is holding.
    void answerUpstream();
    static QByteArray readAll(QTcpSocket& client);

    QTcpServer m_upstream;
    QTcpSocket* m_upstreamConnection = nullptr;
};

void TestGatewayReapply::initTestCase()
{
    connect(&m_upstream, &QTcpServer::newConnection, this, [this] {
        m_upstreamConnection = m_upstream.nextPendingConnection();
    });
}

void TestGatewayReapply::init()
{
    m_upstream.close();
    QVERIFY(m_upstream.listen(QHostAddress::LocalHost, 0));
    m_upstreamConnection = nullptr;
}

GatewayConfig TestGatewayReapply::config(quint16 port, const QString& timeout) const
{
    ConfigInputs inputs;
    inputs.environment = {
        {QStringLiteral("PORT"), QString::number(port)},
        {QStringLiteral("OLLAMA_HOST"), QStringLiteral("http://127.0.0.1:%1").arg(m_upstream.serverPort())},
        {QStringLiteral("TIMEOUT"), timeout},
        {QStringLiteral("CACHE_ENABLED"), QStringLiteral("false")}};
    const ConfigResult result = ConfigLoader::load(inputs);
    Q_ASSERT(result.config);
    return *result.config;
}

void TestGatewayReapply::startPendingRequest(QTcpSocket& client, quint16 port)
{
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(3000));
    client.write("GET /v1/models HTTP/1.1\r\nHost: t\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(m_upstreamConnection && m_upstreamConnection->bytesAvailable() > 0, 5000);
}

void TestGatewayReapply::answerUpstream()
{
    QVERIFY(m_upstreamConnection);
    m_upstreamConnection->readAll();
    m_upstreamConnection->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n"
                                "{\"models\":[]}");
}

QByteArray TestGatewayReapply::readAll(QTcpSocket& client)
{
    QByteArray data;
    QElapsedTimer clock;
    clock.start();
    while (!data.contains("\"data\":[]") && clock.elapsed() < 5000) {
        QTest::qWait(10);
        data += client.readAll();
    }
    return data;
}

void TestGatewayReapply::sameAddressKeepsRequestsInFlight()
{
    Gateway gateway;
    QSignalSpy started(&gateway, &Gateway::started);
    gateway.start(config(0, QStringLiteral("30s")));
    QCOMPARE(started.count(), 1);
    const quint16 port = started.at(0).at(1).value<quint16>();

    QTcpSocket client;
    startPendingRequest(client, port);
    gateway.start(config(0, QStringLiteral("1m"))); // new settings, same address and port
    QCOMPARE(started.count(), 2);
    QCOMPARE(started.at(1).at(1).value<quint16>(), port);

    answerUpstream();
    const QByteArray response = readAll(client);
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK"), response.constData());
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
}

void TestGatewayReapply::newPortRebindsAndTheOldServerFinishesItsRequests()
{
    Gateway gateway;
    QSignalSpy started(&gateway, &Gateway::started);
    gateway.start(config(0, QStringLiteral("30s")));
    const quint16 oldPort = started.at(0).at(1).value<quint16>();

    QTcpSocket client;
    startPendingRequest(client, oldPort);

    QTcpServer probe; // a free port for the new address
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 newPort = probe.serverPort();
    probe.close();
    gateway.start(config(newPort, QStringLiteral("30s")));
    QCOMPARE(started.count(), 2);
    QCOMPARE(started.at(1).at(1).value<quint16>(), newPort);

    QTcpSocket late;
    late.connectToHost(QHostAddress::LocalHost, oldPort);
    QVERIFY2(!late.waitForConnected(1000), "the old port no longer accepts");

    answerUpstream();
    const QByteArray response = readAll(client);
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK"), response.constData());

    QTcpSocket fresh;
    fresh.connectToHost(QHostAddress::LocalHost, newPort);
    QVERIFY(fresh.waitForConnected(3000));
    fresh.write("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(fresh.bytesAvailable() > 0, 3000);
    QVERIFY(fresh.readAll().startsWith("HTTP/1.1 200 OK"));
}

QTEST_GUILESS_MAIN(TestGatewayReapply)
#include "tst_gateway_reapply.moc"
