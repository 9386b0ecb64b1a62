#include "gateway/ollama/OllamaClient.h"

#include "gateway/log/JsonLogger.h"
#include "gateway/ollama/OllamaCall.h"

#include <QNetworkReply>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkRequest>

namespace llamagate {

OllamaClient::OllamaClient(QObject* parent) : QObject(parent) {}

int OllamaClient::activeRequests() const
{
    int total = 0;
    for (const Lane& lane : m_lanes)
        total += lane.active;
    return total;
}

QNetworkAccessManager* OllamaClient::leastBusyManager()
{
    Lane* best = nullptr;
    for (Lane& lane : m_lanes) {
        if (!best || lane.active < best->active)
            best = &lane;
    }
    if (!best || best->active >= kConnectionsPerManager) {
        auto* manager = new QNetworkAccessManager(this);
        // Ollama is local: never route it through a system proxy.
        manager->setProxy(QNetworkProxy::NoProxy);
        m_lanes.append({manager, 0});
        best = &m_lanes.last();
    }
    ++best->active;
    return best->manager;
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
    logDebug(QStringLiteral("upstream request"),
             {{QStringLiteral("method"), QString::fromLatin1(method)}, {QStringLiteral("url"), url.toString()}});
    QNetworkAccessManager* manager = leastBusyManager();
    QNetworkReply* reply = manager->sendCustomRequest(request, method, body);
    connect(reply, &QObject::destroyed, this, [this, manager] {
        for (Lane& lane : m_lanes) {
            if (lane.manager == manager)
                --lane.active;
        }
    });
    return new OllamaCall(reply, timeoutMs, streamed, owner);
}

} // namespace llamagate
