#pragma once

#include <QAnyStringView>
#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <concepts>
#include <initializer_list>
#include <span>
#include <utility>
#include <variant>

namespace llamagate {

/// A field written next to a LogFields' own (see LogFields::appendJsonMembers), without being inserted: its name,
/// and text, a number or a flag, all borrowed.
struct LogField
{
    QStringView name;
    std::variant<QStringView, qint64, bool> value;
};

/// Named values for a log line (model, stream, cache, tokens, …), kept in the order of their names as a QJsonObject
/// would keep them, at a fraction of its cost per field: text stays a QString until the line is written (a
/// QJsonValue would copy it into a CBOR container for each field of each request).
class LogFields
{
public:
    LogFields() = default;
    LogFields(std::initializer_list<std::pair<QString, QJsonValue>> fields);
    explicit LogFields(const QJsonObject& fields);

    /// Sets a field (replacing one with the same name).
    void insert(const QString& name, const QString& text) { put(name, text); }
    void insert(const QString& name, bool flag) { put(name, flag); }
    template <std::integral Number>
    requires(!std::same_as<Number, bool>) void insert(const QString& name, Number number) { put(name, qint64(number)); }
    void insert(const QString& name, const QJsonValue& value) { put(name, value); }

    bool contains(QAnyStringView name) const { return find(name) >= 0; }
    QJsonValue value(QAnyStringView name) const;
    /// The field as text: its string, or empty when it is not a string.
    QString text(QAnyStringView name) const;
    /// The field as a whole number (value(name).toInteger(), without making a QJsonValue of it).
    qint64 integer(QAnyStringView name) const;
    qsizetype size() const { return m_fields.size(); }

    QJsonObject toJsonObject() const;
    /// Appends `,"name":value` for each field, in order, as QJsonDocument::Compact writes them; names in `skip` are
    /// left out. The fields in `more` (sorted by name) go in among them, as if they had been inserted: the same line
    /// without copying this object to insert them.
    void appendJsonMembers(QByteArray& out,
                           std::span<const LogField> more = {},
                           std::initializer_list<QStringView> skip = {}) const;

private:
    using Value = std::variant<QString, qint64, bool, QJsonValue>;
    struct Field
    {
        QString name;
        Value value;
    };

    void put(const QString& name, Value value);
    qsizetype find(QAnyStringView name) const;
    static QJsonValue toJson(const Value& value);

    QList<Field> m_fields; ///< sorted by name
};

} // namespace llamagate
