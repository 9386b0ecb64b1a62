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
    qRegisterMetaType<CacheSnapshot>();
    qRegisterMetaType<QList<McpServerSnapshot>>();
    m_thread.setObjectName(QStringLiteral("gateway"));
    m_gateway = new Gateway;
    m_gateway->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_gateway, &QObject::deleteLater);
    connect(m_gateway, &Gateway::started, this, &GatewayHost::started);
    connect(m_gateway, &Gateway::startFailed, this, &GatewayHost::startFailed);
    connect(m_gateway, &Gateway::stopped, this, &GatewayHost::stopped);
    connect(m_gateway, &Gateway::cacheReported, this, &GatewayHost::cacheReported);
    connect(m_gateway, &Gateway::mcpServersChanged, this, &GatewayHost::mcpServersChanged);
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

void GatewayHost::requestCacheReport()
{
    QMetaObject::invokeMethod(m_gateway, &Gateway::reportCache, Qt::QueuedConnection);
}

void GatewayHost::clearCache()
{
    QMetaObject::invokeMethod(m_gateway, &Gateway::clearCache, Qt::QueuedConnection);
}

void GatewayHost::restartMcpServer(const QString& name)
{
    QMetaObject::invokeMethod(
        m_gateway, [gateway = m_gateway, name] { gateway->restartMcpServer(name); }, Qt::QueuedConnection);
}

} // namespace llamagate
