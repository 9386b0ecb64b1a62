#pragma once

#include "gateway/ollama/ModelQueue.h"
#include "gateway/ollama/UpstreamConnection.h"
#include "gateway/openai/ApiError.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <functional>

namespace llamagate {

class OllamaClient;

/// One HTTP request to Ollama. Either collects the whole answer, or hands over the bytes as they arrive
/// (streamed). The timeout bounds a collected call as a whole, and a streamed one until its first bytes and then
/// each silence between them. Can be aborted; reports transport failures as ApiErrors.
class OllamaCall : public QObject, private UpstreamConnection::Listener
{
    Q_OBJECT
public:
    OllamaCall(OllamaClient* client,
               QByteArray request,
               bool headRequest,
               qint64 timeoutMs,
               bool streamed,
               QObject* parent = nullptr);
    ~OllamaCall() override;

    /// Cancels the request; no signal follows.
    void abort();

    int status() const { return m_status; }
    QByteArray contentType() const { return m_contentType; }
    /// The whole body (collected calls only).
    QByteArray body() const { return m_body; }
    bool headersReceived() const { return m_status != 0; }

    /// Hears the end of the call instead of the finished and failed signals: null on success (status() and body()
    /// hold the answer), else the error. One plain call: no signal connections to make and break per request.
    void whenDone(std::function<void(const ApiError* error)> done) { m_whenDone = std::move(done); }

    /// Holds the model's queue slot until the call is done: answered (once its listener has handled the answer),
    /// failed or aborted.
    void holdSlot(ModelQueue::SlotPtr slot) { m_slot = std::move(slot); }

signals:
    /// Status and headers arrived (streamed calls only, before the first dataReceived).
    void responseStarted(int status, const QByteArray& contentType);
    /// The next bytes of the body (streamed calls only).
    void dataReceived(const QByteArray& bytes);
    /// The answer is complete; status() and (collected) body() hold it.
    void finished();
    /// No complete answer: Ollama unreachable, connection lost, or too slow.
    void failed(const ApiError& error);

protected:
    void timerEvent(QTimerEvent* event) override;

private:
    void start(bool freshConnection);
    void restartTimeout();
    void onResponseStarted(int status, const QByteArray& contentType) override;
    void onBody(const QByteArray& bytes) override;
    void onResponseFinished(bool reusable) override;
    void onConnectionFailed(const QString& error, bool beforeResponse) override;
    void onTimeout();
    void detach();
    void reportFailed(const ApiError& error);

    QPointer<OllamaClient> m_client;
    QPointer<UpstreamConnection> m_connection;
    QByteArray m_request;
    QBasicTimer m_timer; ///< the timeout: no QTimer object per call
    qint64 m_timeoutMs;
    bool m_headRequest;
    bool m_streamed;
    bool m_done = false;
    int m_status = 0;
    QByteArray m_contentType;
    QByteArray m_body;
    std::function<void(const ApiError*)> m_whenDone;
    ModelQueue::SlotPtr m_slot;
};

} // namespace llamagate
