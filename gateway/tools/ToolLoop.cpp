#include "gateway/tools/ToolLoop.h"

#include "gateway/json/CompactJson.h"
#include "gateway/ollama/OllamaCall.h"
#include "gateway/ollama/OllamaClient.h"
#include "gateway/openai/ChatResponseTranslator.h"
#include "gateway/openai/NativeErrorTranslator.h"
#include "gateway/openai/NativeReplyFields.h"
#include "gateway/openai/SseStream.h"
#include "gateway/routes/GatewayContext.h"
#include "gateway/routes/UpstreamJson.h"
#include "gateway/tools/McpHub.h"
#include "gateway/tools/ToolResultMessage.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>

namespace llamagate {

namespace {

QString callName(const QJsonObject& call)
{
    return call.value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString();
}

QJsonObject callArguments(const QJsonObject& call)
{
    const QJsonValue arguments = call.value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments"));
    if (arguments.isString())
        return QJsonDocument::fromJson(arguments.toString().toUtf8()).object();
    return arguments.toObject();
}

QJsonObject withoutToolCalls(QJsonObject line)
{
    QJsonObject message = line.value(QStringLiteral("message")).toObject();
    message.remove(QStringLiteral("tool_calls"));
    line.insert(QStringLiteral("message"), message);
    return line;
}

QString outcomeOf(const mcp::ToolCallResult& result)
{
    if (result.error)
        return result.error->code == mcp::rpc::RequestTimeout ? QStringLiteral("timeout") : QStringLiteral("error");
    return result.isError ? QStringLiteral("tool_error") : QStringLiteral("ok");
}

} // namespace

QJsonArray ToolLoop::mcpToolsFor(const McpHub& hub, const QJsonObject& request)
{
    const QJsonValue choice = request.value(QStringLiteral("tool_choice"));
    if (choice.isObject() || choice.toString() == u"none")
        return {};
    return hub.offeredTools();
}

void ToolLoop::start(const GatewayContext& context,
                     McpHub& hub,
                     const ExchangePtr& exchange,
                     const NativeRequest& native,
                     const QString& id,
                     const QJsonArray& mcpTools)
{
    (new ToolLoop(context, hub, exchange, native, id, mcpTools))->nextRound();
}

ToolLoop::ToolLoop(const GatewayContext& context,
                   McpHub& hub,
                   const ExchangePtr& exchange,
                   const NativeRequest& native,
                   const QString& id,
                   const QJsonArray& mcpTools)
    : QObject(exchange->responder), m_context(context), m_hub(hub), m_exchange(exchange), m_native(native), m_id(id),
      m_keepAlive(this)
{
    // The tool loop works in Qt's model; the native body's members other than these two are sent as they are.
    const QJsonObject body = m_native.body.toJsonObject();
    m_messages = body.value(QStringLiteral("messages")).toArray();
    m_native.body.remove(QLatin1StringView("messages"));
    QJsonArray tools = body.value(QStringLiteral("tools")).toArray();
    for (const QJsonValue& tool : std::as_const(tools))
        m_clientTools.insert(
            tool.toObject().value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString());
    for (const QJsonValue& tool : mcpTools) { // a client tool of the same name wins
        if (!m_clientTools.contains(
                tool.toObject().value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString()))
            tools.append(tool);
    }
    m_native.body.insert(QLatin1StringView("tools"),
                         [&tools](QByteArray& out) { CompactJson::appendValue(out, tools); });
    // Answers that depend on tool results are never cached.
    m_exchange->responder->addHeader(QByteArrayLiteral("X-Cache"), QByteArrayLiteral("BYPASS"));
    m_exchange->logFields.insert(QStringLiteral("cache"), QStringLiteral("bypass"));
    m_exchange->logFields.insert(QStringLiteral("stream"), m_native.stream);
    m_exchange->logFields.insert(QStringLiteral("model"), m_native.model);
    m_exchange->logFields.insert(QStringLiteral("mcp_tools_offered"), int(tools.size() - m_clientTools.size()));
    if (m_native.stream) {
        m_translator = std::make_unique<ChatStreamTranslator>(m_id, m_native.model, m_native.includeUsage);
        connect(&m_keepAlive, &QTimer::timeout, this, &ToolLoop::onKeepAlive);
        m_keepAlive.start(std::chrono::milliseconds(m_context.config.integer(Setting::StreamKeepAlive)));
    }
    connect(exchange->responder, &HttpResponder::clientDisconnected, this, [this] {
        m_exchange->logFields.insert(QStringLiteral("aborted_upstream"), true);
        done();
    });
}

void ToolLoop::nextRound()
{
    ++m_round;
    const QPointer<ToolLoop> self(this);
    if (!m_context.queue->enqueue(m_native.model, this, [self](ModelQueue::SlotPtr slot) {
            if (self)
                self->sendRound(std::move(slot));
        })) {
        const qint64 retryMs = m_context.queue->suggestedRetryMs(m_native.model);
        m_exchange->logFields.insert(QStringLiteral("queue"), QStringLiteral("full"));
        fail(ApiError::rateLimited(QStringLiteral("Too many requests are waiting for model '%1'; retry in %2 ms")
                                       .arg(m_native.model)
                                       .arg(retryMs),
                                   retryMs));
    }
}

void ToolLoop::sendRound(ModelQueue::SlotPtr slot)
{
    if (!m_exchange->live())
        return done();
    m_slot = std::move(slot);
    JsonMembers body = m_native.body;
    body.insert(QLatin1StringView("messages"), [this](QByteArray& out) { CompactJson::appendValue(out, m_messages); });
    const QByteArray json = body.object();
    const qint64 timeoutMs = m_context.config.integer(Setting::Timeout);
    m_call = m_context.ollama->postJson(QStringLiteral("/api/chat"), json, timeoutMs, m_native.stream, this);
    if (!m_native.stream) {
        OllamaCall* call = m_call;
        whenUpstreamJson(call, m_exchange, [this, call](const JsonRef& replyJson) {
            call->deleteLater();
            m_call = nullptr;
            const QJsonObject reply = replyJson.toJsonValue().toObject();
            onReply(reply,
                    reply.value(QStringLiteral("message")).toObject().value(QStringLiteral("tool_calls")).toArray());
        });
        return;
    }
    m_upstreamStatus = 0;
    m_errorBody.clear();
    m_roundCalls = {};
    m_roundContent.clear();
    m_roundDone = false;
    m_lines = NdjsonLineBuffer();
    connect(m_call, &OllamaCall::responseStarted, this, &ToolLoop::onStreamStarted);
    connect(m_call, &OllamaCall::dataReceived, this, &ToolLoop::onStreamData);
    connect(m_call, &OllamaCall::finished, this, &ToolLoop::onStreamFinished);
    connect(m_call, &OllamaCall::failed, this, &ToolLoop::fail);
}

void ToolLoop::onStreamStarted(int status)
{
    m_upstreamStatus = status;
}

void ToolLoop::onStreamData(const QByteArray& bytes)
{
    if (m_upstreamStatus != 200) {
        if (m_errorBody.size() < 64 * 1024)
            m_errorBody += bytes;
        return;
    }
    const Result<QList<QByteArray>> lines = m_lines.feed(bytes);
    if (!lines.ok())
        return fail(lines.error());
    for (const QByteArray& line : lines.value()) {
        const Result<QJsonObject> parsed = NdjsonLineBuffer::parse(line);
        if (!parsed.ok())
            return fail(parsed.error());
        onStreamLine(parsed.value());
        if (m_roundDone)
            return;
    }
}

void ToolLoop::onStreamFinished()
{
    if (m_roundDone)
        return;
    if (m_upstreamStatus != 200)
        return fail(NativeErrorTranslator::toApiError(m_upstreamStatus, m_errorBody));
    const Result<QList<QByteArray>> rest = m_lines.finish();
    if (rest.ok()) {
        for (const QByteArray& line : rest.value()) {
            const Result<QJsonObject> parsed = NdjsonLineBuffer::parse(line);
            if (parsed.ok() && !m_roundDone)
                onStreamLine(parsed.value());
        }
    }
    if (!m_roundDone)
        fail(ApiError::upstreamError(502, QStringLiteral("Ollama ended the stream before it was complete")));
}

void ToolLoop::onStreamLine(const QJsonObject& line)
{
    if (const auto message = NativeReplyFields::errorMessage(line)) {
        send(m_translator->feed(line));
        return done();
    }
    const QJsonObject message = line.value(QStringLiteral("message")).toObject();
    for (const QJsonValue& call : message.value(QStringLiteral("tool_calls")).toArray())
        m_roundCalls.append(call);
    m_roundContent += message.value(QStringLiteral("content")).toString();
    QJsonObject relayed = withoutToolCalls(line);
    const bool isDone = line.value(QStringLiteral("done")).toBool();
    if (isDone)
        relayed.insert(QStringLiteral("done"), false); // the end of a round is not the end of the answer
    const QJsonObject relayedMessage = relayed.value(QStringLiteral("message")).toObject();
    if (!relayedMessage.value(QStringLiteral("content")).toString().isEmpty() ||
        !relayedMessage.value(QStringLiteral("thinking")).toString().isEmpty())
        send(m_translator->feed(relayed));
    if (!isDone)
        return;
    m_roundDone = true;
    QJsonObject reply = line;
    QJsonObject replyMessage = message;
    replyMessage.insert(QStringLiteral("role"), QStringLiteral("assistant"));
    replyMessage.insert(QStringLiteral("content"), m_roundContent);
    replyMessage.remove(QStringLiteral("thinking"));
    reply.insert(QStringLiteral("message"), replyMessage);
    if (m_call) {
        m_call->disconnect(this);
        m_call->deleteLater();
        m_call = nullptr;
    }
    onReply(reply, m_roundCalls);
}

void ToolLoop::countTokens(const QJsonObject& reply)
{
    m_promptTokens += reply.value(QStringLiteral("prompt_eval_count")).toInteger();
    m_completionTokens += reply.value(QStringLiteral("eval_count")).toInteger();
    m_exchange->logFields.insert(QStringLiteral("prompt_tokens"), m_promptTokens);
    m_exchange->logFields.insert(QStringLiteral("completion_tokens"), m_completionTokens);
}

void ToolLoop::onReply(const QJsonObject& reply, const QJsonArray& calls)
{
    m_slot.reset(); // tools may take long: the model's slot is free while they run
    countTokens(reply);
    m_exchange->logFields.insert(QStringLiteral("tool_rounds"), m_round);
    QJsonArray clientCalls;
    QJsonArray gatewayCalls;
    for (const QJsonValue& call : calls)
        (m_clientTools.contains(callName(call.toObject())) ? clientCalls : gatewayCalls).append(call);
    if (!clientCalls.isEmpty() || gatewayCalls.isEmpty()) {
        // Client tools end the loop; MCP calls made next to them are not run (the client sees only its own).
        if (!clientCalls.isEmpty() && !gatewayCalls.isEmpty())
            m_exchange->logFields.insert(QStringLiteral("mcp_calls_not_run"), gatewayCalls.size());
        return finish(reply, clientCalls, false);
    }
    if (m_round >= m_context.config.integer(Setting::McpMaxToolRounds))
        return finish(reply, {}, true);
    runTools(reply, gatewayCalls);
}

void ToolLoop::runTools(const QJsonObject& reply, const QJsonArray& calls)
{
    QJsonObject assistant = reply.value(QStringLiteral("message")).toObject();
    assistant.insert(QStringLiteral("role"), QStringLiteral("assistant"));
    assistant.insert(QStringLiteral("tool_calls"), calls);
    m_messages.append(assistant);
    m_results = QList<QJsonObject>(calls.size());
    m_pendingTools = int(calls.size());
    const qint64 cap = m_context.config.integer(Setting::McpMaxToolCallsPerRound);
    for (int index = 0; index < calls.size(); ++index) {
        const QJsonObject call = calls.at(index).toObject();
        const QString name = callName(call);
        if (index >= cap) {
            toolDone(index,
                     ToolResultMessage::error(
                         name,
                         QStringLiteral("Not executed: at most %1 tool calls run in one round "
                                        "(MCP_MAX_TOOL_CALLS_PER_ROUND). Call it again in the next round.")
                             .arg(cap)),
                     {{QStringLiteral("name"), name}, {QStringLiteral("outcome"), QStringLiteral("over_round_cap")}});
            continue;
        }
        startTool(index, call);
    }
}

void ToolLoop::startTool(int index, const QJsonObject& call)
{
    const QString name = callName(call);
    QJsonObject logEntry{{QStringLiteral("name"), name}, {QStringLiteral("round"), m_round}};
    const std::optional<McpHub::ResolvedTool> tool = m_hub.resolve(name);
    if (!tool) {
        logEntry.insert(QStringLiteral("outcome"), QStringLiteral("unknown_tool"));
        return toolDone(index,
                        ToolResultMessage::error(name, QStringLiteral("No tool named %1 is available.").arg(name)),
                        logEntry);
    }
    logEntry.insert(QStringLiteral("server"), tool->ref.server);
    logEntry.insert(QStringLiteral("tool"), tool->ref.tool);
    if (!tool->decision.allowed) {
        logEntry.insert(QStringLiteral("outcome"), QStringLiteral("denied"));
        logEntry.insert(QStringLiteral("rule"), tool->decision.rule());
        return toolDone(
            index,
            ToolResultMessage::error(name,
                                     QStringLiteral("Not executed: the tool %1 is not allowed by LlamaGate's "
                                                    "tool policy (%2).")
                                         .arg(name, tool->decision.rule())),
            logEntry);
    }
    m_ran.append(name);
    progress(QStringLiteral("tool %1 running").arg(name));
    QElapsedTimer clock;
    clock.start();
    const QPointer<ToolLoop> self(this);
    const qint64 maxSize = m_context.config.integer(Setting::McpMaxToolResultSize);
    const QJsonValue callId = call.value(QStringLiteral("id"));
    m_runningCalls.insert(index, {}); // before the call: its callback may come at once
    const mcp::CallHandle handle = m_hub.servers().callTool(
        name,
        callArguments(call),
        {},
        [self, index, name, clock, maxSize, callId, logEntry](const mcp::ToolCallResult& result) mutable {
            if (!self || !self->m_runningCalls.remove(index))
                return; // the loop is gone, or gave the call up
            const QString outcome = outcomeOf(result);
            logEntry.insert(QStringLiteral("duration_ms"), clock.elapsed());
            logEntry.insert(QStringLiteral("outcome"), outcome);
            if (result.error)
                logEntry.insert(QStringLiteral("error"), result.error->message);
            QJsonObject message = ToolResultMessage::build(result, name, maxSize);
            if (callId.isString())
                message.insert(QStringLiteral("tool_call_id"), callId);
            self->progress(QStringLiteral("tool %1 %2 in %3 ms").arg(name, outcome).arg(clock.elapsed()));
            self->toolDone(index, message, logEntry);
        });
    if (const auto running = m_runningCalls.find(index); running != m_runningCalls.end())
        *running = handle;
}

void ToolLoop::toolDone(int index, const QJsonObject& message, const QJsonObject& logEntry)
{
    m_results[index] = message;
    m_toolLog.append(logEntry);
    m_exchange->logFields.insert(QStringLiteral("tool_calls"), m_toolLog);
    if (--m_pendingTools > 0)
        return;
    for (const QJsonObject& result : std::as_const(m_results))
        m_messages.append(result);
    m_results.clear();
    if (!m_exchange->live())
        return done();
    nextRound();
}

QJsonObject ToolLoop::summary(bool roundLimit) const
{
    QJsonObject summary{{QStringLiteral("tool_calls"), QJsonArray::fromStringList(m_ran)},
                        {QStringLiteral("tool_rounds"), m_round}};
    if (roundLimit)
        summary.insert(QStringLiteral("tool_round_limit_reached"), true);
    return summary;
}

void ToolLoop::finish(QJsonObject reply, const QJsonArray& clientCalls, bool roundLimit)
{
    if (roundLimit)
        m_exchange->logFields.insert(QStringLiteral("tool_round_limit_reached"), true);
    QJsonObject message = reply.value(QStringLiteral("message")).toObject();
    message.remove(QStringLiteral("tool_calls"));
    const bool ranTools = !m_ran.isEmpty() || roundLimit;
    if (!m_native.stream) {
        if (!clientCalls.isEmpty())
            message.insert(QStringLiteral("tool_calls"), clientCalls);
        reply.insert(QStringLiteral("message"), message);
        HttpHeaders headers;
        QJsonObject answer = ChatResponseTranslator::translate(JsonTree::of(reply).root(), m_id).object();
        if (ranTools) {
            answer.insert(QStringLiteral("llamagate"), summary(roundLimit));
            headers.append({QByteArrayLiteral("X-LlamaGate-Tool-Calls"), m_ran.join(QStringLiteral(", ")).toUtf8()});
        }
        if (roundLimit)
            headers.append({QByteArrayLiteral("X-LlamaGate-Tool-Round-Limit"), QByteArray::number(m_round)});
        if (HttpResponder* responder = m_exchange->live())
            responder->sendJson(200, answer, headers);
        return done();
    }
    if (!clientCalls.isEmpty()) {
        QJsonObject calls = withoutToolCalls(reply);
        calls.insert(QStringLiteral("done"), false);
        calls.insert(QStringLiteral("message"),
                     QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                 {QStringLiteral("content"), QString()},
                                 {QStringLiteral("tool_calls"), clientCalls}});
        send(m_translator->feed(calls));
    }
    if (roundLimit)
        progress(QStringLiteral("tool round limit (%1) reached; answering with the model's last reply").arg(m_round));
    if (ranTools) {
        QJsonObject chunk{{QStringLiteral("id"), m_id},
                          {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                          {QStringLiteral("created"), QDateTime::currentSecsSinceEpoch()},
                          {QStringLiteral("model"), m_native.model},
                          {QStringLiteral("choices"), QJsonArray()},
                          {QStringLiteral("llamagate"), summary(roundLimit)}};
        send(SseStream::frame(chunk));
    }
    message.insert(QStringLiteral("content"), QString()); // already relayed
    reply.insert(QStringLiteral("message"), message);
    send(m_translator->feed(reply));
    done();
}

void ToolLoop::fail(const ApiError& error)
{
    m_exchange->logFields.insert(QStringLiteral("upstream_error"), error.message);
    HttpResponder* responder = m_exchange->live();
    if (responder && !responder->hasStarted())
        responder->sendError(error);
    else if (m_translator)
        send(m_translator->fail(error.message));
    done();
}

void ToolLoop::progress(const QString& comment)
{
    if (m_native.stream)
        send(QStringLiteral(": %1\n\n").arg(comment).toUtf8());
}

void ToolLoop::beginStream()
{
    HttpResponder* responder = m_exchange->live();
    if (!responder || responder->hasStarted())
        return;
    responder->beginStream(200,
                           QByteArrayLiteral("text/event-stream; charset=utf-8"),
                           {{QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")},
                            {QByteArrayLiteral("X-Accel-Buffering"), QByteArrayLiteral("no")}});
}

void ToolLoop::send(const QByteArray& bytes)
{
    HttpResponder* responder = m_exchange->live();
    if (bytes.isEmpty() || !responder)
        return;
    beginStream();
    responder->writeChunk(bytes);
    m_sentSinceTick = true;
}

void ToolLoop::onKeepAlive()
{
    if (!m_sentSinceTick && m_exchange->live())
        send(QByteArrayLiteral(": keep-alive\n\n"));
    m_sentSinceTick = false;
}

void ToolLoop::done()
{
    m_keepAlive.stop();
    // MCP calls still running are of no use to anyone now: the servers are told to stop them.
    if (!m_runningCalls.isEmpty())
        m_exchange->logFields.insert(QStringLiteral("tool_calls_cancelled"), int(m_runningCalls.size()));
    for (const mcp::CallHandle& call : std::exchange(m_runningCalls, {}))
        m_hub.servers().cancelCall(call, QStringLiteral("the client went away"));
    if (m_call) {
        m_call->disconnect(this);
        m_call->abort();
        m_call = nullptr;
    }
    m_slot.reset();
    if (HttpResponder* responder = m_exchange->live(); responder && m_native.stream)
        responder->endStream();
    deleteLater();
}

} // namespace llamagate
