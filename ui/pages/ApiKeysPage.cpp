#include "ui/pages/ApiKeysPage.h"

#include "gateway/access/KeyStore.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace llamagate {

namespace {

enum Column
{
    NameColumn,
    ScopesColumn,
    LimitColumn,
    CreatedColumn,
    LastUsedColumn,
    ColumnCount
};

QString shownTime(const QDateTime& time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : ApiKeysPage::tr("never");
}

} // namespace

ApiKeysPage::ApiKeysPage(QString settingsFile, QWidget* parent)
    : QWidget(parent), m_settingsFile(std::move(settingsFile))
{
    m_banner = new QLabel(tr("No keychain is connected: a new key's secret is shown once, here, and stored nowhere. "
                             "Only a salted hash is saved, which is all the gateway needs to check the key."),
                          this);
    m_banner->setWordWrap(true);
    m_banner->setObjectName(QStringLiteral("keychainBanner"));
    m_banner->setStyleSheet(QStringLiteral("background: #fff4d6; color: #5c4400; padding: 6px; border-radius: 3px;"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("keyName"));
    m_name->setPlaceholderText(tr("e.g. editor"));
    m_name->setAccessibleName(tr("Key name"));
    m_inference = new QCheckBox(tr("&inference"), this);
    m_inference->setChecked(true);
    m_inference->setToolTip(tr("Models, completions, embeddings, read-only /api/*"));
    m_admin = new QCheckBox(tr("a&dmin"), this);
    m_admin->setToolTip(tr("Management endpoints, /v1/cache, /metrics, state-changing /api/*"));
    m_limit = new QSpinBox(this);
    m_limit->setRange(0, KeyStore::kMaxRequestsPerMinute);
    m_limit->setSpecialValueText(tr("no limit of its own"));
    m_limit->setSuffix(tr(" per minute"));
    m_limit->setAccessibleName(tr("Requests per minute"));
    m_create = new QPushButton(tr("&Create Key"), this);
    m_create->setObjectName(QStringLiteral("createKey"));

    auto* form = new QGridLayout;
    form->addWidget(new QLabel(tr("&Name:"), this), 0, 0);
    form->addWidget(m_name, 0, 1, 1, 4);
    static_cast<QLabel*>(form->itemAtPosition(0, 0)->widget())->setBuddy(m_name);
    form->addWidget(new QLabel(tr("Scopes:"), this), 1, 0);
    form->addWidget(m_inference, 1, 1);
    form->addWidget(m_admin, 1, 2);
    auto* limitLabel = new QLabel(tr("&Limit:"), this);
    limitLabel->setBuddy(m_limit);
    form->addWidget(limitLabel, 2, 0);
    form->addWidget(m_limit, 2, 1, 1, 2);
    form->addWidget(m_create, 2, 3);
    form->setColumnStretch(4, 1); // the button keeps its size; the space goes to the right

    m_secretBox = new QWidget(this);
    m_secretLabel = new QLabel(m_secretBox);
    m_secretLabel->setWordWrap(true);
    m_secret = new QLineEdit(m_secretBox);
    m_secret->setObjectName(QStringLiteral("newSecret"));
    m_secret->setReadOnly(true);
    m_secret->setAccessibleName(tr("The new key"));
    m_secret->setFont(QFont(QStringLiteral("monospace")));
    auto* copy = new QPushButton(tr("Co&py"), m_secretBox);
    auto* secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(copy);
    auto* secretLayout = new QVBoxLayout(m_secretBox);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->addWidget(m_secretLabel);
    secretLayout->addLayout(secretRow);
    m_secretBox->hide();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("keysError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("keysTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Scopes"), tr("Limit"), tr("Created"), tr("Last used")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setAccessibleName(tr("API keys"));
    m_revoke = new QPushButton(tr("&Revoke…"), this);
    m_revoke->setObjectName(QStringLiteral("revokeKey"));
    m_revoke->setEnabled(false);
    m_copyKey = new QPushButton(tr("Copy &Key"), this);
    m_copyKey->setObjectName(QStringLiteral("copyKey"));
    m_copyKey->setToolTip(tr("Copy the chosen key from the keychain"));
    m_copyKey->setEnabled(false);
    m_copied = new QLabel(this);
    m_copied->setObjectName(QStringLiteral("copyResult"));
    auto* tableButtons = new QHBoxLayout;
    tableButtons->addWidget(m_copied, 1);
    tableButtons->addWidget(m_copyKey);
    tableButtons->addWidget(m_revoke);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(m_secretBox);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    layout->addLayout(tableButtons);

    connect(m_create, &QPushButton::clicked, this, &ApiKeysPage::create);
    connect(m_name, &QLineEdit::returnPressed, this, &ApiKeysPage::create);
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_secret->text()); });
    connect(m_revoke, &QPushButton::clicked, this, &ApiKeysPage::revokeSelected);
    connect(m_copyKey, &QPushButton::clicked, this, &ApiKeysPage::copySelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_revoke->setEnabled(!m_table->selectedItems().isEmpty());
        m_copyKey->setEnabled(m_secrets && !m_table->selectedItems().isEmpty());
        m_copied->clear();
    });
    setTabOrder(m_name, m_inference);
    setTabOrder(m_inference, m_admin);
    setTabOrder(m_admin, m_limit);
    setTabOrder(m_limit, m_create);
    setTabOrder(m_create, m_secret);
    setTabOrder(m_secret, copy);
    setTabOrder(copy, m_table);
    setTabOrder(m_table, m_copyKey);
    setTabOrder(m_copyKey, m_revoke);
    reload();
}

