#include "ui/pages/LiveLogPage.h"

#include "ui/models/RequestLogModel.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace llamagate {

LiveLogPage::LiveLogPage(RequestLogModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    m_filtered = new QSortFilterProxyModel(this);
    m_filtered->setSourceModel(m_model);
    m_filtered->setFilterKeyColumn(-1);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter (path, model, status, key…)"));
    m_filter->setAccessibleName(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_pause = new QPushButton(tr("&Pause"), this);
    m_pause->setCheckable(true);
    m_clear = new QPushButton(tr("C&lear"), this);
    m_autoScroll = new QCheckBox(tr("&Auto-scroll"), this);
    m_autoScroll->setChecked(true);
    m_pending = new QLabel(this);

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filter, 1);
    toolbar->addWidget(m_pending);
    toolbar->addWidget(m_pause);
    toolbar->addWidget(m_clear);
    toolbar->addWidget(m_autoScroll);

    m_view = new QTableView(this);
    m_view->setModel(m_filtered);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionResizeMode(RequestLogModel::Path, QHeaderView::Stretch);
    // Fixed widths from the font (measuring every row would cost too much on a live table); the path takes the rest.
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto fit = [this, &metrics](int column, const QString& sample) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        m_view->setColumnWidth(column,
                               std::max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(header)) + 24);
    };
    fit(RequestLogModel::Time, QStringLiteral("00:00:00.000"));
    fit(RequestLogModel::Status, QStringLiteral("499"));
    fit(RequestLogModel::Method, QStringLiteral("DELETE"));
    fit(RequestLogModel::Model, QStringLiteral("llama3.2:latest"));
    fit(RequestLogModel::Key, QStringLiteral("key name"));
    fit(RequestLogModel::Latency, QStringLiteral("99999 ms"));
    fit(RequestLogModel::Cache, QStringLiteral("bypass"));
    fit(RequestLogModel::Tokens, QStringLiteral("9999 + 9999"));
    m_view->setAccessibleName(tr("Requests"));

    m_detail = new QPlainTextEdit(this);
    m_detail->setReadOnly(true);
    m_detail->setObjectName(QStringLiteral("logDetail"));
    m_detail->setAccessibleName(tr("Request details"));
    m_detail->setPlaceholderText(tr("Choose a request to see its full entry."));
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_filtered, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_model->setPaused(paused);
        m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    });
    connect(m_clear, &QPushButton::clicked, m_model, &RequestLogModel::clear);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LiveLogPage::showDetail);
    connect(m_model, &RequestLogModel::pendingCountChanged, this, &LiveLogPage::refreshPending);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_autoScroll->isChecked())
            m_view->scrollToBottom();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LiveLogPage::showDetail);

    setTabOrder(m_filter, m_pause);
    setTabOrder(m_pause, m_clear);
    setTabOrder(m_clear, m_autoScroll);
    setTabOrder(m_autoScroll, m_view);
    setTabOrder(m_view, m_detail);
    refreshPending();
}

void LiveLogPage::showDetail()
{
    const QModelIndex current = m_filtered->mapToSource(m_view->currentIndex());
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    m_detail->setPlainText(
        QString::fromUtf8(QJsonDocument(m_model->entry(current.row()).toJson()).toJson(QJsonDocument::Indented)));
}

void LiveLogPage::refreshPending()
{
    m_pending->setText(m_model->isPaused() ? tr("%n new while paused", nullptr, m_model->pendingCount()) : QString());
}

} // namespace llamagate
