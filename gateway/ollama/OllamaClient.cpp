#include "gateway/ollama/OllamaClient.h"

#include "gateway/ollama/OllamaCall.h"

#include <QNetworkReply>
#include <QNetworkProxy>
#include <QNetworkRequest>

namespace llamagate {

OllamaClient::OllamaClient(QObject* parent) : QObject(parent), m_network(this)
{
    // Ollama is local: never route it through a system proxy, and keep connections alive.
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_network.setAutoDeleteReplies(false);
}

OllamaCall* OllamaClient::send(const QByteArray& method,
                               const QString& path,
                               const QByteArray& body,
                               qint64 timeoutMs,
                               bool streamed,
                               QObject* owner,
                               const QByteArray& contentType)
{
    QUrl url = m_baseUrl;
    url.setPath(url.path() + path);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!body.isEmpty() || method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
    return new OllamaCall(reply, timeoutMs, streamed, owner);
}

} // namespace llamagate
