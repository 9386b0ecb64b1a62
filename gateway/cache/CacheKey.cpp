#include "gateway/cache/CacheKey.h"

#include "gateway/json/CompactJson.h"
#include "gateway/json/JsonMembers.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace llamagate {

QByteArray
CacheKey::canonicalJson(const QString& endpoint, const QJsonObject& nativeBody, const QJsonObject& answerShape)
{
    return canonicalJson(endpoint, JsonMembers(nativeBody), answerShape);
}

namespace {

/// Hands the canonical JSON to `write` in pieces: {"answer":…,"endpoint":…,"request":…}, keys sorted at every depth
/// (QJsonObject keeps its keys sorted), so the compact JSON is canonical.
template <typename Write>
void writeCanonical(const QString& endpoint,
                    const JsonMembers& nativeBody,
                    const QJsonObject& answerShape,
                    Write&& write)
{
    QByteArray head = "{";
    if (!answerShape.isEmpty()) {
        head += "\"answer\":";
        head += QJsonDocument(answerShape).toJson(QJsonDocument::Compact);
        head += ',';
    }
    head += "\"endpoint\":";
    CompactJson::appendString(head, endpoint);
    head += ",\"request\":";
    write(QByteArrayView(head));
    nativeBody.writeObject({QLatin1StringView("stream"), QLatin1StringView("keep_alive")}, write);
    write(QByteArrayView("}"));
}

} // namespace

QByteArray
CacheKey::canonicalJson(const QString& endpoint, const JsonMembers& nativeBody, const QJsonObject& answerShape)
{
    QByteArray json;
    writeCanonical(endpoint, nativeBody, answerShape, [&json](QByteArrayView piece) { json.append(piece); });
    return json;
}

QByteArray CacheKey::of(const QString& endpoint, const QJsonObject& nativeBody, const QJsonObject& answerShape)
{
    return of(endpoint, JsonMembers(nativeBody), answerShape);
}

QByteArray CacheKey::of(const QString& endpoint, const JsonMembers& nativeBody, const QJsonObject& answerShape)
{
    // Hashed piece by piece: the canonical JSON is never put together.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    writeCanonical(endpoint, nativeBody, answerShape, [&hash](QByteArrayView piece) { hash.addData(piece); });
    return hash.result().toHex();
}

} // namespace llamagate
