#include "mcp/Client.h"

#include "mcp/McpLog.h"
#include "mcp/McpVersion.h"
#include "mcp/transport/Transport.h"

#include <QCoreApplication>
#include <QTimer>

namespace mcp {

namespace {

/// Guards against servers whose cursors never end.
constexpr int MaxListPages = 1000;

struct ListMethod
{
    QString method;
    QString key;
    QString capability;
};

ListMethod listMethod(int kind)
{
    switch (kind) {
    case 0:
        return {QStringLiteral("tools/list"), QStringLiteral("tools"), QStringLiteral("tools")};
    case 1:
        return {QStringLiteral("resources/list"), QStringLiteral("resources"), QStringLiteral("resources")};
    case 2:
        return {QStringLiteral("resources/templates/list"),
                QStringLiteral("resourceTemplates"),
                QStringLiteral("resources")};
    default:
        return {QStringLiteral("prompts/list"), QStringLiteral("prompts"), QStringLiteral("prompts")};
    }
}

template <typename Info> QList<Info> parseList(const QJsonArray& items)
{
    QList<Info> list;
    list.reserve(items.size());
    for (const QJsonValue& item : items)
        list.append(Info::fromJson(item.toObject()));
    return list;
}

} // namespace

Client::Client(std::unique_ptr<Transport> transport, ClientOptions options, QObject* parent)
    : QObject(parent), m_transport(std::move(transport)), m_options(std::move(options)),
      m_session(new JsonRpcSession(this)), m_toolsDebounce(makeDebounceTimer(ListKind::Tools)),
      m_resourcesDebounce(makeDebounceTimer(ListKind::Resources)),
      m_promptsDebounce(makeDebounceTimer(ListKind::Prompts))
{
    if (m_options.clientName.isEmpty())
        m_options.clientName = QCoreApplication::applicationName().isEmpty() ? QStringLiteral("LlamaGate")
                                                                             : QCoreApplication::applicationName();
    if (m_options.clientVersion.isEmpty())
        m_options.clientVersion = QCoreApplication::applicationVersion().isEmpty()
                                      ? QStringLiteral(LLAMAGATE_VERSION)
                                      : QCoreApplication::applicationVersion();

    connect(m_session, &JsonRpcSession::outgoing, m_transport.get(), &Transport::send);
    connect(m_session, &JsonRpcSession::notificationReceived, this, &Client::handleNotification);
    m_session->setRequestHandler([this](const QJsonValue& id, const QString& method, const QJsonObject& params) {
        handleServerRequest(id, method, params);
    });
    connect(m_transport.get(), &Transport::opened, this, [this] { sendInitialize(false); });
    connect(m_transport.get(), &Transport::messageReceived, m_session, &JsonRpcSession::handleMessage);
    connect(m_transport.get(), &Transport::closed, this, &Client::onTransportClosed);
    connect(m_transport.get(), &Transport::sessionExpired, this, &Client::onSessionExpired);
}

Client::~Client()
{
    m_transport->disconnect(this);
    m_state = State::Closed;
    m_session->failAll({rpc::ConnectionClosed, QStringLiteral("the MCP client was destroyed"), {}});
}

QTimer* Client::makeDebounceTimer(ListKind kind)
{
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, kind] {
        if (m_state != State::Ready)
            return;
        if (kind == ListKind::Resources) {
            listAll(ListKind::Resources,
                    [this] { listAll(ListKind::ResourceTemplates, [this] { emit resourcesChanged(); }); });
        } else {
            listAll(kind, [this, kind] {
                if (kind == ListKind::Tools)
                    emit toolsChanged();
                else
                    emit promptsChanged();
            });
        }
    });
    return timer;
}

void Client::setRoots(const QList<Root>& roots)
{
    m_roots = roots;
}

void Client::setSamplingHandler(ServerRequestHandler handler)
{
    m_samplingHandler = std::move(handler);
}

void Client::setElicitationHandler(ServerRequestHandler handler, const QJsonObject& capability)
{
    m_elicitationHandler = std::move(handler);
    m_elicitationCapability = capability;
}

void Client::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Client::connectToServer()
{
    if (m_state != State::Idle)
        return;
    m_toolsDebounce->setInterval(m_options.listChangedDebounce);
    m_resourcesDebounce->setInterval(m_options.listChangedDebounce);
    m_promptsDebounce->setInterval(m_options.listChangedDebounce);
    setState(State::Connecting);
    m_transport->open();
}

