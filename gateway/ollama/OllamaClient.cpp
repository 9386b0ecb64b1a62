#include "gateway/ollama/OllamaClient.h"

#include "gateway/http/HttpHeadWriter.h"
#include "gateway/log/JsonLogger.h"
#include "gateway/ollama/OllamaCall.h"
#include "gateway/ollama/UpstreamConnection.h"

#include <algorithm>

namespace llamagate {

namespace {

constexpr int kIdleConnectionMs = 30'000; // Ollama (Go's net/http) keeps idle connections longer than this
constexpr int kMaxIdleConnections = 64;

/// The path as a request target: as it is when it needs no escaping (the common case, and no QUrl to build), else
/// percent-encoded by QUrl.
QByteArray requestTarget(const QString& path)
{
    const bool plain = std::all_of(path.begin(), path.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '/' || u == '-' ||
               u == '.' || u == '_' || u == '~';
    });
    return plain ? path.toLatin1() : QUrl(path).toEncoded(QUrl::FullyEncoded);
}

} // namespace

OllamaClient::OllamaClient(QObject* parent) : QObject(parent), m_idleSweep(this)
{
    connect(&m_idleSweep, &QTimer::timeout, this, &OllamaClient::closeIdleConnections);
    m_idleSweep.start(kIdleConnectionMs / 2);
}

OllamaClient::~OllamaClient() = default;

void OllamaClient::setBaseUrl(const QUrl& baseUrl)
{
    if (baseUrl == m_baseUrl)
        return;
    m_baseUrl = baseUrl;
    const QString basePath = baseUrl.path();
    m_basePath = basePath.isEmpty() || basePath == u"/" ? QByteArray() : basePath.toUtf8();
    m_hostHeader = "Host: " + baseUrl.authority().toUtf8() + "\r\n";
    for (const QPointer<UpstreamConnection>& connection : std::as_const(m_idle)) {
        if (connection)
            connection->deleteLater();
    }
    m_idle.clear();
}

OllamaCall* OllamaClient::send(const QByteArray& method,
                               const QString& path,
                               const QByteArray& body,
                               qint64 timeoutMs,
                               bool streamed,
                               QObject* owner,
                               const QByteArray& contentType,
                               const HttpHeaders& extraHeaders)
{
    const QByteArray target = requestTarget(path);
    const HttpHeadWriter::Decimal bodySize(body.size());
    HttpHeadWriter head;
    head.add({method, " ", m_basePath, target, " HTTP/1.1\r\n", m_hostHeader});
    bool hasUserAgent = false;
    for (const auto& [name, value] : extraHeaders) {
        hasUserAgent = hasUserAgent || name.compare("user-agent", Qt::CaseInsensitive) == 0;
        head.addHeader(name, value);
    }
    if (!hasUserAgent)
        head.addHeader("User-Agent", "LlamaGate/" LLAMAGATE_VERSION);
    if (!body.isEmpty() || method == "POST" || method == "PUT") {
        head.addHeader("Content-Type", contentType);
        head.addHeader("Content-Length", bodySize.view());
    }
    head.add({"\r\n", body});
    QByteArray request;
    head.appendTo(request);
    if (JsonLogger::instance().debugEnabled()) {
        logDebug(QStringLiteral("upstream request"),
                 {{QStringLiteral("method"), QString::fromLatin1(method)},
                  {QStringLiteral("url"), m_baseUrl.toString() + path}});
    }
    return new OllamaCall(this, request, method == "HEAD", timeoutMs, streamed, owner);
}

UpstreamConnection* OllamaClient::acquire(bool fresh)
{
    while (!fresh && !m_idle.isEmpty()) {
        QPointer<UpstreamConnection> connection = m_idle.takeLast();
        if (connection && connection->isIdle())
            return connection;
        if (connection)
            connection->deleteLater();
    }
    return new UpstreamConnection(m_baseUrl, this);
}

void OllamaClient::release(UpstreamConnection* connection, bool reusable)
{
    if (reusable && connection->isIdle() && m_idle.size() < kMaxIdleConnections) {
        m_idle.append(connection);
        return;
    }
    connection->close();
    connection->deleteLater();
}

void OllamaClient::closeIdleConnections()
{
    for (qsizetype index = m_idle.size() - 1; index >= 0; --index) {
        UpstreamConnection* connection = m_idle.at(index);
        if (!connection || !connection->isIdle() || connection->idleMs() > kIdleConnectionMs) {
            if (connection)
                connection->deleteLater();
            m_idle.removeAt(index);
        }
    }
}

} // namespace llamagate
