#include "ui/pages/OverviewPage.h"

#include "ui/StatusTracker.h"
#include "ui/VisibilityTicker.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace llamagate {

OverviewPage::OverviewPage(const StatusTracker& status, QWidget* parent) : QWidget(parent), m_status(status)
{
    auto* title = new QLabel(tr("Overview"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_state = new QLabel(this);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_startStop = new QPushButton(this);
    auto* stateRow = new QHBoxLayout;
    stateRow->addWidget(m_state, 1);
    stateRow->addWidget(m_startStop);

    m_endpoint = new QLineEdit(this);
    m_endpoint->setReadOnly(true);
    m_endpoint->setAccessibleName(tr("Endpoint URL"));
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setToolTip(tr("Copy the endpoint URL to the clipboard"));
    auto* endpointRow = new QHBoxLayout;
    endpointRow->addWidget(m_endpoint, 1);
    endpointRow->addWidget(m_copy);

    m_ollama = new QLabel(this);
    m_ollama->setWordWrap(true);
    m_ollama->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const auto valueLabel = [this](const QString& objectName) {
        auto* label = new QLabel(this);
        label->setObjectName(objectName);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_models = valueLabel(QStringLiteral("overviewModels"));
    m_cache = valueLabel(QStringLiteral("overviewCache"));
    m_mcp = valueLabel(QStringLiteral("overviewMcp"));
    m_requests = new QLabel(this);

    auto* form = new QFormLayout;
    form->addRow(tr("Gateway:"), stateRow);
    form->addRow(tr("Endpoint:"), endpointRow);
    form->addRow(tr("Ollama:"), m_ollama);
    form->addRow(tr("Models:"), m_models);
    form->addRow(tr("Cache:"), m_cache);
    form->addRow(tr("MCP servers:"), m_mcp);
    form->addRow(tr("Requests:"), m_requests);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addStretch(1);

    connect(
        m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_status.endpoint()); });
    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (m_status.state() == GatewayState::Stopped)
            emit startRequested();
        else
            emit stopRequested();
    });
    connect(&m_status, &StatusTracker::changed, this, &OverviewPage::refresh);
    auto* ticker = new VisibilityTicker(this, kRefreshMs);
    connect(ticker, &VisibilityTicker::tick, this, &OverviewPage::cacheReportWanted);
    setTabOrder(m_startStop, m_endpoint);
    setTabOrder(m_endpoint, m_copy);
    refresh();
}

void OverviewPage::refresh()
{
    const GatewayState state = m_status.state();
    m_state->setText(m_status.summary());
    m_startStop->setText(state == GatewayState::Stopped ? tr("&Start") : tr("S&top"));
    m_startStop->setEnabled(state == GatewayState::Stopped || state == GatewayState::Running);
    m_endpoint->setText(m_status.endpoint().isEmpty() ? tr("(not listening)") : m_status.endpoint());
    m_copy->setEnabled(!m_status.endpoint().isEmpty());

    const OllamaStatus ollama = m_status.ollama();
    switch (ollama.state) {
    case OllamaStatus::State::Unknown:
        m_ollama->setText(tr("Checking %1…").arg(m_status.ollamaHost()));
        break;
    case OllamaStatus::State::Reachable:
        m_ollama->setText(tr("Reachable at %1, version %2").arg(m_status.ollamaHost(), ollama.version));
        break;
    case OllamaStatus::State::Unreachable:
        m_ollama->setText(tr("Not reachable at %1: %2").arg(m_status.ollamaHost(), ollama.error));
        break;
    }
    if (ollama.state != OllamaStatus::State::Reachable)
        m_models->setText(tr("—"));
    else
        m_models->setText(ollama.models.isEmpty() ? tr("none installed") : ollama.models.join(QStringLiteral(", ")));
    m_cache->setText(cacheText());
    m_mcp->setText(mcpText());
    m_requests->setText(tr("%1 per minute, %2 served since LlamaGate started")
                            .arg(m_status.requestsPerMinute())
                            .arg(m_status.requestsServed()));
}

QString OverviewPage::cacheText() const
{
    const std::optional<CacheSnapshot> cache = m_status.cache();
    if (!cache)
        return tr("—");
    if (!cache->enabled)
        return tr("off");
    const ResponseCache::Stats& stats = cache->stats;
    if (stats.hits + stats.misses == 0)
        return tr("no lookups yet");
    return tr("%1 % hit ratio (%2 of %n lookup(s) answered from the cache)", nullptr, int(stats.hits + stats.misses))
        .arg(QLocale().toString(stats.hitRatio() * 100.0, 'f', 0))
        .arg(stats.hits);
}

QString OverviewPage::mcpText() const
{
    const int total = int(m_status.mcpServers().size());
    if (total == 0)
        return tr("none running");
    QString text = tr("%1 of %n ready", nullptr, total).arg(m_status.mcpServersReady());
    const QStringList failing = m_status.failingMcpServers();
    if (!failing.isEmpty())
        text += tr("; in error: %1").arg(failing.join(QStringLiteral(", ")));
    return text;
}

} // namespace llamagate
