#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QStringView>

namespace llamagate {

/// Appends JSON text straight to a byte array, byte for byte as QJsonDocument::Compact writes it, without building
/// a document for each string or number.
class CompactJson
{
public:
    /// `text` as a JSON string in UTF-8; ASCII text (ids, paths, model names) without converting it first.
    static void appendString(QByteArray& out, QStringView text);
    /// `utf8` (valid UTF-8) as a JSON string.
    static void appendUtf8String(QByteArray& out, QByteArrayView utf8);
    static void appendValue(QByteArray& out, const QJsonValue& value);
    /// An integer in decimal (QByteArray::number's digits, without its temporary).
    static void appendInteger(QByteArray& out, qint64 value);
};

} // namespace llamagate
