#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace llamagate {

class SecretStore;

/// The API Keys page: the named keys of the settings file (scopes, own limit, created, last used), creating one
/// (its secret shown once, to copy; kept in the keychain when there is one, to copy again later) and revoking one
/// after a confirmation. The gateway picks up every change. Without a keychain a secret is stored nowhere, and a
/// banner says so.
class ApiKeysPage : public QWidget
{
    Q_OBJECT
public:
    explicit ApiKeysPage(QString settingsFile, QWidget* parent = nullptr);

    /// Reads the keys from the settings file again.
    void reload();
    /// Keeps new secrets in this keychain from now on (and copies existing ones from it).
    void useSecretStore(SecretStore* secrets);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void create();
    void revokeSelected();
    void copySelected();
    QString selectedColumn(int column) const;
    void showError(const QString& error);

    QString m_settingsFile;
    SecretStore* m_secrets = nullptr;
    QLabel* m_banner = nullptr;
    QLineEdit* m_name = nullptr;
    QCheckBox* m_inference = nullptr;
    QCheckBox* m_admin = nullptr;
    QSpinBox* m_limit = nullptr;
    QPushButton* m_create = nullptr;
    QWidget* m_secretBox = nullptr;
    QLabel* m_secretLabel = nullptr;
    QLineEdit* m_secret = nullptr;
    QLabel* m_error = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_revoke = nullptr;
    QPushButton* m_copyKey = nullptr;
    QLabel* m_copied = nullptr;
};

} // namespace llamagate
