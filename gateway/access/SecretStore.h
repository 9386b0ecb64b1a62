#pragma once

#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace llamagate {

/// Where a key's secret is kept so its owner can copy it again later — the OS keychain in the desktop app (its
/// implementation comes with the desktop). Asynchronous, as keychains are. Headless there is none: the secret is
/// shown once and never stored anywhere.
class SecretStore
{
public:
    using Done = std::function<void(bool ok, const QString& error)>;
    using Found = std::function<void(const std::optional<QString>& secret)>;

    virtual ~SecretStore() = default;

    virtual void write(const QString& keyId, const QString& secret, Done done) = 0;
    virtual void read(const QString& keyId, Found found) = 0;
    virtual void remove(const QString& keyId, Done done) = 0;
};

/// A SecretStore in memory, answering at once: for tests.
class MemorySecretStore final : public SecretStore
{
public:
    void write(const QString& keyId, const QString& secret, Done done) override;
    void read(const QString& keyId, Found found) override;
    void remove(const QString& keyId, Done done) override;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace llamagate