void ApiKeysPage::reload()
{
    QString error;
    const std::optional<QList<ApiKeyRecord>> keys = KeyStore(m_settingsFile).keys(&error);
    if (!keys) {
        showError(error);
        return;
    }
    m_table->setRowCount(int(keys->size()));
    for (int row = 0; row < keys->size(); ++row) {
        const ApiKeyRecord& key = keys->at(row);
        const QStringList cells = {key.name,
                                   scopesText(key.scopes),
                                   key.requestsPerMinute > 0 ? tr("%1 per minute").arg(key.requestsPerMinute) : tr("—"),
                                   shownTime(key.created),
                                   shownTime(key.lastUsed)};
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        m_table->item(row, NameColumn)->setData(Qt::UserRole, key.id);
    }
    m_revoke->setEnabled(!m_table->selectedItems().isEmpty());
    m_copyKey->setEnabled(m_secrets && !m_table->selectedItems().isEmpty());
}

void ApiKeysPage::useSecretStore(SecretStore* secrets)
{
    m_secrets = secrets;
    m_banner->setVisible(!secrets);
    reload();
}

void ApiKeysPage::showEvent(QShowEvent* event)
{
    reload(); // last-used times change while the gateway serves
    QWidget::showEvent(event);
}

void ApiKeysPage::create()
{
    Scopes scopes;
    scopes.setFlag(Scope::Inference, m_inference->isChecked());
    scopes.setFlag(Scope::Admin, m_admin->isChecked());
    if (!scopes) {
        showError(tr("Choose at least one scope."));
        return;
    }
    QString error;
    const QPointer<ApiKeysPage> page(this);
    const auto stored = [page](bool ok, const QString& keychainError) {
        if (page && !ok)
            page->showError(tr("The keychain did not take the secret (%1): copy it now.").arg(keychainError));
    };
    const std::optional<IssuedKey> issued =
        KeyStore(m_settingsFile, m_secrets).create(m_name->text().trimmed(), scopes, m_limit->value(), &error, stored);
    if (!issued) {
        showError(error);
        return;
    }
    m_error->hide();
    m_secretLabel->setText(
        m_secrets ? tr("The key \"%1\" is ready. It is kept in the keychain: Copy Key copies it again later.")
                        .arg(issued->record.name)
                  : tr("The key \"%1\" is ready. Copy it now: it is shown only this once.").arg(issued->record.name));
    m_secret->setText(issued->secret);
    m_secretBox->show();
    m_name->clear();
    reload();
}

void ApiKeysPage::revokeSelected()
{
    const QString name = selectedColumn(NameColumn);
    if (name.isEmpty())
        return;
    const QMessageBox::StandardButton answer =
        QMessageBox::question(this,
                              tr("Revoke API Key"),
                              tr("Revoke the key \"%1\"? Clients that use it are refused from now on.").arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QString error;
    if (!KeyStore(m_settingsFile, m_secrets).revoke(name, &error)) {
        showError(error);
        return;
    }
    m_error->hide();
    m_secretBox->hide();
    reload();
}

void ApiKeysPage::copySelected()
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (!m_secrets || selected.isEmpty())
        return;
    const QString keyId = m_table->item(selected.constFirst()->row(), NameColumn)->data(Qt::UserRole).toString();
    const QString name = selectedColumn(NameColumn);
    const QPointer<ApiKeysPage> page(this);
    m_secrets->read(keyId, [page, name](const std::optional<QString>& secret) {
        if (!page)
            return;
        if (!secret) {
            page->m_copied->setText(tr("The keychain has no secret for \"%1\" (made without a keychain?).").arg(name));
            return;
        }
        QGuiApplication::clipboard()->setText(*secret);
        page->m_copied->setText(tr("Copied the key \"%1\".").arg(name));
    });
}

QString ApiKeysPage::selectedColumn(int column) const
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    return selected.isEmpty() ? QString() : m_table->item(selected.constFirst()->row(), column)->text();
}

void ApiKeysPage::showError(const QString& error)
{
    m_error->setText(error);
    m_error->show();
}

} // namespace llamagate
