#pragma once

#include <QMap>
#include <QWidget>

#include <functional>

class QPushButton;
class QTableWidget;

namespace llamagate {

/// A small editable table of name/value pairs with Add and Remove buttons (environment variables, HTTP headers).
/// Values under names that `isSecret` picks are shown and typed as dots.
class KeyValueTable : public QWidget
{
    Q_OBJECT
public:
    KeyValueTable(const QString& keyTitle, const QString& valueTitle, QWidget* parent = nullptr);

    void setValues(const QMap<QString, QString>& values);
    /// The rows with a name (trimmed); a later row wins over an earlier one of the same name.
    QMap<QString, QString> values() const;
    QTableWidget* table() const { return m_table; }
    /// Adds an empty row and starts editing its name.
    void addRow();
    /// Which names hold secrets: their values are masked (references such as ${env:…} stay readable).
    void setSecretNames(std::function<bool(const QString&)> isSecret);

private:
    QTableWidget* m_table = nullptr;
    QPushButton* m_remove = nullptr;
};

} // namespace llamagate
