#include "ui/PlaceholderWindow.h"

#include <QCloseEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace llamagate {

PlaceholderWindow::PlaceholderWindow(QWidget* parent) : QWidget(parent)
{
    setWindowTitle(tr("LlamaGate"));
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("<h2>LlamaGate is running</h2>"), this);
    m_endpointLabel = new QLabel(this);
    m_endpointLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* hint = new QLabel(tr("Point any OpenAI client at the endpoint above. Close this window to stop LlamaGate."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(m_endpointLabel);
    layout->addWidget(hint);
    layout->addStretch();
    resize(420, 160);
}

void PlaceholderWindow::setEndpoint(const QString& endpoint)
{
    m_endpointLabel->setText(tr("OpenAI endpoint: <b>%1</b>").arg(endpoint.toHtmlEscaped()));
}

} // namespace llamagate

namespace llamagate {

void PlaceholderWindow::closeEvent(QCloseEvent* event)
{
    emit closed();
    QWidget::closeEvent(event);
}

} // namespace llamagate
