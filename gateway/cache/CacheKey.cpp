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

QByteArray
CacheKey::canonicalJson(const QString& endpoint, const JsonMembers& nativeBody, const QJsonObject& answerShape)
{
    // {"answer":…,"endpoint":…,"request":…}: keys sorted, at every depth (QJsonObject keeps its keys sorted), so
    // the compact JSON is canonical.
    QByteArray json = "{";
    if (!answerShape.isEmpty()) {
        json += "\"answer\":";
        json += QJsonDocument(answerShape).toJson(QJsonDocument::Compact);
        json += ',';
    }
    json += "\"endpoint\":";
    CompactJson::appendString(json, endpoint);
    json += ",\"request\":";
    json += nativeBody.object({QLatin1StringView("stream"), QLatin1StringView("keep_alive")});
    json += '}';
    return json;
}

QByteArray CacheKey::of(const QString& endpoint, const QJsonObject& nativeBody, const QJsonObject& answerShape)
{
    return of(endpoint, JsonMembers(nativeBody), answerShape);
}

QByteArray CacheKey::of(const QString& endpoint, const JsonMembers& nativeBody, const QJsonObject& answerShape)
{
    return QCryptographicHash::hash(canonicalJson(endpoint, nativeBody, answerShape), QCryptographicHash::Sha256)
        .toHex();
}

} // namespace llamagate
