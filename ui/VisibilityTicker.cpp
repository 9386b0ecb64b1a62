#include "ui/VisibilityTicker.h"

#include <QEvent>
#include <QWidget>

namespace llamagate {

VisibilityTicker::VisibilityTicker(QWidget* widget, int intervalMs) : QObject(widget), m_timer(this)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &VisibilityTicker::tick);
    widget->installEventFilter(this);
}

bool VisibilityTicker::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Show && !m_timer.isActive()) {
        m_timer.start();
        emit tick();
    } else if (event->type() == QEvent::Hide) {
        m_timer.stop();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace llamagate
