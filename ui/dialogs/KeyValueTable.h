#pragma once

#include <QMap>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace llamagate {

/// A small editable table of name/value pairs with Add and Remove buttons (environment variables, HTTP headers).
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

private:
    QTableWidget* m_table = nullptr;
    QPushButton* m_remove = nullptr;
};

} // namespace llamagate
