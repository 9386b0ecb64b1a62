#include "ui/dialogs/KeyValueTable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace llamagate {

namespace {

/// Shows a secret value as dots and edits it in a password field.
class SecretValueDelegate : public QStyledItemDelegate
{
public:
    SecretValueDelegate(std::function<bool(const QString&)> isSecret, QObject* parent)
        : QStyledItemDelegate(parent), m_isSecret(std::move(isSecret))
    {
    }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QWidget* editor = QStyledItemDelegate::createEditor(parent, option, index);
        auto* line = qobject_cast<QLineEdit*>(editor);
        if (line && m_isSecret(index.siblingAtColumn(0).data().toString()))
            line->setEchoMode(QLineEdit::Password);
        return editor;
    }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString value = index.data().toString();
        if (!value.isEmpty() && !value.contains(QLatin1String("${")) &&
            m_isSecret(index.siblingAtColumn(0).data().toString()))
            option->text = QString(8, QChar(0x2022)); // the same length for every secret
    }

private:
    std::function<bool(const QString&)> m_isSecret;
};

} // namespace

KeyValueTable::KeyValueTable(const QString& keyTitle, const QString& valueTitle, QWidget* parent) : QWidget(parent)
{
    m_table = new QTableWidget(0, 2, this);
    m_table->setHorizontalHeaderLabels({keyTitle, valueTitle});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setMinimumSectionSize(120);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    m_table->setMinimumHeight(90);
    auto* add = new QPushButton(tr("Add"), this);
    add->setAccessibleName(tr("Add %1").arg(keyTitle));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setAccessibleName(tr("Remove %1").arg(keyTitle));
    m_remove->setEnabled(false);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &KeyValueTable::addRow);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
        m_remove->setEnabled(m_table->rowCount() > 0 && m_table->currentRow() >= 0);
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    setTabOrder(m_table, add);
    setTabOrder(add, m_remove);
}

void KeyValueTable::setValues(const QMap<QString, QString>& values)
{
    m_table->setRowCount(0);
    for (auto it = values.begin(); it != values.end(); ++it) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_table->setItem(row, 1, new QTableWidgetItem(it.value()));
    }
}

QMap<QString, QString> KeyValueTable::values() const
{
    QMap<QString, QString> values;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem* key = m_table->item(row, 0);
        const QTableWidgetItem* value = m_table->item(row, 1);
        if (key && !key->text().trimmed().isEmpty())
            values.insert(key->text().trimmed(), value ? value->text() : QString());
    }
    return values;
}

void KeyValueTable::setSecretNames(std::function<bool(const QString&)> isSecret)
{
    m_table->setItemDelegateForColumn(1, new SecretValueDelegate(std::move(isSecret), m_table));
}

void KeyValueTable::addRow()
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem);
    m_table->setItem(row, 1, new QTableWidgetItem);
    m_table->setCurrentCell(row, 0);
    m_table->setFocus();
    m_table->editItem(m_table->item(row, 0));
}

} // namespace llamagate
