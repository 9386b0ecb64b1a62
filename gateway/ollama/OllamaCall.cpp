#include "gateway/ollama/OllamaCall.h"

#include "gateway/ollama/OllamaClient.h"
#include "gateway/ollama/UpstreamConnection.h"

#include <QTimerEvent>

#include <limits>

namespace llamagate {

OllamaCall::OllamaCall(
    OllamaClient* client, QByteArray request, bool headRequest, qint64 timeoutMs, bool streamed, QObject* parent)
    : QObject(parent), m_client(client), m_request(std::move(request)), m_timeoutMs(timeoutMs),
      m_headRequest(headRequest), m_streamed(streamed)
{
    client->callStarted();
    restartTimeout();
    start(false);
}

OllamaCall::~OllamaCall()
{
    abort();
}

void OllamaCall::start(bool freshConnection)
{
    m_connection = m_client->acquire(freshConnection);
    m_connection->send(m_request, m_headRequest, this);
}

void OllamaCall::detach()
{
    m_timer.stop();
    if (!m_done && m_client)
        m_client->callEnded();
    m_done = true;
    if (m_connection)
        m_connection->forget();
}

void OllamaCall::abort()
{
    if (m_done)
        return;
    UpstreamConnection* connection = m_connection;
    detach();
    m_slot.reset();
    if (connection && m_client)
        m_client->release(connection, false); // a half-read response: the connection cannot be reused
}

void OllamaCall::onResponseStarted(int status, const QByteArray& contentType)
{
    m_status = status;
    m_contentType = contentType;
    if (m_streamed)
        emit responseStarted(status, contentType);
}

void OllamaCall::onBody(const QByteArray& bytes)
{
    if (!m_streamed) {
        m_body += bytes;
        return;
    }
    // A stream that keeps producing may run as long as it needs: the timeout now bounds each silence instead.
    restartTimeout();
    emit dataReceived(bytes);
}

void OllamaCall::onResponseFinished(bool reusable)
{
    const ModelQueue::SlotPtr slot = std::move(m_slot); // freed on return, after the answer has been handled
    UpstreamConnection* connection = m_connection;
    detach();
    if (m_client)
        m_client->release(connection, reusable);
    if (m_whenDone)
        m_whenDone(nullptr);
    else
        emit finished();
}

void OllamaCall::onConnectionFailed(const QString& error, bool beforeResponse)
{
    UpstreamConnection* connection = m_connection;
    const bool staleKeepAlive = beforeResponse && connection && connection->wasReused();
    if (connection && m_client) {
        connection->forget();
        m_client->release(connection, false);
    }
    if (staleKeepAlive && m_client) {
        start(true); // Ollama closed an idle connection just as we reused it: try once on a new one
        return;
    }
    detach();
    reportFailed(ApiError::upstreamUnreachable(
        beforeResponse ? error : QStringLiteral("connection lost mid-response: %1").arg(error)));
}

void OllamaCall::restartTimeout()
{
    m_timer.start(int(qMin<qint64>(m_timeoutMs, std::numeric_limits<int>::max())), Qt::CoarseTimer, this);
}

void OllamaCall::timerEvent(QTimerEvent* event)
{
    if (event->timerId() != m_timer.timerId())
        return QObject::timerEvent(event);
    m_timer.stop();
    onTimeout();
}

void OllamaCall::onTimeout()
{
    const bool midStream = m_streamed && m_status != 0;
    abort();
    ApiError timeout = ApiError::upstreamTimeout(m_timeoutMs);
    if (midStream)
        timeout.message = QStringLiteral("Ollama sent nothing for %1 ms in the middle of its answer").arg(m_timeoutMs);
    reportFailed(timeout);
}

void OllamaCall::reportFailed(const ApiError& error)
{
    const ModelQueue::SlotPtr slot = std::move(m_slot); // freed on return, after the failure has been handled
    if (m_whenDone)
        m_whenDone(&error);
    else
        emit failed(error);
}

} // namespace llamagate
