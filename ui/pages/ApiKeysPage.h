#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace llamagate {

/// The API Keys page: the named keys of the settings file (scopes, own limit, created, last used), creating one
/// (its secret shown once, to copy) and revoking one after a confirmation. The gateway picks up every change.
/// No keychain is connected yet, so a secret is never stored anywhere and the page says so.
class ApiKeysPage : public QWidget
{
    Q_OBJECT
public:
    explicit ApiKeysPage(QString settingsFile, QWidget* parent = nullptr);

    /// Reads the keys from the settings file again.
    void reload();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void create();
    void revokeSelected();
    void showError(const QString& error);

    QString m_settingsFile;
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
};

} // namespace llamagate
