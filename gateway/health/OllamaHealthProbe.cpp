#include "gateway/health/OllamaHealthProbe.h"

#include "gateway/ollama/OllamaCall.h"
#include "gateway/ollama/OllamaClient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace llamagate {

OllamaHealthProbe::OllamaHealthProbe(QObject* parent) : QObject(parent), m_timer(this)
{
    m_client = new OllamaClient(this);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &OllamaHealthProbe::probe);
}

void OllamaHealthProbe::stopWatching()
{
    m_timer.stop();
    if (m_call) {
        m_call->abort();
        m_call->deleteLater();
        m_call = nullptr;
    }
}

void OllamaHealthProbe::watch(const QUrl& baseUrl, qint64 timeoutMs)
{
    stopWatching();
    if (baseUrl != m_client->baseUrl())
        m_status = OllamaStatus();
    m_client->setBaseUrl(baseUrl);
    m_timeoutMs = timeoutMs;
    m_timer.start();
    probe();
}

void OllamaHealthProbe::probe()
{
    if (m_call)
        return; // the previous probe is still waiting for its answer or its timeout
    OllamaCall* call = m_client->get(QStringLiteral("/api/version"), m_timeoutMs, this);
    m_call = call;
    connect(call, &OllamaCall::finished, this, [this, call] {
        call->deleteLater();
        m_call = nullptr;
        OllamaStatus status;
        if (call->status() != 200) {
            status.state = OllamaStatus::State::Unreachable;
            status.error = tr("Ollama answered HTTP %1").arg(call->status());
        } else {
            status.state = OllamaStatus::State::Reachable;
            status.version = QJsonDocument::fromJson(call->body()).object().value(QStringLiteral("version")).toString();
        }
        report(status);
    });
    connect(call, &OllamaCall::failed, this, [this, call](const ApiError& error) {
        call->deleteLater();
        m_call = nullptr;
        report({OllamaStatus::State::Unreachable, QString(), error.message});
    });
}

void OllamaHealthProbe::report(const OllamaStatus& status)
{
    if (status == m_status)
        return;
    m_status = status;
    emit statusChanged(status);
}

} // namespace llamagate
