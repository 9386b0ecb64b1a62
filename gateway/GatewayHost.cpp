#include "gateway/GatewayHost.h"

#include "gateway/Gateway.h"
#include "gateway/health/OllamaHealthProbe.h"

#include <QMetaMethod>
#include <QMetaObject>

namespace llamagate {

GatewayHost::GatewayHost(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<GatewayConfig>();
    qRegisterMetaType<RequestLogEntry>();
    qRegisterMetaType<OllamaStatus>();
    m_thread.setObjectName(QStringLiteral("gateway"));
    m_gateway = new Gateway;
    m_gateway->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_gateway, &QObject::deleteLater);
    connect(m_gateway, &Gateway::started, this, &GatewayHost::started);
    connect(m_gateway, &Gateway::startFailed, this, &GatewayHost::startFailed);
    connect(m_gateway, &Gateway::stopped, this, &GatewayHost::stopped);
    m_probe = new OllamaHealthProbe;
    m_probe->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_probe, &QObject::deleteLater);
    connect(m_probe, &OllamaHealthProbe::statusChanged, this, &GatewayHost::ollamaStatusChanged);
    m_thread.start();
}

GatewayHost::~GatewayHost()
{
    m_thread.quit();
    m_thread.wait();
}

void GatewayHost::connectNotify(const QMetaMethod& signal)
{
    // Every request's log entry crosses to this thread only once someone listens (the desktop app's live log): a
    // headless gateway should not wake the main thread for each request.
    if (signal == QMetaMethod::fromSignal(&GatewayHost::requestLogged) && !m_forwardingRequests) {
        m_forwardingRequests = true;
        connect(m_gateway, &Gateway::requestLogged, this, &GatewayHost::requestLogged);
    }
}

void GatewayHost::start(const GatewayConfig& config)
{
    QMetaObject::invokeMethod(m_gateway, "start", Qt::QueuedConnection, Q_ARG(llamagate::GatewayConfig, config));
    if (m_watchOllama) {
        QMetaObject::invokeMethod(m_probe,
                                  "watch",
                                  Qt::QueuedConnection,
                                  Q_ARG(QUrl, QUrl(config.text(Setting::OllamaHost))),
                                  Q_ARG(qint64, config.integer(Setting::HealthTimeout)));
    }
}

void GatewayHost::stop()
{
    QMetaObject::invokeMethod(m_gateway, "stop", Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_probe, "stopWatching", Qt::QueuedConnection);
}

void GatewayHost::useKeyStore(const QString& settingsFile)
{
    QMetaObject::invokeMethod(m_gateway, "useKeyStore", Qt::QueuedConnection, Q_ARG(QString, settingsFile));
}

} // namespace llamagate
