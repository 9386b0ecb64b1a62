#pragma once

#include "ui/StatusTracker.h"

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace llamagate {

/// The tray icon: its picture and tooltip follow the gateway's health; its menu opens the panel, starts and stops
/// the gateway, copies the endpoint, switches launch at login and quits. Tells the comings and goings of Ollama and
/// of the MCP servers in a notification.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(const StatusTracker& status, QObject* parent = nullptr);
    ~TrayIcon() override;

    void show();
    void setLaunchAtLogin(bool enabled);
    /// Shows a notification next to the tray icon.
    void notify(const QString& title, const QString& message);

    QMenu* menu() const { return m_menu; }
    QString toolTip() const;
    /// The health the icon shows now.
    Health shownHealth() const { return m_shownHealth; }

signals:
    void openPanelRequested();
    void startRequested();
    void stopRequested();
    void launchAtLoginToggled(bool enabled);
    void quitRequested();

private:
    void refresh();

    const StatusTracker& m_status;
    QSystemTrayIcon* m_icon = nullptr;
    QMenu* m_menu = nullptr;
    QAction* m_statusLine = nullptr;
    QAction* m_startStop = nullptr;
    QAction* m_copyEndpoint = nullptr;
    QAction* m_launchAtLogin = nullptr;
    Health m_shownHealth = Health::Stopped;
};

} // namespace llamagate
