#include "gateway/cache/CacheKey.h"

#include "gateway/json/CompactJson.h"
#include "gateway/json/JsonMembers.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <openssl/evp.h>

#include <memory>

namespace llamagate {

namespace {

/// Hands the canonical JSON to `write` in pieces: {"answer":…,"endpoint":…,"request":…}, keys sorted at every depth
/// (QJsonObject keeps its keys sorted), so the compact JSON is canonical.
template <typename Write>
void writeCanonical(const QString& endpoint,
                    const JsonMembers& nativeBody,
                    const QJsonObject& answerShape,
                    Write&& write)
{
    QByteArray head;
    head.reserve(64 + endpoint.size());
    head += '{';
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

/// `size` bytes in lower-case hex, as QByteArray::toHex writes them (a shorter path for the 32 bytes of every key).
QByteArray hex(const unsigned char* bytes, unsigned int size)
{
    static constexpr char digits[] = "0123456789abcdef";
    QByteArray text(qsizetype(size) * 2, Qt::Uninitialized);
    char* next = text.data();
    for (unsigned int i = 0; i < size; ++i) {
        *next++ = digits[bytes[i] >> 4];
        *next++ = digits[bytes[i] & 0xf];
    }
    return text;
}

} // namespace

QByteArray
CacheKey::canonicalJson(const QString& endpoint, const JsonMembers& nativeBody, const QJsonObject& answerShape)
{
    QByteArray json;
    writeCanonical(endpoint, nativeBody, answerShape, [&json](QByteArrayView piece) { json.append(piece); });
    return json;
}

QByteArray CacheKey::of(const QString& endpoint, const JsonMembers& nativeBody, const QJsonObject& answerShape)
{
    // Hashed piece by piece (the canonical JSON is never put together), by OpenSSL: it uses the CPU's SHA
    // instructions where there are some, ~10x less work per request than QCryptographicHash's portable code.
    static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    // One context per thread, set up again by each EVP_DigestInit_ex2 (making one was a tenth of the key's work).
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                                       &EVP_MD_CTX_free);
    bool ok = sha256 && context && EVP_DigestInit_ex2(context.get(), sha256, nullptr) == 1;
    writeCanonical(endpoint, nativeBody, answerShape, [&](QByteArrayView piece) {
        ok = ok && EVP_DigestUpdate(context.get(), piece.data(), size_t(piece.size())) == 1;
    });
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (ok && EVP_DigestFinal_ex(context.get(), digest, &length) == 1)
        return hex(digest, length);
    // OpenSSL configured without SHA-256 (a restrictive provider setup): the same digest the portable way.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    writeCanonical(endpoint, nativeBody, answerShape, [&hash](QByteArrayView piece) { hash.addData(piece); });
    return hash.result().toHex();
}

} // namespace llamagate
