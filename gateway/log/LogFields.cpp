#include "gateway/log/LogFields.h"

#include "gateway/json/CompactJson.h"

#include <algorithm>
#include <charconv>

namespace llamagate {

LogFields::LogFields(std::initializer_list<std::pair<QString, QJsonValue>> fields)
{
    for (const auto& [name, value] : fields)
        insert(name, value);
}

LogFields::LogFields(const QJsonObject& fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        insert(it.key(), it.value());
}

void LogFields::put(const QString& name, Value value)
{
    // Few fields, mostly inserted in no particular order: a sorted list, found by binary search.
    const auto position =
        std::lower_bound(m_fields.begin(), m_fields.end(), name, [](const Field& field, const QString& key) {
            return field.name < key;
        });
    if (position != m_fields.end() && position->name == name)
        position->value = std::move(value);
    else
        m_fields.insert(position, Field{name, std::move(value)});
}

qsizetype LogFields::find(QAnyStringView name) const
{
    for (qsizetype index = 0; index < m_fields.size(); ++index) {
        if (QAnyStringView::equal(m_fields.at(index).name, name))
            return index;
    }
    return -1;
}

QJsonValue LogFields::toJson(const Value& value)
{
    return std::visit([](const auto& held) { return QJsonValue(held); }, value);
}

QJsonValue LogFields::value(QAnyStringView name) const
{
    const qsizetype index = find(name);
    return index < 0 ? QJsonValue(QJsonValue::Undefined) : toJson(m_fields.at(index).value);
}

QString LogFields::text(QAnyStringView name) const
{
    const qsizetype index = find(name);
    if (index < 0)
        return {};
    const Value& value = m_fields.at(index).value;
    if (const QString* text = std::get_if<QString>(&value))
        return *text;
    if (const QJsonValue* json = std::get_if<QJsonValue>(&value))
        return json->toString();
    return {};
}

QJsonObject LogFields::toJsonObject() const
{
    QJsonObject object;
    for (const Field& field : m_fields)
        object.insert(field.name, toJson(field.value));
    return object;
}

void LogFields::appendJsonMembers(QByteArray& out, std::initializer_list<QStringView> skip) const
{
    for (const Field& field : m_fields) {
        if (std::find(skip.begin(), skip.end(), QStringView(field.name)) != skip.end())
            continue;
        out += ',';
        CompactJson::appendString(out, field.name);
        out += ':';
        if (const QString* text = std::get_if<QString>(&field.value)) {
            CompactJson::appendString(out, *text);
        } else if (const qint64* number = std::get_if<qint64>(&field.value)) {
            char digits[24];
            out.append(digits, std::to_chars(digits, digits + sizeof digits, *number).ptr - digits);
        } else if (const bool* flag = std::get_if<bool>(&field.value)) {
            out += *flag ? "true" : "false";
        } else {
            CompactJson::appendValue(out, std::get<QJsonValue>(field.value));
        }
    }
}

} // namespace llamagate
