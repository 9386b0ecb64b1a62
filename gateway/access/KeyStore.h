#pragma once

#include "gateway/access/ApiKeyRecord.h"
#include "gateway/access/SecretStore.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class QSettings;

namespace llamagate {

/// The named API keys in the saved settings file — what `llamagate keys`, the control panel and the gateway share.
/// Every change goes through QSettings' locked, atomic sync and is checked, so several processes can edit the file
/// at once. A new key's secret is handed to the SecretStore when there is one, and never written to the settings.
class KeyStore
{
public:
    explicit KeyStore(QString settingsFile, SecretStore* secrets = nullptr);

    /// The keys, oldest first; nullopt with *error when the file cannot be read.
    std::optional<QList<ApiKeyRecord>> keys(QString* error = nullptr) const;
    /// Issues a key; nullopt with *error when the name is invalid or taken or the settings cannot be written.
    /// secretStored reports the SecretStore's answer (not called without a SecretStore).
    std::optional<IssuedKey> create(const QString& name,
                                    Scopes scopes,
                                    int requestsPerMinute,
                                    QString* error,
                                    const SecretStore::Done& secretStored = {});
    /// Removes the key with this id or name; nullopt with *error when there is none or the settings cannot be written.
    std::optional<ApiKeyRecord> revoke(const QString& idOrName, QString* error);
    /// Saves last-used times of keys that still exist (and forgets those of removed keys).
    bool recordUsage(const QHash<QString, QDateTime>& lastUsed, QString* error);

    const QString& fileName() const { return m_file; }

    static constexpr int kMaxRequestsPerMinute = 1000000;

private:
    bool write(QSettings& settings, QString* error) const;

    QString m_file;
    SecretStore* m_secrets;
};

} // namespace llamagate
