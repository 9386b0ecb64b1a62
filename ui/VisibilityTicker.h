#pragma once

#include <QObject>
#include <QTimer>

class QWidget;

namespace llamagate {

/// Emits tick() when a widget is shown and then every interval for as long as it stays visible; nothing while it is
/// hidden (another page chosen, or the panel closed to the tray). Pages use it to ask the gateway for fresh numbers.
class VisibilityTicker : public QObject
{
    Q_OBJECT
public:
    VisibilityTicker(QWidget* widget, int intervalMs);

signals:
    void tick();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
};

} // namespace llamagate
