#include "ui/pages/OverviewPage.h"

#include "ui/StatusTracker.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
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
    m_requests = new QLabel(this);

    auto* form = new QFormLayout;
    form->addRow(tr("Gateway:"), stateRow);
    form->addRow(tr("Endpoint:"), endpointRow);
    form->addRow(tr("Ollama:"), m_ollama);
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
    m_requests->setText(tr("%1 per minute, %2 served since LlamaGate started")
                            .arg(m_status.requestsPerMinute())
                            .arg(m_status.requestsServed()));
}

} // namespace llamagate
