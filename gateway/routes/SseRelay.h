#pragma once

#include "gateway/ollama/ModelQueue.h"
#include "gateway/openai/NdjsonLineBuffer.h"
#include "gateway/routes/Exchange.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace llamagate {

class OllamaCall;

/// Relays one native NDJSON answer to the client as OpenAI SSE frames made by a stream translator. The SSE response
/// starts when Ollama answers 200, or at the first keep-alive tick if Ollama is still silent (a cold model load);
/// a native error status before that becomes a proper error response. While no frame has gone out for a keep-alive
/// interval, an SSE comment keeps proxies and clients from timing out. The client leaving aborts Ollama at once.
class SseRelay : public QObject
{
    Q_OBJECT
public:
    /// What turns native lines into frames (ChatStreamTranslator, CompletionStreamTranslator).
    struct Translator
    {
        std::function<QByteArray(const QJsonObject&)> feed;
        std::function<QByteArray(const QString&)> fail;
        std::function<bool()> isFinished;
    };

    /// Takes over `call`, which holds the queue slot until it is done (the relay aborts it when it is done first).
    /// Owned by the exchange's responder.
    static void start(const ExchangePtr& exchange,
                      OllamaCall* call,
                      Translator translator,
                      qint64 keepAliveMs,
                      ModelQueue::SlotPtr slot);
    /// Sends frames that make a whole answer (a cached one, replayed) as one complete SSE response.
    static void sendWhole(HttpResponder* responder, const QByteArray& frames);

private:
    SseRelay(const ExchangePtr& exchange,
             OllamaCall* call,
             Translator translator,
             qint64 keepAliveMs,
             ModelQueue::SlotPtr slot);

    void onResponseStarted(int status);
    void onData(const QByteArray& bytes);
    void onFinished();
    void onFailed(const ApiError& error);
    void onKeepAlive();
    void beginStream();
    void send(const QByteArray& frames);
    void recordUsage(const QJsonObject& line);
    void done();

    ExchangePtr m_exchange;
    OllamaCall* m_call;
    Translator m_translator;
    NdjsonLineBuffer m_lines;
    QByteArray m_errorBody; ///< the body of a native error status, collected
    QTimer m_keepAlive;
    int m_upstreamStatus = 0;
    bool m_sentSinceTick = false;
};

} // namespace llamagate
