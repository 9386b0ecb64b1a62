#include "gateway/config/DotEnvFile.h"

#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace llamagate {

namespace {

/// The value part of a line: quoted ('…' literal, "…" with \n \" \\ escapes) or bare up to an inline " #".
std::optional<QString> parseValue(const QString& raw, QString* why)
{
    const QString text = raw.trimmed();
    if (text.isEmpty())
        return QString();
    const QChar quote = text.front();
    if (quote == u'"' || quote == u'\'') {
        QString value;
        for (qsizetype i = 1; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c == quote) {
                const QString rest = text.mid(i + 1).trimmed();
                if (!rest.isEmpty() && !rest.startsWith(u'#')) {
                    *why = QStringLiteral("unexpected text after the closing quote");
                    return std::nullopt;
                }
                return value;
            }
            if (quote == u'"' && c == u'\\' && i + 1 < text.size()) {
                const QChar next = text.at(++i);
                value += next == u'n' ? QChar(u'\n') : next;
                continue;
            }
            value += c;
        }
        *why = QStringLiteral("missing closing quote");
        return std::nullopt;
    }
    const qsizetype comment = text.indexOf(QStringLiteral(" #"));
    return (comment >= 0 ? text.left(comment) : text).trimmed();
}

} // namespace

DotEnvFile DotEnvFile::parse(const QByteArray& text)
{
    static const QRegularExpression assignment(QStringLiteral("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)$"));
    DotEnvFile file;
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (qsizetype index = 0; index < lines.size(); ++index) {
        QString line = lines.at(index);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const QRegularExpressionMatch match = assignment.match(trimmed);
        QString why = QStringLiteral("expected KEY=value");
        const std::optional<QString> value = match.hasMatch() ? parseValue(match.captured(2), &why) : std::nullopt;
        if (!value) {
            file.m_errorLine = int(index) + 1;
            file.m_error = why;
            return file;
        }
        file.m_values.insert(match.captured(1), *value);
    }
    return file;
}

} // namespace llamagate
