#pragma once

#include "gateway/config/ConfigLoader.h"
#include "mcp/ServerConfig.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace llamagate {

class ApiKeysPage;
class Autostart;
class CachePage;
class ControlPanel;
class GatewayHost;
class LiveLogPage;
class McpSecretKeeper;
class McpServersPage;
class RequestLogModel;
class SecretStore;
class SettingsPage;
class StatusTracker;
class ToolPolicyPage;
class TrayIcon;

/// Wires the gateway host to the desktop: the status the tray and pages show, the control panel and its pages,
/// start/stop, settings applied live, launch at login, and quitting once the gateway has drained.
class DesktopController : public QObject
{
    Q_OBJECT
public:
    /// Builds the configuration from these saved settings and the other sources (.env, environment, flags).
    using ConfigBuilder = std::function<ConfigResult(const QHash<QString, QString>& saved)>;

    DesktopController(GatewayHost& host,
                      QString settingsFile,
                      ConfigBuilder buildConfig,
                      std::unique_ptr<Autostart> autostart,
                      QObject* parent = nullptr);
    ~DesktopController() override;

    /// Starts the gateway with `config` and shows the tray (when there is one) and the panel (unless `toTray`).
    void run(const GatewayConfig& config, bool trayAvailable, bool toTray);

    void startGateway();
    void stopGateway();
    /// Stops the gateway (letting in-flight requests finish), then emits quitReady().
    void quit();
    /// Keeps API key secrets and MCP servers' secret header values in this keychain, once it has answered.
    void useSecretStore(SecretStore* secrets);
    /// Saves these settings (after checking the whole configuration) and restarts the gateway with them; returns
    /// why not, or an empty string when they were saved and applied.
    QString applySettings(const QHash<QString, QString>& changes);

    ControlPanel& panel() const { return *m_panel; }
    /// The tray icon; null when there is no system tray.
    TrayIcon* tray() const { return m_tray.get(); }
    StatusTracker& status() const { return *m_status; }
    RequestLogModel& log() const { return *m_log; }
    SettingsPage& settingsPage() const { return *m_settings; }
    LiveLogPage& liveLogPage() const { return *m_liveLog; }
    McpServersPage& mcpServersPage() const { return *m_mcpServers; }
    ToolPolicyPage& toolPolicyPage() const { return *m_toolPolicy; }
    /// The configuration the gateway runs with (secrets included).
    const GatewayConfig& config() const { return m_config; }

signals:
    /// The gateway has stopped after quit(); the application can exit now.
    void quitReady();

private:
    void setLaunchAtLogin(bool enabled);
    void testOllama(const QUrl& url);
    /// Saves the MCP servers edited on their page: secret header values to the keychain, the rest as MCP_SERVERS.
    void saveMcpServers(QList<mcp::ServerConfig> servers);

    GatewayHost& m_host;
    QString m_settingsFile;
    ConfigBuilder m_buildConfig;
    std::unique_ptr<Autostart> m_autostart;
    GatewayConfig m_config;
    StatusTracker* m_status = nullptr;
    RequestLogModel* m_log = nullptr;
    std::unique_ptr<ControlPanel> m_panel;
    std::unique_ptr<TrayIcon> m_tray;
    ApiKeysPage* m_keys = nullptr;
    SettingsPage* m_settings = nullptr;
    LiveLogPage* m_liveLog = nullptr;
    McpServersPage* m_mcpServers = nullptr;
    McpSecretKeeper* m_mcpSecrets = nullptr;
    ToolPolicyPage* m_toolPolicy = nullptr;
    bool m_quitting = false;
};

} // namespace llamagate
