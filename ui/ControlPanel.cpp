#include "ui/ControlPanel.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QShortcut>
#include <QStackedWidget>

namespace llamagate {

ControlPanel::ControlPanel(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("LlamaGate Control Panel"));
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    m_pageList = new QListWidget(central);
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_pageList->setAccessibleName(tr("Pages"));
    m_pageList->setFixedWidth(150);
    m_pageList->setSpacing(2);
    m_pages = new QStackedWidget(central);
    layout->addWidget(m_pageList);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    auto* close = new QShortcut(QKeySequence::Close, this);
    connect(close, &QShortcut::activated, this, &QWidget::close);
    resize(1040, 680);
}

void ControlPanel::addPage(const QString& title, QWidget* page)
{
    const int index = m_pages->count();
    auto* item = new QListWidgetItem(title, m_pageList);
    m_pages->addWidget(page);
    if (index < 9) { // Ctrl+1 … Ctrl+9 open the pages in order
        const QKeySequence keys(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + index)));
        item->setToolTip(keys.toString(QKeySequence::NativeText));
        auto* shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, [this, index] { showPage(index); });
    }
    if (m_pageList->currentRow() < 0)
        m_pageList->setCurrentRow(0);
}

int ControlPanel::pageCount() const
{
    return m_pages->count();
}

QWidget* ControlPanel::page(int index) const
{
    return m_pages->widget(index);
}

int ControlPanel::currentPage() const
{
    return m_pages->currentIndex();
}

void ControlPanel::showPage(int index)
{
    m_pageList->setCurrentRow(index);
}

void ControlPanel::present()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void ControlPanel::closeEvent(QCloseEvent* event)
{
    // Never vetoed: Qt 6 also closes the windows when the application quits, and a veto would cancel the quit.
    QMainWindow::closeEvent(event);
    if (m_closingQuits)
        emit quitRequested();
}

} // namespace llamagate
