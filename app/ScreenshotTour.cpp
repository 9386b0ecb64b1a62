#include "app/ScreenshotTour.h"

#include "app/DesktopController.h"
#include "gateway/log/JsonLogger.h"
#include "ui/ControlPanel.h"
#include "ui/StatusIcons.h"
#include "ui/StatusTracker.h"
#include "ui/TrayIcon.h"
#include "ui/models/RequestLogModel.h"
#include "ui/pages/LiveLogPage.h"
#include "ui/pages/McpServersPage.h"

#include <QDir>
#include <QMenu>
#include <QNetworkReply>
#include <QPainter>
#include <QTableView>
#include <QTimer>

namespace llamagate {

ScreenshotTour::ScreenshotTour(DesktopController& desktop, QString directory, QObject* parent)
    : QObject(parent), m_desktop(desktop), m_directory(std::move(directory))
{
    connect(&m_desktop.status(), &StatusTracker::changed, this, &ScreenshotTour::requestOnce);
    connect(&m_desktop.status(), &StatusTracker::changed, this, &ScreenshotTour::renderWhenSettled);
    connect(
        &m_desktop.log(),
        &QAbstractItemModel::rowsInserted,
        this,
        [this] {
            m_logged = true;
            renderWhenSettled();
        },
        Qt::SingleShotConnection);
}

void ScreenshotTour::requestOnce()
{
    const StatusTracker& status = m_desktop.status();
    if (m_requested || status.state() != GatewayState::Running || status.ollama().state == OllamaStatus::State::Unknown)
        return;
    m_requested = true;
    QNetworkReply* reply = m_network.get(QNetworkRequest(QUrl(status.endpoint() + QStringLiteral("/models"))));
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

void ScreenshotTour::renderWhenSettled()
{
    // Every MCP server has connected or failed (one that failed may be connecting again).
    const StatusTracker& status = m_desktop.status();
    const QList<McpServerSnapshot> servers = status.mcpServers();
    const bool mcpSettled = std::none_of(servers.cbegin(), servers.cend(), [&status](const McpServerSnapshot& server) {
        return server.status.state == mcp::ServerState::Connecting &&
               !status.failingMcpServers().contains(server.status.name);
    });
    if (!m_logged || m_rendered || !status.mcpReported() || !mcpSettled)
        return;
    m_rendered = true;
    // Let the views lay the new row and the last reports out before they are grabbed.
    QTimer::singleShot(300, this, &ScreenshotTour::render);
}

bool ScreenshotTour::save(const QPixmap& pixmap, const QString& name)
{
    const QString path = QDir(m_directory).filePath(name);
    if (pixmap.save(path))
        return true;
    logError(QStringLiteral("cannot write screenshot"), {{QStringLiteral("file"), path}});
    return false;
}

void ScreenshotTour::render()
{
    bool ok = QDir().mkpath(m_directory);
    ControlPanel& panel = m_desktop.panel();
    m_desktop.liveLogPage().view()->selectRow(0);
    m_desktop.mcpServersPage().view()->selectRow(0);
    for (int index = 0; index < panel.pageCount(); ++index) {
        panel.showPage(index);
        const QString name = panel.page(index)->objectName();
        ok = save(panel.grab(), QStringLiteral("%1-%2.png").arg(index + 1, 2, 10, QLatin1Char('0')).arg(name)) && ok;
    }
    if (TrayIcon* tray = m_desktop.tray()) {
        QMenu* menu = tray->menu();
        menu->popup(panel.geometry().center());
        ok = save(menu->grab(), QStringLiteral("tray-menu.png")) && ok;
        menu->hide();
    }
    // Every health state at the common tray sizes, side by side on a neutral background.
    const QList<int> sizes = {16, 22, 24, 32, 48, 64};
    const QList<Health> states = {Health::Running, Health::Degraded, Health::Stopped};
    QPixmap strip(8 + 72 * int(sizes.size()), 8 + 72 * int(states.size()));
    strip.fill(QColor(0xee, 0xee, 0xee));
    QPainter painter(&strip);
    for (int row = 0; row < states.size(); ++row) {
        for (int column = 0; column < sizes.size(); ++column)
            painter.drawPixmap(8 + 72 * column, 8 + 72 * row, healthPixmap(states.at(row), sizes.at(column)));
    }
    painter.end();
    ok = save(strip, QStringLiteral("tray-icons.png")) && ok;
    logInfo(QStringLiteral("screenshots written"), {{QStringLiteral("directory"), m_directory}});
    emit finished(ok ? 0 : 1);
}

} // namespace llamagate
