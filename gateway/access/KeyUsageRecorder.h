#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

namespace llamagate {

class KeyStore;

/// Remembers when each stored key was last used, in memory per request, and saves those times to the key store at
/// most once per interval (and on flush()) — never a settings write per request.
class KeyUsageRecorder : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 10000;

    explicit KeyUsageRecorder(KeyStore& store, int intervalMs = kDefaultIntervalMs, QObject* parent = nullptr);

    /// The key was used just now.
    void record(const QString& keyId);
    /// Saves what was recorded since the last save.
    void flush();

private:
    KeyStore& m_store;
    QHash<QString, qint64> m_pending; ///< key id → ms since the epoch
    QTimer m_timer;
};

} // namespace llamagate