QJsonObject Client::capabilities() const
{
    QJsonObject capabilities;
    if (!m_roots.isEmpty())
        capabilities.insert(QStringLiteral("roots"), QJsonObject());
    if (m_samplingHandler)
        capabilities.insert(QStringLiteral("sampling"), QJsonObject());
    if (m_elicitationHandler)
        capabilities.insert(QStringLiteral("elicitation"), m_elicitationCapability);
    return capabilities;
}

void Client::sendInitialize(bool again)
{
    const QJsonObject params{{QStringLiteral("protocolVersion"), supportedProtocolVersions().constFirst()},
                             {QStringLiteral("capabilities"), capabilities()},
                             {QStringLiteral("clientInfo"),
                              QJsonObject{{QStringLiteral("name"), m_options.clientName},
                                          {QStringLiteral("version"), m_options.clientVersion}}}};
    RequestOptions options;
    options.timeout = m_options.initializeTimeout;
    options.cancelOnTimeout = false; // initialize must never be cancelled
    m_session->sendRequest(QStringLiteral("initialize"), params, options, [this, again](const RpcOutcome& outcome) {
        onInitialized(outcome, again);
    });
}

void Client::onInitialized(const RpcOutcome& outcome, bool again)
{
    if (m_state == State::Closed || m_closing)
        return;
    if (!outcome.ok()) {
        fail(QStringLiteral("initialize failed: %1").arg(outcome.error->message));
        return;
    }
    const QString version = outcome.result.value(QStringLiteral("protocolVersion")).toString();
    if (!supportedProtocolVersions().contains(version)) {
        fail(QStringLiteral("the server speaks MCP protocol version \"%1\"; this client supports %2")
                 .arg(version, supportedProtocolVersions().join(QStringLiteral(", "))));
        return;
    }
    m_protocolVersion = version;
    m_serverInfo = outcome.result.value(QStringLiteral("serverInfo")).toObject();
    m_serverCapabilities = outcome.result.value(QStringLiteral("capabilities")).toObject();
    m_instructions = outcome.result.value(QStringLiteral("instructions")).toString();
    m_session->sendNotification(QStringLiteral("notifications/initialized"));
    m_transport->sessionEstablished(version);

    if (again) {
        qCInfo(lcMcp) << objectName() << "re-initialized after the server lost our session";
        m_reinitializing = false;
        for (const QJsonObject& message : std::exchange(m_unsent, {}))
            m_transport->send(message);
        refresh([this] {
            emit toolsChanged();
            emit resourcesChanged();
            emit promptsChanged();
        });
        return;
    }
    refresh([this] {
        if (m_state != State::Connecting)
            return;
        setState(State::Ready);
        emit ready();
    });
}

void Client::fail(const QString& error)
{
    if (m_state == State::Closed)
        return;
    m_lastError = error;
    const QString tail = m_transport->stderrTail().trimmed();
    if (!tail.isEmpty() && !m_lastError.contains(tail))
        m_lastError += QStringLiteral("; stderr: ") + tail;
    qCWarning(lcMcp).noquote() << objectName() << m_lastError;
    setState(State::Closed);
    m_session->failAll({rpc::ConnectionClosed, m_lastError, {}});
    m_transport->close();
    emit closed(m_lastError);
}

void Client::close()
{
    if (m_state == State::Closed || m_closing)
        return;
    m_closing = true;
    m_session->failAll({rpc::ConnectionClosed, QStringLiteral("the MCP client was closed"), {}});
    if (m_state == State::Idle) {
        setState(State::Closed);
        emit closed({});
        return;
    }
    m_transport->close();
}

void Client::onTransportClosed(const QString& error)
{
    if (m_state == State::Closed)
        return;
    if (m_closing) {
        setState(State::Closed);
        emit closed({});
        return;
    }
    fail(error.isEmpty() ? QStringLiteral("the server closed the connection") : error);
}

void Client::onSessionExpired(const QJsonObject& unsent)
{
    if (rpc::isRequest(unsent))
        m_unsent.append(unsent);
    if (m_reinitializing)
        return;
    m_reinitializing = true;
    sendInitialize(true);
}

