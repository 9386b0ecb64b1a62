#include "gateway/access/KeyUsageRecorder.h"

#include "gateway/access/KeyStore.h"
#include "gateway/log/JsonLogger.h"

#include <QDateTime>

namespace llamagate {

KeyUsageRecorder::KeyUsageRecorder(KeyStore& store, int intervalMs, QObject* parent)
    : QObject(parent), m_store(store), m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &KeyUsageRecorder::flush);
}

void KeyUsageRecorder::record(const QString& keyId)
{
    m_pending.insert(keyId, QDateTime::currentMSecsSinceEpoch());
    if (!m_timer.isActive())
        m_timer.start();
}

void KeyUsageRecorder::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return;
    QHash<QString, QDateTime> lastUsed;
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it)
        lastUsed.insert(it.key(), QDateTime::fromMSecsSinceEpoch(it.value(), Qt::UTC));
    m_pending.clear();
    QString error;
    if (!m_store.recordUsage(lastUsed, &error))
        logWarning(QStringLiteral("cannot save when API keys were last used"), {{QStringLiteral("error"), error}});
}

} // namespace llamagate
