#include "gateway/config/ValueParsers.h"

#include <QRegularExpression>

#include <cmath>

namespace llamagate::ValueParsers {

std::optional<qint64> parseDuration(const QString& text)
{
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|s|m|h)"));
    const QString trimmed = text.trimmed().toLower();
    if (trimmed.isEmpty())
        return std::nullopt;
    double total = 0;
    qsizetype position = 0;
    while (position < trimmed.size()) {
        const QRegularExpressionMatch match = part.match(
            trimmed, position, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return std::nullopt;
        const double amount = match.captured(1).toDouble();
        const QString unit = match.captured(2);
        const double factor = unit == u"ms" ? 1 : unit == u"s" ? 1000 : unit == u"m" ? 60'000 : 3'600'000;
        total += amount * factor;
        position = match.capturedEnd();
    }
    if (total > 1e15)
        return std::nullopt;
    return static_cast<qint64>(std::llround(total));
}

std::optional<qint64> parseSize(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed().toLower());
    if (!match.hasMatch())
        return std::nullopt;
    const QString unit = match.captured(2);
    double factor = 1;
    if (unit.startsWith(u'k'))
        factor = 1024.0;
    else if (unit.startsWith(u'm'))
        factor = 1024.0 * 1024.0;
    else if (unit.startsWith(u'g'))
        factor = 1024.0 * 1024.0 * 1024.0;
    const double bytes = match.captured(1).toDouble() * factor;
    if (bytes > 1e15 || bytes != std::floor(bytes))
        return std::nullopt;
    return static_cast<qint64>(bytes);
}

std::optional<bool> parseBool(const QString& text)
{
    const QString value = text.trimmed().toLower();
    if (value == u"true" || value == u"1" || value == u"yes" || value == u"on")
        return true;
    if (value == u"false" || value == u"0" || value == u"no" || value == u"off")
        return false;
    return std::nullopt;
}

QStringList parseList(const QString& text)
{
    QStringList items;
    for (const QString& item : text.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty())
            items.append(trimmed);
    }
    return items;
}

QString formatDuration(qint64 milliseconds)
{
    if (milliseconds == 0)
        return QStringLiteral("0s");
    if (milliseconds % 1000 != 0)
        return QStringLiteral("%1ms").arg(milliseconds);
    qint64 seconds = milliseconds / 1000;
    QString text;
    if (seconds >= 3600) {
        text += QStringLiteral("%1h").arg(seconds / 3600);
        seconds %= 3600;
    }
    if (seconds >= 60) {
        text += QStringLiteral("%1m").arg(seconds / 60);
        seconds %= 60;
    }
    if (seconds > 0)
        text += QStringLiteral("%1s").arg(seconds);
    return text;
}

QString formatSize(qint64 bytes)
{
    static const char* const units[] = {"GB", "MB", "KB"};
    qint64 factor = qint64(1) << 30;
    for (const char* unit : units) {
        if (bytes >= factor && bytes % factor == 0)
            return QString::number(bytes / factor) + QLatin1String(unit);
        factor >>= 10;
    }
    return QString::number(bytes);
}

} // namespace llamagate::ValueParsers
