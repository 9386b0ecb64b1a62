#include "mcp/jsonrpc/JsonRpcSession.h"

#include "mcp/McpLog.h"

#include <QTimer>

namespace mcp {

namespace {

std::optional<qint64> numericId(const QJsonValue& id)
{
    if (id.isDouble())
        return id.toInteger();
    bool ok = false;
    const qint64 value = id.toString().toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

} // namespace

JsonRpcSession::JsonRpcSession(QObject* parent) : QObject(parent) {}

JsonRpcSession::~JsonRpcSession() = default;

qint64 JsonRpcSession::sendRequest(const QString& method,
                                   const QJsonObject& params,
                                   const RequestOptions& options,
                                   RpcCallback callback)
{
    const qint64 id = m_nextId++;
    QJsonObject sentParams = params;
    if (options.onProgress) {
        QJsonObject meta = sentParams.value(QStringLiteral("_meta")).toObject();
        meta.insert(QStringLiteral("progressToken"), id);
        sentParams.insert(QStringLiteral("_meta"), meta);
    }

    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    const bool cancel = options.cancelOnTimeout;
    const std::chrono::milliseconds timeout = options.timeout;
    connect(timer, &QTimer::timeout, this, [this, id, timeout, cancel] { expire(id, timeout, cancel); });
    m_pending.emplace(id, Pending{method, std::move(callback), options.onProgress, timer});
    timer->start(options.timeout);

    emit outgoing(rpc::request(id, method, sentParams));
    return id;
}

void JsonRpcSession::sendNotification(const QString& method, const QJsonObject& params)
{
    emit outgoing(rpc::notification(method, params));
}

void JsonRpcSession::respond(const QJsonValue& id, const QJsonObject& result)
{
    emit outgoing(rpc::response(id, result));
}

void JsonRpcSession::respondError(const QJsonValue& id, const RpcError& error)
{
    emit outgoing(rpc::errorResponse(id, error));
}

void JsonRpcSession::cancelRequest(qint64 id, const RpcError& error)
{
    if (!m_pending.contains(id))
        return;
    sendNotification(QStringLiteral("notifications/cancelled"),
                     {{QStringLiteral("requestId"), id}, {QStringLiteral("reason"), error.message}});
    finish(id, {{}, error});
}

void JsonRpcSession::failAll(const RpcError& error)
{
    while (!m_pending.empty())
        finish(m_pending.begin()->first, {{}, error});
}

void JsonRpcSession::setRequestHandler(RequestHandler handler)
{
    m_requestHandler = std::move(handler);
}

void JsonRpcSession::handleMessage(const QJsonObject& message)
{
    switch (rpc::classify(message)) {
    case rpc::Kind::Response:
    case rpc::Kind::ErrorResponse:
        handleResponse(message);
        break;
    case rpc::Kind::Request: {
        const QJsonValue id = message.value(QStringLiteral("id"));
        const QString method = message.value(QStringLiteral("method")).toString();
        if (m_requestHandler)
            m_requestHandler(id, method, message.value(QStringLiteral("params")).toObject());
        else
            respondError(id, {rpc::MethodNotFound, QStringLiteral("Method not found: %1").arg(method), {}});
        break;
    }
    case rpc::Kind::Notification: {
        const QString method = message.value(QStringLiteral("method")).toString();
        const QJsonObject params = message.value(QStringLiteral("params")).toObject();
        if (method == QLatin1String("notifications/progress"))
            handleProgress(params);
        else
            emit notificationReceived(method, params);
        break;
    }
    case rpc::Kind::Invalid:
        qCDebug(lcMcp) << "ignoring a message that is neither request, notification nor response:" << message;
        break;
    }
}

int JsonRpcSession::pendingCount() const
{
    return int(m_pending.size());
}

void JsonRpcSession::handleResponse(const QJsonObject& message)
{
    const std::optional<qint64> id = numericId(message.value(QStringLiteral("id")));
    if (!id || !m_pending.contains(*id)) {
        qCDebug(lcMcp) << "ignoring a response to an unknown or expired request" << message.value(QStringLiteral("id"));
        return;
    }
    if (message.contains(QStringLiteral("error")))
        finish(*id, {{}, RpcError::fromJson(message.value(QStringLiteral("error")).toObject())});
    else
        finish(*id, {message.value(QStringLiteral("result")).toObject(), std::nullopt});
}

void JsonRpcSession::handleProgress(const QJsonObject& params)
{
    const std::optional<qint64> token = numericId(params.value(QStringLiteral("progressToken")));
    const auto it = token ? m_pending.find(*token) : m_pending.end();
    if (it == m_pending.end() || !it->second.onProgress)
        return; // progress for a finished, cancelled or foreign request
    Progress progress;
    progress.progress = params.value(QStringLiteral("progress")).toDouble();
    if (params.contains(QStringLiteral("total")))
        progress.total = params.value(QStringLiteral("total")).toDouble();
    progress.message = params.value(QStringLiteral("message")).toString();
    it->second.onProgress(progress);
}

void JsonRpcSession::finish(qint64 id, const RpcOutcome& outcome)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    pending.timer->stop();
    pending.timer->deleteLater();
    if (pending.callback)
        pending.callback(outcome);
}

void JsonRpcSession::expire(qint64 id, std::chrono::milliseconds timeout, bool cancel)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const RpcError error{rpc::RequestTimeout,
                         QStringLiteral("%1 timed out after %2 ms").arg(it->second.method).arg(timeout.count()),
                         {}};
    if (cancel)
        cancelRequest(id, error);
    else
        finish(id, {{}, error});
}

} // namespace mcp
