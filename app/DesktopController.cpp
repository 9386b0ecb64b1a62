#include "app/DesktopController.h"

#include "app/McpSecretKeeper.h"
#include "app/platform/Autostart.h"
#include "gateway/GatewayHost.h"
#include "gateway/config/SettingsVersion.h"
#include "gateway/health/OllamaHealthProbe.h"
#include "gateway/log/JsonLogger.h"
#include "gateway/log/LoggingOptions.h"
#include "gateway/tools/McpServerList.h"
#include "ui/ControlPanel.h"
#include "ui/StatusIcons.h"
#include "ui/StatusTracker.h"
#include "ui/TrayIcon.h"
#include "ui/models/RequestLogModel.h"
#include "ui/pages/ApiKeysPage.h"
#include "ui/pages/CachePage.h"
#include "ui/pages/LiveLogPage.h"
#include "ui/pages/McpServersPage.h"
#include "ui/pages/OverviewPage.h"
#include "ui/pages/SettingsPage.h"
#include "ui/pages/ToolPolicyPage.h"

#include <QMessageBox>
#include <QSettings>

namespace llamagate {

DesktopController::DesktopController(GatewayHost& host,
                                     QString settingsFile,
                                     ConfigBuilder buildConfig,
                                     std::unique_ptr<Autostart> autostart,
                                     QObject* parent)
    : QObject(parent), m_host(host), m_settingsFile(std::move(settingsFile)), m_buildConfig(std::move(buildConfig)),
      m_autostart(std::move(autostart))
{
    m_status = new StatusTracker(this);
    m_log = new RequestLogModel(1000, this);
    m_host.setWatchOllama(true);
    connect(&m_host, &GatewayHost::started, m_status, &StatusTracker::setStarted);
    connect(&m_host, &GatewayHost::startFailed, m_status, &StatusTracker::setStartFailed);
    connect(&m_host, &GatewayHost::stopped, m_status, &StatusTracker::setStopped);
    connect(&m_host, &GatewayHost::ollamaStatusChanged, m_status, &StatusTracker::setOllamaStatus);
    connect(&m_host, &GatewayHost::mcpServersChanged, m_status, &StatusTracker::setMcpServers);
    connect(&m_host, &GatewayHost::cacheReported, m_status, &StatusTracker::setCache);
    connect(&m_host, &GatewayHost::started, &m_host, &GatewayHost::requestCacheReport); // its settings may be new
    connect(&m_host, &GatewayHost::requestLogged, m_status, &StatusTracker::countRequest);
    connect(&m_host, &GatewayHost::requestLogged, m_log, &RequestLogModel::append);
    connect(&m_host, &GatewayHost::stopped, this, [this] {
        if (m_quitting)
            emit quitReady();
    });

    m_panel = std::make_unique<ControlPanel>();
    m_panel->setWindowIcon(appIcon());
    auto* overview = new OverviewPage(*m_status);
    connect(overview, &OverviewPage::startRequested, this, &DesktopController::startGateway);
    connect(overview, &OverviewPage::stopRequested, this, &DesktopController::stopGateway);
    connect(overview, &OverviewPage::cacheReportWanted, &m_host, &GatewayHost::requestCacheReport);
    m_keys = new ApiKeysPage(m_settingsFile);
    m_keys->setObjectName(QStringLiteral("api-keys"));
    m_mcpSecrets = new McpSecretKeeper(this);
    m_mcpServers = new McpServersPage;
    connect(&m_host, &GatewayHost::mcpServersChanged, m_mcpServers, &McpServersPage::setSnapshots);
    connect(m_mcpServers, &McpServersPage::restartRequested, &m_host, &GatewayHost::restartMcpServer);
    connect(m_mcpServers, &McpServersPage::serversChanged, this, &DesktopController::saveMcpServers);
    m_toolPolicy = new ToolPolicyPage;
    m_toolPolicy->setObjectName(QStringLiteral("tool-policy"));
    connect(&m_host, &GatewayHost::mcpServersChanged, m_toolPolicy, &ToolPolicyPage::setServers);
    connect(m_toolPolicy, &ToolPolicyPage::applyRequested, this, [this](const QHash<QString, QString>& changes) {
        m_toolPolicy->showResult(applySettings(changes));
    });
    m_liveLog = new LiveLogPage(m_log);
    auto* cache = new CachePage(*m_status);
    cache->setObjectName(QStringLiteral("cache"));
    connect(cache, &CachePage::reportWanted, &m_host, &GatewayHost::requestCacheReport);
    connect(cache, &CachePage::clearRequested, &m_host, &GatewayHost::clearCache);
    m_settings = new SettingsPage;
    connect(m_settings, &SettingsPage::applyRequested, this, [this](const QHash<QString, QString>& changes) {
        m_settings->showResult(applySettings(changes));
    });
    connect(m_settings, &SettingsPage::ollamaTestRequested, this, &DesktopController::testOllama);
    overview->setObjectName(QStringLiteral("overview"));
    m_mcpServers->setObjectName(QStringLiteral("mcp-servers"));
    m_liveLog->setObjectName(QStringLiteral("live-log"));
    m_settings->setObjectName(QStringLiteral("settings"));
    m_panel->addPage(tr("Overview"), overview);
    m_panel->addPage(tr("API Keys"), m_keys);
    m_panel->addPage(tr("MCP Servers"), m_mcpServers);
    m_panel->addPage(tr("Tool Policy"), m_toolPolicy);
    m_panel->addPage(tr("Live Log"), m_liveLog);
    m_panel->addPage(tr("Cache"), cache);
    m_panel->addPage(tr("Settings"), m_settings);
    connect(m_panel.get(), &ControlPanel::quitRequested, this, &DesktopController::quit);
}

DesktopController::~DesktopController() = default;

void DesktopController::run(const GatewayConfig& config, bool trayAvailable, bool toTray)
{
    m_config = config;
    m_config.setSecrets(m_mcpSecrets->values());
    m_settings->setConfig(config);
    m_mcpServers->setConfig(m_config);
    m_toolPolicy->setConfig(m_config);
    if (trayAvailable) {
        m_tray = std::make_unique<TrayIcon>(*m_status);
        m_tray->setLaunchAtLogin(m_autostart->isEnabled());
        connect(m_tray.get(), &TrayIcon::openPanelRequested, m_panel.get(), &ControlPanel::present);
        connect(m_tray.get(), &TrayIcon::startRequested, this, &DesktopController::startGateway);
        connect(m_tray.get(), &TrayIcon::stopRequested, this, &DesktopController::stopGateway);
        connect(m_tray.get(), &TrayIcon::launchAtLoginToggled, this, &DesktopController::setLaunchAtLogin);
        connect(m_tray.get(), &TrayIcon::quitRequested, this, &DesktopController::quit);
        m_tray->show();
    }
    m_panel->setClosingQuits(!trayAvailable);
    if (!trayAvailable || !toTray)
        m_panel->show();
    startGateway();
}

void DesktopController::startGateway()
{
    m_status->setStarting(m_config.text(Setting::OllamaHost));
    m_host.start(m_config);
}

void DesktopController::stopGateway()
{
    m_status->setStopping();
    m_host.stop();
}

void DesktopController::quit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    if (m_status->state() == GatewayState::Stopped) {
        emit quitReady();
        return;
    }
    stopGateway();
}

