#pragma once

#include "gateway/access/Scope.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace llamagate {

/// One named API key as the settings keep it: metadata and the salted digest of its secret — never the secret.
struct ApiKeyRecord
{
    QString id;   ///< 16 hex digits, also inside the key's text
    QString name; ///< unique, what logs and lists show
    Scopes scopes;
    int requestsPerMinute = 0; ///< the key's own limit; 0: none beyond the global one
    QDateTime created;
    QDateTime lastUsed; ///< invalid: never used
    QByteArray salt;
    QByteArray digest; ///< KeyCrypto::digest(salt, secret)

    /// The name the key from the API_KEY setting goes by (reserved).
    static QString environmentKeyName() { return QStringLiteral("API_KEY"); }
    /// 1–64 letters, digits, '.', '_' or '-', beginning with a letter or digit; not API_KEY.
    static bool isValidName(const QString& name);
};

/// A key just created: its record and its secret, which exists only here (and in a SecretStore, if there is one).
struct IssuedKey
{
    ApiKeyRecord record;
    QString secret;
};

} // namespace llamagate
