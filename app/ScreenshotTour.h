#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>

namespace llamagate {

class DesktopController;

/// `llamagate --screenshots DIR`: once the gateway runs and Ollama's state is known, makes one request so that the
/// live log has a row; once that is shown and every MCP server has connected or failed, renders every control-panel
/// page, the tray menu and the tray icons to PNG files in DIR.
class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    ScreenshotTour(DesktopController& desktop, QString directory, QObject* parent = nullptr);

signals:
    /// The files are written (0) or could not be (1); the reason went to the log.
    void finished(int exitCode);

private:
    void requestOnce();
    void renderWhenSettled();
    void render();
    bool save(const QPixmap& pixmap, const QString& name);

    DesktopController& m_desktop;
    QString m_directory;
    QNetworkAccessManager m_network;
    bool m_requested = false;
    bool m_logged = false; ///< the request's row is in the live log
    bool m_rendered = false;
};

} // namespace llamagate
