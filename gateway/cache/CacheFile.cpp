#include "gateway/cache/CacheFile.h"

#include "gateway/json/CompactJson.h"
#include "gateway/log/JsonLogger.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace llamagate {

namespace {

const QString kFormat = QStringLiteral("llamagate-response-cache");

QByteArray line(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<QJsonObject> parseObject(QByteArrayView text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray());
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

std::optional<ResponseCache::Entry> parseEntry(QByteArrayView text)
{
    static const QRegularExpression keyPattern(QStringLiteral("^[0-9a-f]{64}$"));
    const std::optional<QJsonObject> object = parseObject(text);
    if (!object)
        return std::nullopt;
    const QJsonValue key = object->value(QStringLiteral("key"));
    const QJsonValue storedAt = object->value(QStringLiteral("stored_at"));
    const QJsonValue answer = object->value(QStringLiteral("answer"));
    if (!keyPattern.match(key.toString()).hasMatch() || !storedAt.isDouble() || !answer.isObject())
        return std::nullopt;
    return ResponseCache::Entry{key.toString().toLatin1(), AnswerJson::of(answer.toObject()), storedAt.toInteger(), 0};
}

} // namespace

QByteArray CacheFile::encode(const QList<ResponseCache::Entry>& entries)
{
    QByteArray bytes = line(QJsonObject{{QStringLiteral("format"), kFormat}, {QStringLiteral("version"), kVersion}});
    // Each entry as QJsonDocument writes {key, stored_at, answer} (members in key order), with the answer's stored
    // bytes as they are.
    for (const ResponseCache::Entry& entry : entries) {
        bytes += "{\"answer\":";
        bytes += entry.answer.bytes();
        bytes += ",\"key\":";
        CompactJson::appendString(bytes, QString::fromLatin1(entry.key));
        bytes += ",\"stored_at\":";
        bytes += QByteArray::number(entry.storedAtMs);
        bytes += "}\n";
    }
    return bytes;
}

std::optional<QList<ResponseCache::Entry>> CacheFile::decode(const QByteArray& bytes, QString* reason)
{
    const QList<QByteArray> lines = bytes.split('\n');
    const std::optional<QJsonObject> header = parseObject(lines.first());
    if (!header || header->value(QStringLiteral("format")).toString() != kFormat) {
        *reason = QStringLiteral("not a LlamaGate response cache file");
        return std::nullopt;
    }
    const QJsonValue version = header->value(QStringLiteral("version"));
    if (!version.isDouble() || version.toInteger() != kVersion) {
        *reason = QStringLiteral("unsupported version %1 (this LlamaGate reads version %2)")
                      .arg(version.toVariant().toString())
                      .arg(kVersion);
        return std::nullopt;
    }
    if (!bytes.endsWith('\n')) {
        *reason = QStringLiteral("the file is truncated");
        return std::nullopt;
    }
    QList<ResponseCache::Entry> entries;
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        const std::optional<ResponseCache::Entry> entry = parseEntry(lines.at(i));
        if (!entry) {
            *reason = QStringLiteral("line %1 is not a valid entry").arg(i + 1);
            return std::nullopt;
        }
        entries.append(*entry);
    }
    return entries;
}

QList<ResponseCache::Entry> CacheFile::load() const
{
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        logWarning(QStringLiteral("cannot read the response cache file"),
                   {{QStringLiteral("path"), m_path}, {QStringLiteral("error"), file.errorString()}});
        return {};
    }
    QString reason;
    const std::optional<QList<ResponseCache::Entry>> entries = decode(file.readAll(), &reason);
    file.close();
    if (!entries) {
        setAside(reason);
        return {};
    }
    return *entries;
}

void CacheFile::setAside(const QString& reason) const
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
    const QString target = QStringLiteral("%1.bad-%2").arg(m_path, stamp);
    const bool moved = QFile::rename(m_path, target);
    logWarning(QStringLiteral("response cache file set aside"),
               {{QStringLiteral("path"), m_path},
                {QStringLiteral("reason"), reason},
                {QStringLiteral("moved_to"), moved ? QJsonValue(target) : QJsonValue(QJsonValue::Null)}});
}

bool CacheFile::save(const QList<ResponseCache::Entry>& entries, QString* error) const
{
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot create the folder %1").arg(folder);
        return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(encode(entries)) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace llamagate
