#include "gateway/routes/SseRelay.h"

#include "gateway/ollama/OllamaCall.h"
#include "gateway/openai/NativeErrorTranslator.h"

namespace llamagate {

namespace {

void beginSse(HttpResponder* responder)
{
    responder->beginStream(200,
                           QByteArrayLiteral("text/event-stream; charset=utf-8"),
                           {{QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")},
                            {QByteArrayLiteral("X-Accel-Buffering"), QByteArrayLiteral("no")}});
}

} // namespace

void SseRelay::sendWhole(HttpResponder* responder, const QByteArray& frames)
{
    beginSse(responder);
    responder->writeChunk(frames);
    responder->endStream();
}

void SseRelay::start(
    const ExchangePtr& exchange, OllamaCall* call, Translator translator, qint64 keepAliveMs, ModelQueue::SlotPtr slot)
{
    new SseRelay(exchange, call, std::move(translator), keepAliveMs, std::move(slot));
}

SseRelay::SseRelay(
    const ExchangePtr& exchange, OllamaCall* call, Translator translator, qint64 keepAliveMs, ModelQueue::SlotPtr slot)
    : QObject(exchange->responder), m_exchange(exchange), m_call(call), m_translator(std::move(translator)),
      m_keepAlive(this)
{
    call->setParent(this);
    call->holdSlot(std::move(slot));
    connect(call, &OllamaCall::responseStarted, this, &SseRelay::onResponseStarted);
    connect(call, &OllamaCall::dataReceived, this, &SseRelay::onData);
    connect(call, &OllamaCall::finished, this, &SseRelay::onFinished);
    connect(call, &OllamaCall::failed, this, &SseRelay::onFailed);
    connect(exchange->responder, &HttpResponder::clientDisconnected, this, [this] {
        m_exchange->logFields.insert(QStringLiteral("aborted_upstream"), true);
        done(); // aborts Ollama now rather than when the responder is cleaned up
    });
    connect(&m_keepAlive, &QTimer::timeout, this, &SseRelay::onKeepAlive);
    m_keepAlive.start(std::chrono::milliseconds(keepAliveMs));
}

void SseRelay::onResponseStarted(int status)
{
    m_upstreamStatus = status;
    m_exchange->logFields.insert(QStringLiteral("upstream_status"), status);
    if (status == 200)
        beginStream();
}

void SseRelay::beginStream()
{
    HttpResponder* responder = m_exchange->live();
    if (!responder || responder->hasStarted())
        return;
    beginSse(responder);
}

void SseRelay::onData(const QByteArray& bytes)
{
    if (m_upstreamStatus != 200) {
        if (m_errorBody.size() < 64 * 1024)
            m_errorBody += bytes;
        return;
    }
    const Result<QList<QByteArray>> lines = m_lines.feed(bytes);
    if (!lines.ok()) {
        send(m_translator.fail(lines.error().message));
        done();
        return;
    }
    for (const QByteArray& line : lines.value()) {
        const Result<QJsonObject> parsed = NdjsonLineBuffer::parse(line);
        if (!parsed.ok()) {
            send(m_translator.fail(parsed.error().message));
            break;
        }
        recordUsage(parsed.value());
        send(m_translator.feed(parsed.value()));
        if (m_translator.isFinished())
            break;
    }
    if (m_translator.isFinished())
        done();
}

void SseRelay::onFinished()
{
    if (m_upstreamStatus != 200) {
        const ApiError error = NativeErrorTranslator::toApiError(m_upstreamStatus, m_errorBody);
        HttpResponder* responder = m_exchange->live();
        if (responder && !responder->hasStarted())
            responder->sendError(error);
        else
            send(m_translator.fail(error.message));
        done();
        return;
    }
    const Result<QList<QByteArray>> rest = m_lines.finish();
    if (rest.ok()) {
        for (const QByteArray& line : rest.value()) {
            const Result<QJsonObject> parsed = NdjsonLineBuffer::parse(line);
            if (parsed.ok()) {
                recordUsage(parsed.value());
                send(m_translator.feed(parsed.value()));
            }
        }
    }
    if (!m_translator.isFinished())
        send(m_translator.fail(QStringLiteral("Ollama ended the stream before it was complete")));
    done();
}

void SseRelay::onFailed(const ApiError& error)
{
    m_exchange->logFields.insert(QStringLiteral("upstream_error"), error.message);
    HttpResponder* responder = m_exchange->live();
    if (responder && !responder->hasStarted())
        responder->sendError(error);
    else
        send(m_translator.fail(error.message));
    done();
}

void SseRelay::onKeepAlive()
{
    HttpResponder* responder = m_exchange->live();
    if (!responder)
        return;
    if (!responder->hasStarted())
        beginStream(); // Ollama is still silent (loading the model): commit to the stream and keep it alive
    if (!m_sentSinceTick)
        responder->writeChunk(": keep-alive\n\n");
    m_sentSinceTick = false;
}

void SseRelay::send(const QByteArray& frames)
{
    if (frames.isEmpty())
        return;
    HttpResponder* responder = m_exchange->live();
    if (!responder)
        return;
    beginStream();
    responder->writeChunk(frames);
    m_sentSinceTick = true;
}

void SseRelay::recordUsage(const QJsonObject& line)
{
    if (!line.value(QStringLiteral("done")).toBool())
        return;
    m_exchange->logFields.insert(QStringLiteral("prompt_tokens"),
                                 line.value(QStringLiteral("prompt_eval_count")).toInt());
    m_exchange->logFields.insert(QStringLiteral("completion_tokens"), line.value(QStringLiteral("eval_count")).toInt());
}

void SseRelay::done()
{
    m_keepAlive.stop();
    if (m_call) {
        m_call->disconnect(this);
        m_call->abort();
    }
    if (HttpResponder* responder = m_exchange->live())
        responder->endStream();
    deleteLater();
}

} // namespace llamagate
