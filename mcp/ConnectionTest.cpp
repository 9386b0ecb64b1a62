#include "mcp/ConnectionTest.h"

#include "mcp/Client.h"
#include "mcp/transport/TransportFactory.h"

#include <QJsonObject>

namespace mcp {

ConnectionTest::ConnectionTest(QObject* parent) : QObject(parent)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        Outcome outcome;
        outcome.error = QStringLiteral("no answer within %1 s").arg(double(m_deadlineLength.count()) / 1000);
        outcome.stderrTail = m_client ? m_client->transport()->stderrTail() : QString();
        finish(outcome);
    });
}

ConnectionTest::~ConnectionTest() = default;

void ConnectionTest::start(const ServerConfig& config, std::chrono::milliseconds deadline)
{
    stopClient();
    ClientOptions options;
    options.initializeTimeout = deadline;
    options.requestTimeout = deadline;
    m_client = new Client(createTransport(config), options, this);
    m_deadlineLength = deadline;
    connect(m_client, &Client::ready, this, [this] {
        Outcome outcome;
        outcome.ok = true;
        const QJsonObject info = m_client->serverInfo();
        outcome.serverName =
            QStringLiteral("%1 %2")
                .arg(info.value(QStringLiteral("name")).toString(), info.value(QStringLiteral("version")).toString())
                .trimmed();
        outcome.tools = m_client->tools();
        outcome.stderrTail = m_client->transport()->stderrTail();
        finish(outcome);
    });
    connect(m_client, &Client::closed, this, [this](const QString& error) {
        Outcome outcome;
        outcome.error = error.isEmpty() ? QStringLiteral("the connection closed") : error;
        outcome.stderrTail = m_client->transport()->stderrTail();
        finish(outcome);
    });
    m_deadline.start(deadline);
    m_client->connectToServer();
}

void ConnectionTest::finish(Outcome outcome)
{
    stopClient();
    emit finished(outcome);
}

void ConnectionTest::stopClient()
{
    m_deadline.stop();
    if (!m_client)
        return;
    Client* client = m_client;
    m_client.clear();
    client->disconnect(this);
    // The client may be emitting the signal that brought us here; it closes its transport and goes afterwards.
    connect(client, &Client::closed, client, &QObject::deleteLater);
    if (client->state() == Client::State::Closed)
        client->deleteLater();
    else
        client->close();
}

} // namespace mcp
