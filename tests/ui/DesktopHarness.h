#pragma once

#include "app/DesktopController.h"
#include "gateway/GatewayHost.h"

#include <QHash>
#include <QJsonObject>
#include <QMessageBox>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

class QAction;
class QWidget;

namespace llamagate {

class ControlPanel;
class TrayIcon;

namespace testing {

constexpr int kTimeoutMs = 15000;

/// The scripted fake Ollama of tests/fake-ollama, on an ephemeral loopback port, for as long as the object lives.
class FakeOllama
{
public:
    ~FakeOllama();
    bool start();
    QString url() const { return m_url; }

private:
    QProcess m_process;
    QString m_url;
};

/// Answers the message boxes that open while it lives (a confirmation, say) with this button.
class MessageBoxAnswer
{
public:
    explicit MessageBoxAnswer(QMessageBox::StandardButton button);

private:
    QTimer m_timer;
};

/// A loopback port nobody listens on right now.
quint16 unusedPort();
/// The tray menu's action with this text, or null.
QAction* menuAction(const TrayIcon& tray, const QString& text);
/// An HTTP answer: status (0 when the connection failed, -1 on timeout), headers and body.
struct HttpReply
{
    int status = -1;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QJsonObject json() const;
};
/// Sends a request (a JSON body, if any) with this API key, if any, and waits for the answer.
HttpReply
httpSend(const QByteArray& method, const QString& url, const QJsonObject& body = {}, const QString& apiKey = {});
/// GET with this API key, if any: the HTTP status, 0 when the connection failed, -1 on timeout.
int httpGet(const QString& url, const QString& apiKey = {});
/// server-everything from tests/node_modules over stdio, as an MCP_SERVERS entry with this name.
QJsonObject everythingServer(const QString& name);
/// Shows the control panel's page with this object name and returns it (null when there is none).
QWidget* showPage(ControlPanel& panel, const QString& objectName);

/// The desktop app as main starts it, in this process: a gateway host and its DesktopController over a settings
/// file in a temporary folder (port 0 saved), with the Linux autostart backend redirected into that folder.
class DesktopHarness
{
public:
    DesktopHarness();
    /// Stops the gateway (waiting for it) before everything goes.
    ~DesktopHarness();

    /// Starts the app with these environment variables; fails the current test unless the gateway comes up.
    void run(const QHash<QString, QString>& environment, bool trayAvailable = true, bool toTray = false);

    QTemporaryDir& dir() { return m_dir; }
    QString settingsFile() const { return m_settingsFile; }
    GatewayHost& host() const { return *m_host; }
    DesktopController& desktop() const { return *m_desktop; }

private:
    QTemporaryDir m_dir;
    QString m_settingsFile;
    std::unique_ptr<GatewayHost> m_host;
    std::unique_ptr<DesktopController> m_desktop;
};

} // namespace testing
} // namespace llamagate
