#pragma once

#include "gateway/health/OllamaStatus.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace llamagate {

class OllamaCall;
class OllamaClient;

/// Asks Ollama for its version now and then (GET /api/version) and reports when its reachability or version
/// changes. Lives on the gateway thread; GatewayHost forwards its signal as a value.
class OllamaHealthProbe : public QObject
{
    Q_OBJECT
public:
    explicit OllamaHealthProbe(QObject* parent = nullptr);

    /// How often Ollama is asked while it answers, and while it does not.
    static constexpr int kIntervalMs = 5000;

public slots:
    /// Probes this server from now on (at once, then every kIntervalMs), each probe bounded by timeoutMs.
    void watch(const QUrl& baseUrl, qint64 timeoutMs);
    /// Stops probing (the gateway was stopped).
    void stopWatching();

signals:
    void statusChanged(const llamagate::OllamaStatus& status);

private:
    void probe();
    void report(const OllamaStatus& status);

    OllamaClient* m_client = nullptr;
    QPointer<OllamaCall> m_call;
    QTimer m_timer;
    qint64 m_timeoutMs = 0;
    OllamaStatus m_status;
};

} // namespace llamagate
