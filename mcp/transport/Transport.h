#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace mcp {

/// A bidirectional channel of JSON-RPC messages to one MCP server (stdio, Streamable HTTP or legacy SSE).
/// All work happens on the owner's event loop; nothing blocks.
class Transport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Starts the channel; emits opened() or closed(error).
    virtual void open() = 0;
    /// Sends one JSON-RPC message. Only valid between opened() and closed().
    virtual void send(const QJsonObject& message) = 0;
    /// Ends the channel gracefully; emits closed() with an empty error once done.
    virtual void close() = 0;
    /// Called by the client once initialize succeeded, with the negotiated protocol version.
    virtual void sessionEstablished(const QString& protocolVersion) { Q_UNUSED(protocolVersion) }
    /// The last lines a server process wrote to stderr (stdio only), for error reports.
    virtual QString stderrTail() const { return {}; }

signals:
    void opened();
    void messageReceived(const QJsonObject& message);
    /// The channel ended. `error` is empty after close(), else it says why.
    void closed(const QString& error);
    /// The server forgot our session (HTTP 404, or 400 naming the session); `unsent` must be sent again
    /// after a new initialize.
    void sessionExpired(const QJsonObject& unsent);
};

} // namespace mcp
