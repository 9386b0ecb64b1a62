#include "gateway/health/OllamaHealthProbe.h"

#include "gateway/ollama/OllamaCall.h"
#include "gateway/ollama/OllamaClient.h"

#include <QJsonArray>
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
    if (baseUrl != m_client->baseUrl()) {
        m_status = OllamaStatus();
        m_modelsRead.invalidate();
    }
    m_client->setBaseUrl(baseUrl);
    m_timeoutMs = timeoutMs;
    m_timer.start();
    probe();
}

void OllamaHealthProbe::probe()
{
    if (m_call)
        return; // the previous probe is still waiting for its answer or its timeout
    ask(
        QStringLiteral("/api/version"),
        [this](const QByteArray& body) {
            OllamaStatus status;
            status.state = OllamaStatus::State::Reachable;
            status.version = QJsonDocument::fromJson(body).object().value(QStringLiteral("version")).toString();
            status.models = m_status.models;
            const bool modelsKnown = m_status.state == OllamaStatus::State::Reachable && m_modelsRead.isValid() &&
                                     !m_modelsRead.hasExpired(kModelsIntervalMs);
            if (modelsKnown)
                report(status);
            else
                readModels(status);
        },
        [this](const QString& error) {
            m_modelsRead.invalidate();
            report({OllamaStatus::State::Unreachable, QString(), error, {}});
        });
}

void OllamaHealthProbe::readModels(OllamaStatus status)
{
    ask(
        QStringLiteral("/api/tags"),
        [this, status](const QByteArray& body) mutable {
            status.models.clear();
            for (const QJsonValue& model :
                 QJsonDocument::fromJson(body).object().value(QStringLiteral("models")).toArray())
                status.models.append(model.toObject().value(QStringLiteral("name")).toString());
            m_modelsRead.start();
            report(status);
        },
        [this, status](const QString&) { report(status); }); // reachable still; the list is tried again next time
}

void OllamaHealthProbe::ask(const QString& path,
                            std::function<void(const QByteArray&)> answered,
                            std::function<void(const QString&)> failed)
{
    OllamaCall* call = m_client->get(path, m_timeoutMs, this);
    m_call = call;
    connect(call, &OllamaCall::finished, this, [this, call, answered, failed] {
        call->deleteLater();
        m_call = nullptr;
        if (call->status() == 200)
            answered(call->body());
        else
            failed(tr("Ollama answered HTTP %1").arg(call->status()));
    });
    connect(call, &OllamaCall::failed, this, [this, call, failed](const ApiError& error) {
        call->deleteLater();
        m_call = nullptr;
        failed(error.message);
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
