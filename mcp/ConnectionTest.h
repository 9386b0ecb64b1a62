#pragma once

#include "mcp/McpTypes.h"
#include "mcp/ServerConfig.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace mcp {

class Client;

/// A one-off check of a server configuration that need not be saved: connects, initializes, lists the tools and
/// disconnects again, all within a deadline, without blocking. For the "Test connection" button.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    /// What the test found: the server and its tools, or why it failed (with what a process wrote to stderr).
    struct Outcome
    {
        bool ok = false;
        QString serverName; ///< the server's own name and version, from initialize
        QList<ToolInfo> tools;
        QString error;
        QString stderrTail;
    };

    explicit ConnectionTest(QObject* parent = nullptr);
    ~ConnectionTest() override;

    /// Starts a test (ending one still running, unreported); finished() follows once.
    void start(const ServerConfig& config, std::chrono::milliseconds deadline);

signals:
    void finished(const mcp::ConnectionTest::Outcome& outcome);

private:
    void finish(Outcome outcome);
    void stopClient();

    QPointer<Client> m_client;
    QTimer m_deadline;
    std::chrono::milliseconds m_deadlineLength{0};
};

} // namespace mcp

Q_DECLARE_METATYPE(mcp::ConnectionTest::Outcome)