void Client::handleServerRequest(const QJsonValue& id, const QString& method, const QJsonObject& params)
{
    const QPointer<JsonRpcSession> session = m_session;
    auto reply = [session, id](const RpcOutcome& outcome) {
        if (!session)
            return;
        if (outcome.ok())
            session->respond(id, outcome.result);
        else
            session->respondError(id, *outcome.error);
    };
    const RpcError notFound{rpc::MethodNotFound, QStringLiteral("Method not found: %1").arg(method), {}};

    if (method == QLatin1String("ping")) {
        reply({});
    } else if (method == QLatin1String("roots/list")) {
        if (m_roots.isEmpty()) {
            reply({{}, notFound});
            return;
        }
        QJsonArray roots;
        for (const Root& root : m_roots) {
            QJsonObject entry{{QStringLiteral("uri"), root.uri}};
            if (!root.name.isEmpty())
                entry.insert(QStringLiteral("name"), root.name);
            roots.append(entry);
        }
        reply({{{QStringLiteral("roots"), roots}}, std::nullopt});
    } else if (method == QLatin1String("sampling/createMessage") && m_samplingHandler) {
        m_samplingHandler(params, reply);
    } else if (method == QLatin1String("elicitation/create")) {
        if (m_elicitationHandler)
            m_elicitationHandler(params, reply);
        else
            reply({{{QStringLiteral("action"), QStringLiteral("decline")}}, std::nullopt});
    } else {
        reply({{}, notFound});
    }
}

void Client::handleNotification(const QString& method, const QJsonObject& params)
{
    if (method == QLatin1String("notifications/tools/list_changed")) {
        m_toolsDebounce->start();
    } else if (method == QLatin1String("notifications/resources/list_changed")) {
        m_resourcesDebounce->start();
    } else if (method == QLatin1String("notifications/prompts/list_changed")) {
        m_promptsDebounce->start();
    } else if (method == QLatin1String("notifications/resources/updated")) {
        emit resourceUpdated(params.value(QStringLiteral("uri")).toString());
    } else if (method == QLatin1String("notifications/message")) {
        const QString level = params.value(QStringLiteral("level")).toString();
        const QString logger = params.value(QStringLiteral("logger")).toString();
        const QJsonValue data = params.value(QStringLiteral("data"));
        static const QStringList severe{QStringLiteral("warning"),
                                        QStringLiteral("error"),
                                        QStringLiteral("critical"),
                                        QStringLiteral("alert"),
                                        QStringLiteral("emergency")};
        if (severe.contains(level))
            qCWarning(lcMcpServer).noquote() << objectName() << level << logger << data;
        else
            qCInfo(lcMcpServer).noquote() << objectName() << level << logger << data;
        emit logMessage(level, logger, data);
    } else {
        qCDebug(lcMcp) << objectName() << "unhandled notification" << method;
    }
}

void Client::refresh(std::function<void()> done)
{
    auto remaining = std::make_shared<int>(0);
    auto finishOne = [remaining, done] {
        if (--*remaining == 0 && done)
            done();
    };
    QList<ListKind> kinds;
    for (const ListKind kind : {ListKind::Tools, ListKind::Resources, ListKind::ResourceTemplates, ListKind::Prompts}) {
        if (m_serverCapabilities.contains(listMethod(int(kind)).capability))
            kinds.append(kind);
    }
    *remaining = int(kinds.size()) + 1;
    for (const ListKind kind : kinds)
        listAll(kind, finishOne);
    finishOne();
}

void Client::listAll(ListKind kind, std::function<void()> done)
{
    listPage(kind, {}, {}, 0, std::move(done));
}

void Client::listPage(ListKind kind, const QString& cursor, QJsonArray items, int page, std::function<void()> done)
{
    const ListMethod list = listMethod(int(kind));
    QJsonObject params;
    if (!cursor.isEmpty())
        params.insert(QStringLiteral("cursor"), cursor);
    RequestOptions options;
    options.timeout = m_options.requestTimeout;
    m_session->sendRequest(
        list.method, params, options, [this, kind, list, cursor, items, page, done](const RpcOutcome& outcome) mutable {
            if (m_state == State::Closed)
                return;
            if (!outcome.ok()) {
                qCWarning(lcMcp) << objectName() << list.method << "failed:" << outcome.error->message;
                if (done)
                    done();
                return;
            }
            for (const QJsonValue& item : outcome.result.value(list.key).toArray())
                items.append(item);
            const QString next = outcome.result.value(QStringLiteral("nextCursor")).toString();
            if (!next.isEmpty() && next != cursor && page + 1 < MaxListPages) {
                listPage(kind, next, items, page + 1, std::move(done));
                return;
            }
            storeList(kind, items);
            if (done)
                done();
        });
}

