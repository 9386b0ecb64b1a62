#pragma once

#include "mcp/Client.h"
#include "mcp/ServerConfig.h"

#include <QProcess>
#include <QString>

#include <memory>

namespace mcptest {

/// Paths the build passes in: node, the pinned node_modules and this test folder.
QString nodeExecutable();
QString nodeModules();
QString everythingScript();
QString testDataDir();

/// A loopback port that was free a moment ago (bind to port 0, read it, release it).
int freePort();

/// A config for server-everything over the given mode: "stdio", "streamableHttp", "sse".
mcp::ServerConfig everythingStdioConfig(const QString& name);

/// A reference HTTP server started for one test (node <script> <args>, PORT=<free port>), killed on destruction.
class NodeHttpServer
{
public:
    NodeHttpServer(const QStringList& arguments, const QMap<QString, QString>& env = {});
    ~NodeHttpServer();

    /// Starts the process and waits until it says it listens; false (with a QWARN) on failure.
    bool start(int port = 0);
    void kill();
    int port() const { return m_port; }
    QString baseUrl() const;

private:
    QStringList m_arguments;
    QMap<QString, QString> m_env;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

/// Connects `client` and waits for ready(); false if it closed or timed out instead.
bool connectAndWait(mcp::Client& client, int timeoutMs = 20000);

} // namespace mcptest
