#include "gateway/access/KeyCrypto.h"

#include <QList>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace llamagate::KeyCrypto {

namespace {

constexpr QByteArrayView kPrefix = "lg-";
constexpr qsizetype kIdBytes = 8;
constexpr qsizetype kSecretBytes = 32;
constexpr qsizetype kIdDigits = 2 * kIdBytes;

/// Bytes from the operating system's cryptographically secure source.
QByteArray randomBytes(qsizetype count)
{
    QList<quint32> words((count + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char*>(words.constData()), count);
}

bool isLowerHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

} // namespace

QString newKeyId()
{
    return QString::fromLatin1(randomBytes(kIdBytes).toHex());
}

QString newSecret(const QString& keyId)
{
    const QByteArray secret =
        randomBytes(kSecretBytes).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QString::fromLatin1(kPrefix) + keyId + u'_' + QString::fromLatin1(secret);
}

QByteArray newSalt()
{
    return randomBytes(kSaltBytes);
}

QByteArray digest(QByteArrayView salt, QByteArrayView secret)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, salt.toByteArray());
    mac.addData(secret.data(), secret.size());
    return mac.result();
}

bool digestsEqual(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype index = 0; index < a.size(); ++index)
        difference |= static_cast<unsigned char>(a[index] ^ b[index]);
    return difference == 0;
}

QString keyIdOf(QByteArrayView secret)
{
    if (!secret.startsWith(kPrefix) || secret.size() <= kPrefix.size() + kIdDigits ||
        secret[kPrefix.size() + kIdDigits] != '_')
        return {};
    const QByteArrayView id = secret.sliced(kPrefix.size(), kIdDigits);
    for (const char c : id) {
        if (!isLowerHex(c))
            return {};
    }
    return QString::fromLatin1(id);
}

} // namespace llamagate::KeyCrypto
