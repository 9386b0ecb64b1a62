#include "gateway/access/SecretStore.h"

namespace llamagate {

void MemorySecretStore::write(const QString& keyId, const QString& secret, Done done)
{
    m_secrets.insert(keyId, secret);
    if (done)
        done(true, {});
}

void MemorySecretStore::read(const QString& keyId, Found found)
{
    const auto it = m_secrets.constFind(keyId);
    found(it == m_secrets.constEnd() ? std::nullopt : std::optional<QString>(*it));
}

void MemorySecretStore::remove(const QString& keyId, Done done)
{
    const bool removed = m_secrets.remove(keyId);
    if (done)
        done(removed, removed ? QString() : QStringLiteral("no secret stored for key %1").arg(keyId));
}

} // namespace llamagate
