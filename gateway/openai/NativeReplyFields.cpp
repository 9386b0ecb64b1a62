#include "gateway/openai/NativeReplyFields.h"

#include <QDateTime>

namespace llamagate {

namespace {

/// The number written by `count` ASCII digits at `at`, or -1.
int digits(QStringView text, qsizetype at, qsizetype count)
{
    int value = 0;
    for (const QChar c : text.sliced(at, count)) {
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

/// Days from 1970-01-01 to a Gregorian date of year 1970 or later (H. Hinnant's days_from_civil).
qint64 daysSinceEpoch(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const int era = year / 400;
    const int yearOfEra = year - era * 400;
    const int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return qint64(era) * 146097 + dayOfEra - 719468;
}

/// Unix seconds of "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)" from 1970 on, the form Ollama writes, read without
/// QDateTime; nullopt for any other text (QDateTime judges it) and for a fraction from .999 on, which QDateTime may
/// round up to the next second.
std::optional<qint64> rfc3339Seconds(QStringView text)
{
    if (text.size() < 20 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' || text[13] != u':' ||
        text[16] != u':')
        return std::nullopt;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    if (year < 1970 || !QDate::isValid(year, month, day) || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
        second < 0 || second > 59)
        return std::nullopt;
    qsizetype at = 19;
    if (text[at] == u'.') {
        const qsizetype start = ++at;
        while (at < text.size() && text[at] >= u'0' && text[at] <= u'9')
            ++at;
        if (at == start || at - start > 9 || text.sliced(start).startsWith(u"999"))
            return std::nullopt;
    }
    qint64 offset = 0;
    if (at + 6 == text.size() && (text[at] == u'+' || text[at] == u'-') && text[at + 3] == u':') {
        const int offsetHours = digits(text, at + 1, 2);
        const int offsetMinutes = digits(text, at + 4, 2);
        if (offsetHours < 0 || offsetMinutes < 0 || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
            return std::nullopt;
        offset = (text[at] == u'-' ? -60 : 60) * (offsetHours * 60 + offsetMinutes);
    } else if (at + 1 != text.size() || text[at] != u'Z') {
        return std::nullopt;
    }
    const qint64 seconds = daysSinceEpoch(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
    return seconds >= 0 ? std::optional<qint64>(seconds) : std::nullopt;
}

} // namespace

qint64 NativeReplyFields::unixSeconds(const QString& timestamp, qint64 fallback)
{
    if (const std::optional<qint64> seconds = rfc3339Seconds(timestamp))
        return *seconds;
    const QDateTime time = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    return time.isValid() ? time.toSecsSinceEpoch() : fallback;
}

QJsonObject NativeReplyFields::usage(const QJsonObject& reply)
{
    const qint64 prompt = reply.value(QStringLiteral("prompt_eval_count")).toInteger();
    const qint64 completion = reply.value(QStringLiteral("eval_count")).toInteger();
    return QJsonObject{{QStringLiteral("prompt_tokens"), prompt},
                       {QStringLiteral("completion_tokens"), completion},
                       {QStringLiteral("total_tokens"), prompt + completion}};
}

} // namespace llamagate
