#pragma once

#include "gateway/config/GatewayConfig.h"
#include "gateway/health/OllamaStatus.h"

#include <QHash>
#include <QList>
#include <QUrl>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace llamagate {

/// The Settings page: every setting of the table, grouped, with its description. A value that the environment,
/// the .env file or the command line sets is shown read-only with the reason. Apply checks each value with the
/// table's own rules and asks for the changed ones to be saved and applied.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    explicit SettingsPage(QWidget* parent = nullptr);

    /// Shows these values (and their sources); unsaved edits are dropped.
    void setConfig(const GatewayConfig& config);
    /// The outcome of an apply: empty means it worked, otherwise the reason it did not.
    void showResult(const QString& error);

    /// The editor of a setting (a QLineEdit or a QCheckBox), for tests.
    QWidget* editor(Setting id) const;
    QString message() const;
    /// Shows the answer to ollamaTestRequested.
    void showOllamaTest(const QUrl& url, const OllamaStatus& status);

signals:
    /// Saved-settings key → new text, for the values that changed.
    void applyRequested(const QHash<QString, QString>& changes);
    /// The Test button next to OLLAMA_HOST: is there an Ollama at this URL?
    void ollamaTestRequested(const QUrl& url);

private:
    struct Field
    {
        const SettingSpec* spec = nullptr;
        QLineEdit* edit = nullptr;
        QCheckBox* check = nullptr;
        QLabel* note = nullptr;
    };

    void apply();
    /// A warning under the listen address while it reaches beyond this computer.
    void addListenWarning(QLineEdit* edit, QVBoxLayout* cell);
    /// The OLLAMA_HOST editor with its Test button and the place for the answer; returns the button.
    QWidget* addOllamaTest(QLineEdit* edit, QVBoxLayout* cell);
    QString editedText(const Field& field) const;
    QString shownText(const Field& field) const;

    QList<Field> m_fields;
    GatewayConfig m_config;
    QScrollArea* m_scroll = nullptr;
    QLabel* m_ollamaTest = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_revert = nullptr;
};

} // namespace llamagate