void Client::storeList(ListKind kind, const QJsonArray& items)
{
    switch (kind) {
    case ListKind::Tools:
        m_tools = parseList<ToolInfo>(items);
        break;
    case ListKind::Resources:
        m_resources = parseList<ResourceInfo>(items);
        break;
    case ListKind::ResourceTemplates:
        m_resourceTemplates = parseList<ResourceTemplateInfo>(items);
        break;
    case ListKind::Prompts:
        m_prompts = parseList<PromptInfo>(items);
        break;
    }
}

std::chrono::milliseconds Client::orDefault(std::chrono::milliseconds timeout) const
{
    return timeout.count() > 0 ? timeout : m_options.requestTimeout;
}

qint64 Client::request(const QString& method, const QJsonObject& params, RequestOptions options, RpcCallback done)
{
    if (m_state == State::Closed || m_state == State::Idle || m_closing) {
        const RpcError error{rpc::ConnectionClosed,
                             m_lastError.isEmpty() ? QStringLiteral("the MCP server is not connected") : m_lastError,
                             {}};
        QTimer::singleShot(0, this, [done, error] { done({{}, error}); });
        return 0;
    }
    options.timeout = orDefault(options.timeout);
    return m_session->sendRequest(method, params, options, std::move(done));
}

qint64 Client::callTool(const QString& name,
                        const QJsonObject& arguments,
                        const CallOptions& options,
                        std::function<void(const ToolCallResult&)> done)
{
    RequestOptions requestOptions;
    requestOptions.timeout = options.timeout;
    requestOptions.onProgress = options.onProgress;
    const QJsonObject params{{QStringLiteral("name"), name}, {QStringLiteral("arguments"), arguments}};
    return request(QStringLiteral("tools/call"), params, requestOptions, [done](const RpcOutcome& outcome) {
        if (!outcome.ok()) {
            ToolCallResult failed;
            failed.error = outcome.error;
            done(failed);
            return;
        }
        done(ToolCallResult::fromJson(outcome.result));
    });
}

void Client::readResource(const QString& uri,
                          std::function<void(const ReadResourceResult&)> done,
                          std::chrono::milliseconds timeout)
{
    RequestOptions options;
    options.timeout = timeout;
    request(
        QStringLiteral("resources/read"), {{QStringLiteral("uri"), uri}}, options, [done](const RpcOutcome& outcome) {
            ReadResourceResult result;
            result.error = outcome.error;
            for (const QJsonValue& entry : outcome.result.value(QStringLiteral("contents")).toArray())
                result.contents.append(ResourceContents::fromJson(entry.toObject()));
            done(result);
        });
}

void Client::getPrompt(const QString& name,
                       const QJsonObject& arguments,
                       std::function<void(const PromptResult&)> done,
                       std::chrono::milliseconds timeout)
{
    RequestOptions options;
    options.timeout = timeout;
    QJsonObject params{{QStringLiteral("name"), name}};
    if (!arguments.isEmpty())
        params.insert(QStringLiteral("arguments"), arguments);
    request(QStringLiteral("prompts/get"), params, options, [done](const RpcOutcome& outcome) {
        PromptResult result;
        result.error = outcome.error;
        result.description = outcome.result.value(QStringLiteral("description")).toString();
        result.messages = outcome.result.value(QStringLiteral("messages")).toArray();
        done(result);
    });
}

void Client::ping(std::chrono::milliseconds timeout, RpcCallback done)
{
    RequestOptions options;
    options.timeout = timeout;
    request(QStringLiteral("ping"), {}, options, std::move(done));
}

int Client::pendingRequests() const
{
    return m_session->pendingCount();
}

void Client::cancel(qint64 requestId, const QString& reason)
{
    m_session->cancelRequest(requestId, {rpc::RequestCancelled, reason, {}});
}

} // namespace mcp
