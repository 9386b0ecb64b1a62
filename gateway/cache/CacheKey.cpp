#include "gateway/cache/CacheKey.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace llamagate {

QByteArray
CacheKey::canonicalJson(const QString& endpoint, const QJsonObject& nativeBody, const QJsonObject& answerShape)
{
    QJsonObject request = nativeBody;
    request.remove(QStringLiteral("stream"));
    request.remove(QStringLiteral("keep_alive"));
    QJsonObject input{{QStringLiteral("endpoint"), endpoint}, {QStringLiteral("request"), request}};
    if (!answerShape.isEmpty())
        input.insert(QStringLiteral("answer"), answerShape);
    // QJsonObject keeps its keys sorted, at every depth, so its compact serialization is canonical.
    return QJsonDocument(input).toJson(QJsonDocument::Compact);
}

QByteArray CacheKey::of(const QString& endpoint, const QJsonObject& nativeBody, const QJsonObject& answerShape)
{
    return QCryptographicHash::hash(canonicalJson(endpoint, nativeBody, answerShape), QCryptographicHash::Sha256)
        .toHex();
}

} // namespace llamagate
