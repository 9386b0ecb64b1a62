#pragma once

#include "gateway/access/SecretStore.h"

#include <QObject>

#include <functional>

namespace llamagate {

/// The SecretStore of the desktop app: the OS keychain through QtKeychain (Secret Service, Windows Credential
/// Manager, macOS Keychain), one entry per secret under the service "LlamaGate": an API key's as "api-key/<id>", a
/// key that names its kind itself (with a slash, as "mcp/<server>/<header>") as it is. Asynchronous; the
/// callbacks run on this object's thread. Never falls back to plain text.
class KeychainSecretStore : public QObject, public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject* parent = nullptr);

    void write(const QString& keyId, const QString& secret, Done done) override;
    void read(const QString& keyId, Found found) override;
    void remove(const QString& keyId, Done done) override;

    /// Finds out whether a keychain answers: false (with the reason) when there is none. A keychain that is not
    /// up yet — as at login, when an autostarted LlamaGate asks first — is asked again up to `retries` times,
    /// `retryDelayMs` apart, before giving up.
    void checkAvailable(Done done, int retries = 2, int retryDelayMs = 3000);

    static QString service() { return QStringLiteral("LlamaGate"); }
    static QString entryName(const QString& keyId)
    {
        return keyId.contains(u'/') ? keyId : QStringLiteral("api-key/%1").arg(keyId);
    }
};

} // namespace llamagate
