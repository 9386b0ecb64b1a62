#include "gateway/json/CompactJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <charconv>
#include <cmath>

namespace llamagate {

namespace {

/// Appends a byte that JSON requires to be escaped in a string (with Qt's short escapes).
void appendEscape(QByteArray& out, uchar byte)
{
    static constexpr char hex[] = "0123456789abcdef";
    switch (byte) {
    case '"':
        out += "\\\"";
        return;
    case '\\':
        out += "\\\\";
        return;
    case '\n':
        out += "\\n";
        return;
    case '\r':
        out += "\\r";
        return;
    case '\t':
        out += "\\t";
        return;
    case '\b':
        out += "\\b";
        return;
    case '\f':
        out += "\\f";
        return;
    default:
        out += "\\u00";
        out += hex[byte >> 4];
        out += hex[byte & 0xf];
    }
}

/// Appends a JSON string's UTF-8, escaped where JSON requires it; the runs between escapes in one append each.
void appendEscaped(QByteArray& out, QByteArrayView utf8)
{
    qsizetype runStart = 0;
    for (qsizetype index = 0; index < utf8.size(); ++index) {
        const auto byte = uchar(utf8[index]);
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        out.append(utf8.sliced(runStart, index - runStart));
        appendEscape(out, byte);
        runStart = index + 1;
    }
    out.append(utf8.sliced(runStart));
}

/// `text` as a JSON string the long way: UTF-8 with JSON's escapes, and a lone surrogate (which UTF-8 cannot
/// carry) as a \u escape, as QJsonDocument writes it.
void appendNonAscii(QByteArray& out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    qsizetype runStart = 0;
    for (qsizetype index = 0; index < text.size(); ++index) {
        const char16_t unit = text[index].unicode();
        if (!QChar::isSurrogate(unit))
            continue;
        if (QChar::isHighSurrogate(unit) && index + 1 < text.size() &&
            QChar::isLowSurrogate(text[index + 1].unicode())) {
            ++index; // a pair: one character
            continue;
        }
        appendEscaped(out, text.sliced(runStart, index - runStart).toUtf8());
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4)
            out += hex[(unit >> shift) & 0xf];
        runStart = index + 1;
    }
    appendEscaped(out, text.sliced(runStart).toUtf8());
    out += '"';
}

} // namespace

void CompactJson::appendString(QByteArray& out, QStringView text)
{
    // The common case in one pass, straight into `out`: ASCII that needs no escape (names, ids, models, paths).
    const qsizetype start = out.size();
    out.resize(start + text.size() + 2);
    char* next = out.data() + start;
    *next++ = '"';
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        if (unit >= 0x80 || unit < 0x20 || unit == u'"' || unit == u'\\') {
            out.truncate(start);
            appendNonAscii(out, text);
            return;
        }
        *next++ = char(unit);
    }
    *next = '"';
}

void CompactJson::appendUtf8String(QByteArray& out, QByteArrayView utf8)
{
    out += '"';
    appendEscaped(out, utf8);
    out += '"';
}

void CompactJson::appendInteger(QByteArray& out, qint64 value)
{
    char digits[24];
    const std::to_chars_result written = std::to_chars(std::begin(digits), std::end(digits), value);
    out.append(digits, written.ptr - digits);
}

void CompactJson::appendValue(QByteArray& out, const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        appendString(out, value.toString());
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (!qIsFinite(number))
            out += "null";
        else if (std::trunc(number) == number && std::abs(number) < 9e15)
            appendInteger(out, value.toInteger()); // exact, as for the integers it holds
        else
            out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
        return;
    }
    case QJsonValue::Array:
        out += QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        return;
    case QJsonValue::Object:
        out += QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        return;
    }
}

} // namespace llamagate
