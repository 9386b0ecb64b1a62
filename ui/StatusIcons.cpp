#include "ui/StatusIcons.h"

#include <QImageReader>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace llamagate {

namespace {

constexpr int kSizes[] = {16, 20, 22, 24, 32, 40, 44, 48, 64, 96, 128, 256};

QColor fillColor(Health health)
{
    switch (health) {
    case Health::Running:
        return QColor(0x2e, 0x9d, 0x4f);
    case Health::Degraded:
        return QColor(0xe0, 0x9b, 0x00);
    case Health::Stopped:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

/// A gate (two posts and a lintel) filling the middle of a square of side `size`, aligned to whole pixels.
QPainterPath gatePath(int size)
{
    const int stroke = std::max(2, int(std::lround(size / 8.0)));
    const int left = int(std::lround(size * 0.28));
    const int right = size - left;
    const int top = int(std::lround(size * 0.27));
    const int bottom = size - int(std::lround(size * 0.24));
    QPainterPath path;
    path.addRect(left, top, right - left, stroke);           // lintel
    path.addRect(left, top, stroke, bottom - top);           // left post
    path.addRect(right - stroke, top, stroke, bottom - top); // right post
    path.setFillRule(Qt::WindingFill);
    return path;
}

} // namespace

QPixmap healthPixmap(Health health, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor color = fillColor(health);
    const QRectF disc(0.5, 0.5, size - 1.0, size - 1.0);
    if (health == Health::Stopped) {
        const double ring = std::max(1.5, size / 12.0);
        painter.setPen(QPen(color, ring));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(disc.adjusted(ring / 2, ring / 2, -ring / 2, -ring / 2));
        painter.fillPath(gatePath(size), color);
        return pixmap;
    }
    painter.setPen(QPen(color.darker(130), std::max(1.0, size / 32.0)));
    painter.setBrush(color);
    painter.drawEllipse(disc);
    painter.setRenderHint(QPainter::Antialiasing, false); // the gate stays on whole pixels: crisp at 16 px
    painter.fillPath(gatePath(size), Qt::white);
    if (health == Health::Degraded) {
        painter.setRenderHint(QPainter::Antialiasing);
        const double dot = size * 0.42;
        const QRectF badge(size - dot, size - dot, dot - 0.5, dot - 0.5);
        painter.setPen(QPen(Qt::white, std::max(1.0, size / 24.0)));
        painter.setBrush(QColor(0xc6, 0x28, 0x28));
        painter.drawEllipse(badge);
    }
    return pixmap;
}

QIcon appIcon()
{
    QIcon icon;
    if (QImageReader::supportedImageFormats().contains("svg"))
        icon.addFile(QStringLiteral(":/icons/llamagate.svg"));
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/llamagate-%1.png").arg(size), QSize(size, size));
    return icon;
}

QIcon healthIcon(Health health)
{
    QIcon icon;
    for (const int size : kSizes)
        icon.addPixmap(healthPixmap(health, size));
    return icon;
}

} // namespace llamagate
