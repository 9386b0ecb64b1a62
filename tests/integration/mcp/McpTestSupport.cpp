#include "McpTestSupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace mcptest {

QString nodeExecutable()
{
    return QStringLiteral(MCPTEST_NODE_EXECUTABLE);
}

QString nodeModules()
{
    return QStringLiteral(MCPTEST_NODE_MODULES);
}

QString everythingScript()
{
    return nodeModules() + QStringLiteral("/@modelcontextprotocol/server-everything/dist/index.js");
}

QString testDataDir()
{
    return QStringLiteral(MCPTEST_SOURCE_DIR);
}

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

mcp::ServerConfig everythingStdioConfig(const QString& name)
{
    mcp::ServerConfig config;
    config.name = name;
    config.transport = mcp::TransportKind::Stdio;
    config.command = nodeExecutable();
    config.args = {everythingScript(), QStringLiteral("stdio")};
    return config;
}

NodeHttpServer::NodeHttpServer(const QStringList& arguments, const QMap<QString, QString>& env)
    : m_arguments(arguments), m_env(env)
{
}

NodeHttpServer::~NodeHttpServer()
{
    kill();
}

bool NodeHttpServer::start(int port)
{
    m_port = port > 0 ? port : freePort();
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PORT"), QString::number(m_port));
    for (auto it = m_env.cbegin(); it != m_env.cend(); ++it)
        environment.insert(it.key(), it.value());
    m_process->setProcessEnvironment(environment);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // Keep draining the output so a chatty server never blocks on a full pipe.
    auto output = std::make_shared<QByteArray>();
    QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(), [process = m_process.get(), output] {
        output->append(process->readAll());
        if (output->size() > 65536)
            output->remove(0, output->size() - 65536);
    });
    m_process->start(nodeExecutable(), m_arguments);
    const QByteArray portText = " " + QByteArray::number(m_port);
    const bool listening = QTest::qWaitFor(
        [&] { return output->contains(portText) || m_process->state() == QProcess::NotRunning; }, 15000);
    if (!listening || m_process->state() != QProcess::Running || output->contains("already in use")) {
        qWarning("server did not start: %s", output->constData());
        return false;
    }
    return true;
}

void NodeHttpServer::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
}

QString NodeHttpServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

bool connectAndWait(mcp::Client& client, int timeoutMs)
{
    QSignalSpy ready(&client, &mcp::Client::ready);
    QSignalSpy closed(&client, &mcp::Client::closed);
    client.connectToServer();
    const bool settled = QTest::qWaitFor([&] { return !ready.isEmpty() || !closed.isEmpty(); }, timeoutMs);
    if (!settled)
        qWarning("client neither became ready nor closed in %d ms", timeoutMs);
    if (ready.isEmpty())
        qWarning("client did not become ready: %s", qPrintable(client.lastError()));
    return !ready.isEmpty();
}

} // namespace mcptest
