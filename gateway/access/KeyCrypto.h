#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace llamagate {

/// The cryptography of API keys: new ids, secrets and salts from the system's secure random source, the salted
/// digest kept instead of a secret (HMAC-SHA256 keyed with a per-key salt), and a constant-time comparison.
/// A key reads `lg-<id>_<secret>`: 16 hex digits of id (so a check needs one digest, not one per key), then 32
/// random bytes in base64url.
namespace KeyCrypto {

constexpr qsizetype kSaltBytes = 16;
constexpr qsizetype kDigestBytes = 32;

/// 16 lower-case hex digits from 8 random bytes.
QString newKeyId();
/// A new key for this id: "lg-<id>_<43 base64url characters>" (256 random bits).
QString newSecret(const QString& keyId);
/// kSaltBytes random bytes.
QByteArray newSalt();
/// HMAC-SHA256 of the key text, keyed with the salt: kDigestBytes bytes.
QByteArray digest(QByteArrayView salt, QByteArrayView secret);
/// Whether two digests are equal, taking the same time wherever they differ (false when the sizes differ).
bool digestsEqual(QByteArrayView a, QByteArrayView b);
/// The id inside a key of the "lg-<id>_…" form; empty for any other text.
QString keyIdOf(QByteArrayView secret);

} // namespace KeyCrypto

} // namespace llamagate
