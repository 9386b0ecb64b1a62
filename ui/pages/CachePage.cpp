#include "ui/pages/CachePage.h"

#include "gateway/config/ValueParsers.h"
#include "ui/StatusTracker.h"
#include "ui/VisibilityTicker.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace llamagate {

CachePage::CachePage(const StatusTracker& status, QWidget* parent) : QWidget(parent), m_status(status)
{
    auto* intro = new QLabel(tr("The response cache answers a repeated request without asking Ollama again. Its "
                                "size and lifetime are set under Response cache in Settings."),
                             this);
    intro->setWordWrap(true);
    m_state = addValue(QStringLiteral("cacheState"));
    m_entries = addValue(QStringLiteral("cacheEntries"));
    m_bytes = addValue(QStringLiteral("cacheBytes"));
    m_hits = addValue(QStringLiteral("cacheHits"));
    m_misses = addValue(QStringLiteral("cacheMisses"));
    m_hitRatio = addValue(QStringLiteral("cacheHitRatio"));
    m_ttl = addValue(QStringLiteral("cacheTtl"));

    auto* form = new QFormLayout;
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Entries:"), m_entries);
    form->addRow(tr("Size:"), m_bytes);
    form->addRow(tr("Hits:"), m_hits);
    form->addRow(tr("Misses:"), m_misses);
    form->addRow(tr("Hit ratio:"), m_hitRatio);
    form->addRow(tr("Entries kept for:"), m_ttl);

    m_clear = new QPushButton(tr("&Clear Cache…"), this);
    m_clear->setObjectName(QStringLiteral("clearCache"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_clear);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addLayout(buttons);

    auto* ticker = new VisibilityTicker(this, kRefreshMs);
    connect(ticker, &VisibilityTicker::tick, this, &CachePage::reportWanted);
    connect(m_clear, &QPushButton::clicked, this, &CachePage::confirmClear);
    connect(&m_status, &StatusTracker::changed, this, &CachePage::refresh);
    refresh();
}

QLabel* CachePage::addValue(const QString& objectName)
{
    auto* label = new QLabel(this);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void CachePage::refresh()
{
    const std::optional<CacheSnapshot> cache = m_status.cache();
    m_clear->setEnabled(cache && cache->stats.entries > 0);
    if (!cache) {
        for (QLabel* value : {m_state, m_entries, m_bytes, m_hits, m_misses, m_hitRatio, m_ttl})
            value->setText(tr("—"));
        return;
    }
    const QLocale locale;
    const ResponseCache::Stats& stats = cache->stats;
    const ResponseCache::Limits& limits = cache->limits;
    if (!cache->enabled)
        m_state->setText(tr("Off (CACHE_ENABLED): every request goes to Ollama"));
    else
        m_state->setText(cache->persistent ? tr("On, kept across restarts")
                                           : tr("On, in memory until LlamaGate quits"));
    m_entries->setText(tr("%1 of at most %2").arg(locale.toString(stats.entries), locale.toString(limits.maxEntries)));
    m_bytes->setText(tr("%1 of at most %2")
                         .arg(locale.formattedDataSize(stats.bytes, 1), locale.formattedDataSize(limits.maxBytes, 1)));
    m_hits->setText(locale.toString(stats.hits));
    m_misses->setText(locale.toString(stats.misses));
    m_hitRatio->setText(stats.hits + stats.misses == 0
                            ? tr("none yet")
                            : tr("%1 %").arg(locale.toString(stats.hitRatio() * 100.0, 'f', 0)));
    m_ttl->setText(ValueParsers::formatDuration(limits.ttlMs));
}

void CachePage::confirmClear()
{
    const std::optional<CacheSnapshot> cache = m_status.cache();
    const int entries = cache ? int(cache->stats.entries) : 0;
    const QMessageBox::StandardButton answer = QMessageBox::question(
        this,
        tr("Clear Cache"),
        tr("Remove the %n cached answer(s)? The next requests go to Ollama again.", nullptr, entries),
        QMessageBox::Yes | QMessageBox::Cancel,
        QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        emit clearRequested();
}

} // namespace llamagate
