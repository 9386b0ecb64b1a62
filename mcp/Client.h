#pragma once

#include "mcp/McpTypes.h"
#include "mcp/jsonrpc/JsonRpcSession.h"
#include "mcp/transport/Transport.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <memory>

class QTimer;

namespace mcp {

/// How a Client introduces itself and the deadlines it uses when the caller gives none.
struct ClientOptions
{
    QString clientName;    ///< empty: QCoreApplication::applicationName(), else "LlamaGate"
    QString clientVersion; ///< empty: QCoreApplication::applicationVersion(), else the build version
    std::chrono::milliseconds initializeTimeout{30000};
    std::chrono::milliseconds requestTimeout{30000};
    std::chrono::milliseconds listChangedDebounce{200};
};

/// A filesystem root offered to servers through roots/list.
struct Root
{
    QString uri;
    QString name;
};

/// Per-call options: a deadline (zero means the client's default) and a progress sink.
struct CallOptions
{
    std::chrono::milliseconds timeout{0};
    std::function<void(const Progress&)> onProgress;
};

/// Answers one request the server sent us (sampling, elicitation); must call `reply` exactly once.
using ServerRequestHandler =
    std::function<void(const QJsonObject& params, std::function<void(const RpcOutcome&)> reply)>;

/// An MCP client session with one server over one transport: the initialize handshake and version check,
/// requests with timeouts and cancellation, server requests, paged lists kept up to date, and the MCP calls.
class Client : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Connecting,
        Ready,
        Closed
    };
    Q_ENUM(State)

    explicit Client(std::unique_ptr<Transport> transport, ClientOptions options = {}, QObject* parent = nullptr);
    ~Client() override;

    /// Offer roots (declares the `roots` capability); call before connectToServer().
    void setRoots(const QList<Root>& roots);
    /// Handle sampling/createMessage (declares `sampling`); without one the request gets -32601.
    void setSamplingHandler(ServerRequestHandler handler);
    /// Handle elicitation/create, declaring `capability` under `elicitation`; without one requests are declined.
    void setElicitationHandler(ServerRequestHandler handler, const QJsonObject& capability);

    /// Opens the transport, initializes and lists everything; emits ready() or closed(error).
    void connectToServer();
    /// Ends the session (pending requests fail); emits closed("") once the transport is down.
    void close();

    State state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    QString protocolVersion() const { return m_protocolVersion; }
    QJsonObject serverInfo() const { return m_serverInfo; }
    QJsonObject serverCapabilities() const { return m_serverCapabilities; }
    QString instructions() const { return m_instructions; }
    Transport* transport() const { return m_transport.get(); }

    QList<ToolInfo> tools() const { return m_tools; }
    QList<ResourceInfo> resources() const { return m_resources; }
    QList<ResourceTemplateInfo> resourceTemplates() const { return m_resourceTemplates; }
    QList<PromptInfo> prompts() const { return m_prompts; }

    /// Requests sent and not answered yet (tool calls, lists, pings).
    int pendingRequests() const;
    /// Calls a tool; returns the request id (for cancel()).
    qint64 callTool(const QString& name,
                    const QJsonObject& arguments,
                    const CallOptions& options,
                    std::function<void(const ToolCallResult&)> done);
    void readResource(const QString& uri,
                      std::function<void(const ReadResourceResult&)> done,
                      std::chrono::milliseconds timeout = {});
    void getPrompt(const QString& name,
                   const QJsonObject& arguments,
                   std::function<void(const PromptResult&)> done,
                   std::chrono::milliseconds timeout = {});
    void ping(std::chrono::milliseconds timeout, RpcCallback done);
    /// Re-lists tools, resources, templates and prompts; `done` runs when all lists are back.
    void refresh(std::function<void()> done = {});
    /// Any request; the building block of the calls above.
    qint64 request(const QString& method, const QJsonObject& params, RequestOptions options, RpcCallback done);
    /// Gives up on a request: the server gets notifications/cancelled, the caller an error.
    void cancel(qint64 requestId, const QString& reason);

signals:
    void stateChanged(mcp::Client::State state);
    void ready();
    /// The session ended; `error` is empty after close().
    void closed(const QString& error);
    void toolsChanged();
    void resourcesChanged();
    void promptsChanged();
    void resourceUpdated(const QString& uri);
    void logMessage(const QString& level, const QString& logger, const QJsonValue& data);

private:
    enum class ListKind
    {
        Tools,
        Resources,
        ResourceTemplates,
        Prompts
    };

    void setState(State state);
    void sendInitialize(bool again);
    void onInitialized(const RpcOutcome& outcome, bool again);
    QJsonObject capabilities() const;
    void fail(const QString& error);
    void onTransportClosed(const QString& error);
    void onSessionExpired(const QJsonObject& unsent);
    void handleServerRequest(const QJsonValue& id, const QString& method, const QJsonObject& params);
    void handleNotification(const QString& method, const QJsonObject& params);
    void listAll(ListKind kind, std::function<void()> done);
    void listPage(ListKind kind, const QString& cursor, QJsonArray items, int page, std::function<void()> done);
    void storeList(ListKind kind, const QJsonArray& items);
    QTimer* makeDebounceTimer(ListKind kind);
    std::chrono::milliseconds orDefault(std::chrono::milliseconds timeout) const;

    std::unique_ptr<Transport> m_transport;
    ClientOptions m_options;
    JsonRpcSession* m_session;
    State m_state = State::Idle;
    bool m_closing = false;
    bool m_reinitializing = false;
    QList<QJsonObject> m_unsent;
    QString m_lastError;

    QList<Root> m_roots;
    ServerRequestHandler m_samplingHandler;
    ServerRequestHandler m_elicitationHandler;
    QJsonObject m_elicitationCapability;

    QString m_protocolVersion;
    QJsonObject m_serverInfo;
    QJsonObject m_serverCapabilities;
    QString m_instructions;

    QList<ToolInfo> m_tools;
    QList<ResourceInfo> m_resources;
    QList<ResourceTemplateInfo> m_resourceTemplates;
    QList<PromptInfo> m_prompts;
    QTimer* m_toolsDebounce;
    QTimer* m_resourcesDebounce;
    QTimer* m_promptsDebounce;
};

} // namespace mcp
