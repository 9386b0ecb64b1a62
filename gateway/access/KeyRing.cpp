#include "gateway/access/KeyRing.h"

#include "gateway/access/KeyCrypto.h"

namespace llamagate {

namespace {

bool matches(const KeyRing::Key& key, QByteArrayView presented)
{
    return KeyCrypto::digestsEqual(KeyCrypto::digest(key.salt, presented), key.digest);
}

} // namespace

void KeyRing::setStoredKeys(const QList<ApiKeyRecord>& records)
{
    m_stored.clear();
    for (const ApiKeyRecord& record : records)
        m_stored.insert(record.id,
                        {record.id, record.name, record.scopes, record.requestsPerMinute, record.salt, record.digest});
}

void KeyRing::setEnvironmentKey(const QString& secret)
{
    m_environment.reset();
    if (secret.isEmpty())
        return;
    const QByteArray salt = KeyCrypto::newSalt();
    m_environment = Key{QString(),
                        ApiKeyRecord::environmentKeyName(),
                        Scope::Inference | Scope::Admin,
                        0,
                        salt,
                        KeyCrypto::digest(salt, secret.toUtf8())};
}

const KeyRing::Key* KeyRing::verify(QByteArrayView presented) const
{
    if (presented.isEmpty())
        return nullptr;
    const auto stored = m_stored.constFind(KeyCrypto::keyIdOf(presented));
    if (stored != m_stored.constEnd() && matches(*stored, presented))
        return &*stored;
    if (m_environment && matches(*m_environment, presented))
        return &*m_environment;
    return nullptr;
}

} // namespace llamagate
