#include "ui/TrayIcon.h"

#include "ui/StatusIcons.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QSystemTrayIcon>

namespace llamagate {

TrayIcon::TrayIcon(const StatusTracker& status, QObject* parent) : QObject(parent), m_status(status)
{
    m_menu = new QMenu;
    QAction* open = m_menu->addAction(tr("Open Control Panel"), this, &TrayIcon::openPanelRequested);
    m_menu->setDefaultAction(open);
    m_menu->addSeparator();
    m_statusLine = m_menu->addAction(QString());
    m_statusLine->setEnabled(false);
    m_startStop = m_menu->addAction(QString(), this, [this] {
        if (m_status.state() == GatewayState::Stopped)
            emit startRequested();
        else
            emit stopRequested();
    });
    m_copyEndpoint = m_menu->addAction(
        tr("Copy Endpoint URL"), this, [this] { QGuiApplication::clipboard()->setText(m_status.endpoint()); });
    m_menu->addSeparator();
    m_launchAtLogin = m_menu->addAction(tr("Launch at Login"));
    m_launchAtLogin->setCheckable(true);
    connect(m_launchAtLogin, &QAction::triggered, this, &TrayIcon::launchAtLoginToggled);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit LlamaGate"), this, &TrayIcon::quitRequested);

    m_icon = new QSystemTrayIcon(this);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit openPanelRequested();
    });
    connect(&m_status, &StatusTracker::changed, this, &TrayIcon::refresh);
    connect(&m_status, &StatusTracker::ollamaReachabilityChanged, this, [this](bool reachable) {
        if (reachable)
            notify(tr("Ollama is back"), tr("Ollama at %1 answers again.").arg(m_status.ollamaHost()));
        else
            notify(tr("Ollama is not reachable"),
                   tr("Ollama at %1 does not answer: %2").arg(m_status.ollamaHost(), m_status.ollama().error));
    });
    connect(&m_status, &StatusTracker::mcpServerReachabilityChanged, this, [this](const QString& name, bool ready) {
        if (ready)
            notify(tr("MCP server %1 is back").arg(name), tr("Its tools can be used again."));
        else
            notify(tr("MCP server %1 failed").arg(name), m_status.mcpServerStatus(name).lastError);
    });
    refresh();
    m_icon->setIcon(healthIcon(m_shownHealth));
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::show()
{
    m_icon->show();
}

void TrayIcon::setLaunchAtLogin(bool enabled)
{
    m_launchAtLogin->setChecked(enabled);
}

void TrayIcon::notify(const QString& title, const QString& message)
{
    if (m_icon->isVisible())
        m_icon->showMessage(title, message, healthIcon(m_status.health()));
}

QString TrayIcon::toolTip() const
{
    return m_icon->toolTip();
}

void TrayIcon::refresh()
{
    const GatewayState state = m_status.state();
    m_statusLine->setText(m_status.summary());
    m_startStop->setText(state == GatewayState::Stopped ? tr("Start Gateway") : tr("Stop Gateway"));
    m_startStop->setEnabled(state == GatewayState::Stopped || state == GatewayState::Running);
    m_copyEndpoint->setEnabled(!m_status.endpoint().isEmpty());

    QStringList lines{tr("LlamaGate — %1").arg(m_status.summary())};
    if (!m_status.endpoint().isEmpty())
        lines.append(m_status.endpoint());
    lines.append(tr("%n request(s) served", nullptr, int(m_status.requestsServed())));
    m_icon->setToolTip(lines.join(u'\n'));

    if (m_status.health() != m_shownHealth) {
        m_shownHealth = m_status.health();
        m_icon->setIcon(healthIcon(m_shownHealth));
    }
}

} // namespace llamagate
