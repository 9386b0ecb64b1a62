#pragma once

#include "mcp/Client.h"
#include "mcp/ServerConfig.h"
#include "mcp/ToolRegistry.h"

#include <QDateTime>
#include <QObject>

#include <map>
#include <memory>
#include <optional>

namespace mcp {

enum class ServerState
{
    Stopped,
    Connecting,
    Ready,
    Error
};

/// How the calls of one tool went since the server's configuration was applied.
struct ToolCallCounts
{
    int calls = 0;
    int errors = 0;     ///< failed calls: timeouts, protocol errors, the server gone
    int toolErrors = 0; ///< calls the tool answered with isError
    qint64 totalMs = 0; ///< summed durations, for the mean
};

/// A snapshot of one configured server, for the control panel and the management API.
struct ServerStatus
{
    QString name;
    ServerState state = ServerState::Stopped;
    QString lastError;
    QString stderrTail;
    int toolCount = 0;
    int resourceCount = 0;
    int promptCount = 0;
    QDateTime connectedAt;                   ///< valid while Ready
    int restarts = 0;                        ///< automatic restarts since the config was applied
    QDateTime nextRetryAt;                   ///< valid while a restart is scheduled
    QMap<QString, ToolCallCounts> toolCalls; ///< by the server's own tool name
};

/// A tool call in progress, to cancel it: the server and the request id of the call (0 when it never started).
struct CallHandle
{
    QString server;
    qint64 requestId = 0;
};

/// Restart and health-check timing of a ServerManager, plus the options every client gets.
struct ServerManagerOptions
{
    ClientOptions client;
    std::chrono::milliseconds initialBackoff{1000};
    std::chrono::milliseconds maxBackoff{60000};
    std::chrono::milliseconds pingInterval{30000};
    std::chrono::milliseconds pingTimeout{10000};
};

/// Runs the configured MCP servers: connects them without blocking, publishes their status, restarts crashed
/// or hung ones with capped exponential backoff, pings ready ones, and keeps a ToolRegistry of the tools their
/// allow/deny lists let through.
class ServerManager : public QObject
{
    Q_OBJECT
public:
    explicit ServerManager(ServerManagerOptions options = {}, QObject* parent = nullptr);
    ~ServerManager() override;

    /// Applies a new set of servers: removed or changed ones stop, enabled ones (re)connect.
    void setServers(const QList<ServerConfig>& configs);
    /// Drops the current connection of `name` and connects again now.
    void restartServer(const QString& name);
    void stopAll();

    QList<ServerStatus> statuses() const;
    std::optional<ServerStatus> status(const QString& name) const;
    QStringList readyServers() const;
    /// The connected client of a ready server, or nullptr.
    Client* client(const QString& name) const;
    /// The tools of a ready server that its allow/deny lists let through.
    QList<ToolInfo> allowedTools(const QString& name) const;
    const ToolRegistry& toolRegistry() const { return m_registry; }

    /// Calls a tool by its model-facing name; the server's timeout applies unless `options` sets one.
    CallHandle callTool(const QString& exposedName,
                        const QJsonObject& arguments,
                        CallOptions options,
                        std::function<void(const ToolCallResult&)> done);

    /// Gives up on a call: the server is told (notifications/cancelled) and the call's callback gets an error.
    void cancelCall(const CallHandle& call, const QString& reason);

    /// Handles sampling/createMessage for every server (set before setServers()).
    void setSamplingHandler(ServerRequestHandler handler);

signals:
    void statusChanged(const mcp::ServerStatus& status);
    /// The set of offered tools changed (a server came, went or re-listed).
    void toolsChanged();

private:
    struct Server;

    void connectServer(Server& server);
    void onReady(Server& server);
    void onClosed(Server& server, const QString& error);
    void dropClient(Server& server);
    void scheduleRestart(Server& server);
    void ping(Server& server);
    void updateCounts(Server& server);
    void publish(Server& server);
    void rebuildRegistry();
    Server* find(const QString& name) const;

    ServerManagerOptions m_options;
    std::map<QString, std::unique_ptr<Server>> m_servers;
    ToolRegistry m_registry;
    ServerRequestHandler m_samplingHandler;
};

} // namespace mcp

Q_DECLARE_METATYPE(mcp::ServerStatus)
