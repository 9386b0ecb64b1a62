#pragma once

#include "gateway/access/ApiKeyRecord.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <optional>

namespace llamagate {

/// The keys the gateway accepts right now — the stored ones and the one from the API_KEY setting — and the check of
/// a presented key: found by the id inside it, then one salted digest compared in constant time.
class KeyRing
{
public:
    /// A key that can be presented.
    struct Key
    {
        QString id; ///< empty for the API_KEY key
        QString name;
        Scopes scopes;
        int requestsPerMinute = 0;
        QByteArray salt;
        QByteArray digest;
    };

    void setStoredKeys(const QList<ApiKeyRecord>& records);
    /// The key from the API_KEY setting, with both scopes (empty: none).
    void setEnvironmentKey(const QString& secret);

    bool isEmpty() const { return m_stored.isEmpty() && !m_environment; }
    /// The key this text is, or null.
    const Key* verify(QByteArrayView presented) const;

private:
    QHash<QString, Key> m_stored; ///< by id
    std::optional<Key> m_environment;
};

} // namespace llamagate
