#pragma once

#include "gateway/json/JsonTree.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>

/// Helpers shared by the translator tests: loading fixture files, inline JSON, tolerant comparison of generated
/// ids, and strict SSE frame splitting.
namespace testjson {

/// "fixtures:<path>" → $LLAMAGATE_FIXTURES/ollama/<path>; "tests:<path>" → $LLAMAGATE_TESTS_DIR/<path>.
inline QString resolvePath(const QString& reference)
{
    if (reference.startsWith(u"fixtures:"))
        return qEnvironmentVariable("LLAMAGATE_FIXTURES") + QStringLiteral("/ollama/") + reference.mid(9);
    if (reference.startsWith(u"tests:"))
        return qEnvironmentVariable("LLAMAGATE_TESTS_DIR") + u'/' + reference.mid(6);
    return {};
}

/// The bytes of a referenced file; empty (and `error` set) when it cannot be read.
inline QByteArray readFile(const QString& reference, QString* error)
{
    QFile file(resolvePath(reference));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1 (%2); run from CTest so LLAMAGATE_FIXTURES and LLAMAGATE_TESTS_DIR "
                                "are set")
                     .arg(reference, file.fileName());
        return {};
    }
    return file.readAll();
}

/// A referenced JSON file, or the value itself when it is not a "fixtures:"/"tests:" reference.
inline QJsonValue load(const QJsonValue& value, QString* error)
{
    const QString text = value.toString();
    if (!text.startsWith(u"fixtures:") && !text.startsWith(u"tests:"))
        return value;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(readFile(text, error), &parseError);
    if (error->isEmpty() && parseError.error != QJsonParseError::NoError)
        *error = QStringLiteral("%1: %2").arg(text, parseError.errorString());
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

/// A referenced JSON file read in place from its own bytes (as the gateway reads Ollama's), or the inline object.
inline llamagate::JsonTree tree(const QJsonValue& value, QString* error)
{
    const QString text = value.toString();
    if (!text.startsWith(u"fixtures:") && !text.startsWith(u"tests:"))
        return llamagate::JsonTree::of(value.toObject());
    const std::optional<llamagate::JsonTree> tree = llamagate::JsonTree::parse(readFile(text, error));
    if (tree)
        return *tree;
    *error = QStringLiteral("%1: not JSON").arg(text);
    return llamagate::JsonTree::of({});
}

/// What QJsonDocument::Compact writes for the object `json` holds: an answer written straight to bytes must be
/// exactly that.
inline QByteArray qtCompact(const QByteArray& json)
{
    return QJsonDocument(QJsonDocument::fromJson(json).object()).toJson(QJsonDocument::Compact);
}

/// An inline JSON object written in a test table.
inline QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

/// A client's request body as the translators read it, byte for byte as written in a test table.
inline llamagate::JsonTree request(const QByteArray& json)
{
    return llamagate::JsonTree::parse(json).value();
}

/// The same object sent indented: every value the translators pass on is then rewritten rather than copied.
inline llamagate::JsonTree indented(const QJsonObject& object)
{
    return request(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

inline QString compact(const QJsonValue& value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
}

/// Equality, except that the expected string "<generated call id>" matches any `call_` + 24 alphanumerics.
/// On a mismatch `where` names the first differing path.
inline bool matches(const QJsonValue& expected, const QJsonValue& actual, QString* where, const QString& path = {})
{
    static const QRegularExpression callId(QStringLiteral("^call_[A-Za-z0-9]{24}$"));
    if (expected.toString() == u"<generated call id>") {
        if (actual.isString() && callId.match(actual.toString()).hasMatch())
            return true;
        *where = path;
        return false;
    }
    if (expected.isObject() && actual.isObject()) {
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        if (e.keys() != a.keys()) {
            *where = QStringLiteral("%1 keys {%2} vs {%3}").arg(path, e.keys().join(u','), a.keys().join(u','));
            return false;
        }
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!matches(it.value(), a.value(it.key()), where, path + u'.' + it.key()))
                return false;
        }
        return true;
    }
    if (expected.isArray() && actual.isArray()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        if (e.size() != a.size()) {
            *where = QStringLiteral("%1 size %2 vs %3").arg(path).arg(e.size()).arg(a.size());
            return false;
        }
        for (qsizetype i = 0; i < e.size(); ++i) {
            if (!matches(e.at(i), a.at(i), where, QStringLiteral("%1[%2]").arg(path).arg(i)))
                return false;
        }
        return true;
    }
    if (expected == actual)
        return true;
    *where = path;
    return false;
}

/// The payloads of `data: <payload>\n\n` frames; `error` is set when the bytes are anything else.
inline QList<QByteArray> ssePayloads(const QByteArray& bytes, QString* error)
{
    QList<QByteArray> payloads;
    qsizetype position = 0;
    while (position < bytes.size()) {
        const qsizetype end = bytes.indexOf("\n\n", position);
        const QByteArray frame = bytes.mid(position, end < 0 ? -1 : end - position);
        if (end < 0 || !frame.startsWith("data: ") || frame.contains('\n')) {
            *error = QStringLiteral("not an SSE data frame: %1").arg(QString::fromUtf8(bytes.mid(position)));
            return {};
        }
        payloads.append(frame.mid(6));
        position = end + 2;
    }
    return payloads;
}

/// A payload as JSON for comparison: the object, or the string "[DONE]".
inline QJsonValue payloadValue(const QByteArray& payload)
{
    if (payload == "[DONE]")
        return QStringLiteral("[DONE]");
    const QJsonDocument document = QJsonDocument::fromJson(payload);
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(QString::fromUtf8(payload));
}

} // namespace testjson
