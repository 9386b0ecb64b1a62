#include "gateway/json/CompactJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace llamagate {

namespace {

/// Appends one byte of a JSON string's UTF-8, escaped where JSON requires it (with Qt's short escapes).
void appendEscaped(QByteArray& out, char c)
{
    static constexpr char hex[] = "0123456789abcdef";
    const auto byte = uchar(c);
    if (byte == '"' || byte == '\\') {
        out += '\\';
        out += c;
    } else if (byte >= 0x20) {
        out += c;
    } else if (c == '\n') {
        out += "\\n";
    } else if (c == '\r') {
        out += "\\r";
    } else if (c == '\t') {
        out += "\\t";
    } else if (c == '\b') {
        out += "\\b";
    } else if (c == '\f') {
        out += "\\f";
    } else {
        out += "\\u00";
        out += hex[byte >> 4];
        out += hex[byte & 0xf];
    }
}

} // namespace

void CompactJson::appendString(QByteArray& out, QStringView text)
{
    out += '"';
    if (std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; })) {
        for (const QChar c : text)
            appendEscaped(out, char(c.unicode()));
    } else {
        for (const char c : text.toUtf8())
            appendEscaped(out, c);
    }
    out += '"';
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
            out += QByteArray::number(value.toInteger()); // exact, as for the integers it holds
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
