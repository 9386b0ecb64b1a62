#pragma once

#include "gateway/config/GatewayConfig.h"
#include "gateway/health/OllamaStatus.h"
#include "gateway/log/RequestLogEntry.h"

#include <QObject>
#include <QThread>

namespace llamagate {

class Gateway;
class OllamaHealthProbe;

/// Runs the Gateway on its own thread and talks to it only through queued calls and signals carrying values.
/// The headless runner and the tray app both drive the gateway through this class; on request it also watches
/// whether Ollama answers (ollamaStatusChanged).
class GatewayHost : public QObject
{
    Q_OBJECT
public:
    explicit GatewayHost(QObject* parent = nullptr);
    ~GatewayHost() override;

    void start(const GatewayConfig& config);
    void stop();
    /// Whether to keep asking Ollama whether it is up (ollamaStatusChanged) while the gateway runs. Off by default:
    /// only the desktop app shows it, and a headless gateway sends Ollama nothing it was not asked for.
    void setWatchOllama(bool watch) { m_watchOllama = watch; }
    /// Accepts the API keys stored in this settings file; call before start().
    void useKeyStore(const QString& settingsFile);

signals:
    void started(const QString& address, quint16 port);
    void startFailed(const QString& error);
    void stopped();
    void requestLogged(const llamagate::RequestLogEntry& entry);
    void ollamaStatusChanged(const llamagate::OllamaStatus& status);

protected:
    void connectNotify(const QMetaMethod& signal) override;

private:
    QThread m_thread;
    Gateway* m_gateway = nullptr;
    OllamaHealthProbe* m_probe = nullptr;
    bool m_watchOllama = false;
    bool m_forwardingRequests = false;
};

} // namespace llamagate