void DesktopController::useSecretStore(SecretStore* secrets)
{
    m_keys->useSecretStore(secrets);
    m_mcpServers->setKeychainAvailable(secrets != nullptr);
    const auto saved = McpServerList::fromSetting(m_config.text(Setting::McpServers), {}).servers;
    m_mcpSecrets->useStore(secrets, saved, [this] {
        m_config.setSecrets(m_mcpSecrets->values());
        m_mcpServers->setConfig(m_config);
        if (m_status->state() != GatewayState::Stopped)
            startGateway(); // applied live: servers whose secrets came in connect again
    });
}

QString DesktopController::applySettings(const QHash<QString, QString>& changes)
{
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    QHash<QString, QString> saved = ConfigLoader::readSaved(settings);
    saved.insert(changes);
    const ConfigResult result = m_buildConfig(saved);
    if (!result.config)
        return result.error;
    for (auto it = changes.begin(); it != changes.end(); ++it)
        settings.setValue(it.key(), it.value());
    SettingsVersion::stamp(settings);
    settings.sync(); // QSettings writes a new file and renames it over the old one
    if (settings.status() != QSettings::NoError)
        return tr("The settings could not be saved to %1.").arg(m_settingsFile);
    m_config = *result.config;
    m_config.setSecrets(m_mcpSecrets->values());
    JsonLogger::instance().configure(loggingOptions(m_config)); // the gateway thread logs through it too
    m_settings->setConfig(m_config);
    m_mcpServers->setConfig(m_config);
    m_toolPolicy->setConfig(m_config);
    startGateway();
    return {};
}

void DesktopController::saveMcpServers(QList<mcp::ServerConfig> servers)
{
    m_mcpSecrets->keep(servers, McpServerList::fromSetting(m_config.text(Setting::McpServers), {}).servers);
    m_mcpServers->showResult(
        applySettings({{settingSpec(Setting::McpServers).key, McpServerList::toSetting(servers)}}));
}

void DesktopController::testOllama(const QUrl& url)
{
    // A probe of its own on this thread, for one answer (it reports its first result as a change).
    auto* probe = new OllamaHealthProbe(this);
    connect(probe, &OllamaHealthProbe::statusChanged, this, [this, probe, url](const OllamaStatus& status) {
        m_settings->showOllamaTest(url, status);
        probe->deleteLater();
    });
    probe->watch(url, m_config.integer(Setting::HealthTimeout));
}

void DesktopController::setLaunchAtLogin(bool enabled)
{
    QString error;
    if (!m_autostart->setEnabled(enabled, &error))
        QMessageBox::warning(
            m_panel.get(), tr("Launch at Login"), tr("Could not change %1: %2").arg(m_autostart->location(), error));
    m_tray->setLaunchAtLogin(m_autostart->isEnabled());
}

} // namespace llamagate
