#pragma once

#include "gateway/health/OllamaStatus.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace llamagate {

class OllamaCall;
class OllamaClient;

/// Asks Ollama for its version now and then (GET /api/version), and for its models (GET /api/tags) when it answers
/// and they were not read lately; reports when its reachability, version or models change. Lives on the gateway
/// thread; GatewayHost forwards its signal as a value.
class OllamaHealthProbe : public QObject
{
    Q_OBJECT
public:
    explicit OllamaHealthProbe(QObject* parent = nullptr);

    /// How often Ollama is asked while it answers, and while it does not.
    static constexpr int kIntervalMs = 5000;
    /// How long the model list is trusted while Ollama keeps answering (each time it comes back, it is read again).
    static constexpr int kModelsIntervalMs = 30000;

public slots:
    /// Probes this server from now on (at once, then every kIntervalMs), each probe bounded by timeoutMs.
    void watch(const QUrl& baseUrl, qint64 timeoutMs);
    /// Stops probing (the gateway was stopped).
    void stopWatching();

signals:
    void statusChanged(const llamagate::OllamaStatus& status);

private:
    void probe();
    /// GET `path`: `answered` gets the body of a 200, `failed` the reason for anything else.
    void ask(const QString& path,
             std::function<void(const QByteArray&)> answered,
             std::function<void(const QString&)> failed);
    void readModels(OllamaStatus status);
    void report(const OllamaStatus& status);

    OllamaClient* m_client = nullptr;
    QPointer<OllamaCall> m_call;
    QTimer m_timer;
    qint64 m_timeoutMs = 0;
    OllamaStatus m_status;
    QElapsedTimer m_modelsRead; ///< since the models were last read; invalid while they are not known
};

} // namespace llamagate
