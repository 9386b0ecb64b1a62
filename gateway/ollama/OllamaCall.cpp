#include "gateway/ollama/OllamaCall.h"

#include <QNetworkReply>

namespace llamagate {

OllamaCall::OllamaCall(QNetworkReply* reply, qint64 timeoutMs, bool streamed, QObject* parent)
    : QObject(parent), m_reply(reply), m_timeoutMs(timeoutMs), m_streamed(streamed)
{
    reply->setParent(this);
    connect(reply, &QNetworkReply::metaDataChanged, this, &OllamaCall::onMetaDataChanged);
    connect(reply, &QNetworkReply::readyRead, this, &OllamaCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &OllamaCall::onFinished);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OllamaCall::onTimeout);
    m_timer.start(std::chrono::milliseconds(timeoutMs));
}

OllamaCall::~OllamaCall()
{
    abort();
}

void OllamaCall::abort()
{
    m_timer.stop();
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void OllamaCall::onMetaDataChanged()
{
    if (m_status != 0 || !m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_status = status.toInt();
    m_contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (m_streamed)
        emit responseStarted(m_status, m_contentType);
}

void OllamaCall::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_streamed) {
        m_body += m_reply->readAll();
        return;
    }
    onMetaDataChanged();
    const QByteArray bytes = m_reply->readAll();
    if (bytes.isEmpty())
        return;
    // A stream that keeps producing may run as long as it needs: the timeout now bounds each silence instead.
    m_timer.start(std::chrono::milliseconds(m_timeoutMs));
    emit dataReceived(bytes);
}

void OllamaCall::onFinished()
{
    if (!m_reply)
        return;
    m_timer.stop();
    onMetaDataChanged();
    onReadyRead();
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();

    const QNetworkReply::NetworkError error = reply->error();
    const bool transportError = error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
    if (m_timedOut) {
        ApiError timeout = ApiError::upstreamTimeout(m_timeoutMs);
        if (m_streamed && m_status != 0)
            timeout.message = QStringLiteral("Ollama sent nothing for %1 ms in the middle of its answer").arg(m_timeoutMs);
        emit failed(timeout);
    } else if (m_status == 0 || (transportError && m_streamed)) {
        const QString detail = m_status == 0 ? reply->errorString()
                                             : QStringLiteral("connection lost mid-response: %1").arg(reply->errorString());
        emit failed(ApiError::upstreamUnreachable(detail));
    } else {
        emit finished();
    }
}

void OllamaCall::onTimeout()
{
    m_timedOut = true;
    if (m_reply)
        m_reply->abort(); // finished() follows and reports the timeout
}

} // namespace llamagate
