#pragma once

#include "mcp/jsonrpc/JsonRpc.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <map>
#include <optional>

class QTimer;

namespace mcp {

/// A progress notification the server sent for one of our requests.
struct Progress
{
    double progress = 0;
    std::optional<double> total;
    QString message;
};

/// How one request is sent: its deadline, whether expiry sends notifications/cancelled, and a progress sink.
struct RequestOptions
{
    std::chrono::milliseconds timeout{30000};
    bool cancelOnTimeout = true;
    std::function<void(const Progress&)> onProgress;
};

/// The outcome of one request: the result object, or an error.
struct RpcOutcome
{
    QJsonObject result;
    std::optional<RpcError> error;

    bool ok() const { return !error.has_value(); }
};

using RpcCallback = std::function<void(const RpcOutcome&)>;

/// One JSON-RPC peer: numbers our requests, matches responses, times out and cancels, routes progress,
/// and hands requests and notifications from the other side to the owner.
class JsonRpcSession : public QObject
{
    Q_OBJECT
public:
    /// Called for each request from the other side; it must eventually call respond() or respondError().
    using RequestHandler = std::function<void(const QJsonValue& id, const QString& method, const QJsonObject& params)>;

    explicit JsonRpcSession(QObject* parent = nullptr);
    ~JsonRpcSession() override;

    qint64
    sendRequest(const QString& method, const QJsonObject& params, const RequestOptions& options, RpcCallback callback);
    void sendNotification(const QString& method, const QJsonObject& params = {});
    void respond(const QJsonValue& id, const QJsonObject& result);
    void respondError(const QJsonValue& id, const RpcError& error);

    /// Gives up on a pending request: the server is told with notifications/cancelled, the caller gets `error`.
    void cancelRequest(qint64 id, const RpcError& error);
    /// Fails every pending request with `error` (the connection is gone).
    void failAll(const RpcError& error);

    void setRequestHandler(RequestHandler handler);
    void handleMessage(const QJsonObject& message);
    int pendingCount() const;

signals:
    void outgoing(const QJsonObject& message);
    void notificationReceived(const QString& method, const QJsonObject& params);

private:
    struct Pending
    {
        QString method;
        RpcCallback callback;
        std::function<void(const Progress&)> onProgress;
        QTimer* timer = nullptr;
    };

    void handleResponse(const QJsonObject& message);
    void handleProgress(const QJsonObject& params);
    void finish(qint64 id, const RpcOutcome& outcome);
    void expire(qint64 id, std::chrono::milliseconds timeout, bool cancel);

    std::map<qint64, Pending> m_pending;
    qint64 m_nextId = 1;
    RequestHandler m_requestHandler;
};

} // namespace mcp
