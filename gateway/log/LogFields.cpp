#include "gateway/log/LogFields.h"

#include "gateway/json/CompactJson.h"

#include <algorithm>
#include <iterator>
#include <type_traits>

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
    if (m_fields.isEmpty()) // room for a request's fields at once, instead of growing by one each time
        m_fields.reserve(8);
    const auto position =
        std::lower_bound(m_fields.begin(), m_fields.end(), name, [](const Field& field, const QString& key) {
            return field.name < key;
        });
    if (position != m_fields.end() && position->name == name) {
        position->value = std::move(value);
        return;
    }
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

qint64 LogFields::integer(QAnyStringView name) const
{
    const qsizetype index = find(name);
    if (index < 0)
        return 0;
    const Value& value = m_fields.at(index).value;
    if (const qint64* number = std::get_if<qint64>(&value))
        return *number;
    if (const QJsonValue* json = std::get_if<QJsonValue>(&value))
        return json->toInteger();
    return 0; // text and flags are not numbers
}

QJsonObject LogFields::toJsonObject() const
{
    QJsonObject object;
    for (const Field& field : m_fields)
        object.insert(field.name, toJson(field.value));
    return object;
}

namespace {

void appendName(QByteArray& out, QStringView name)
{
    out += ',';
    CompactJson::appendString(out, name);
    out += ':';
}

void appendFlag(QByteArray& out, bool flag)
{
    out += flag ? "true" : "false";
}

} // namespace

void LogFields::appendJsonMembers(QByteArray& out,
                                  std::span<const LogField> more,
                                  std::initializer_list<QStringView> skip) const
{
    const auto skipped = [&skip](QStringView name) { return std::find(skip.begin(), skip.end(), name) != skip.end(); };
    auto next = more.begin();
    const auto appendMoreBefore = [&](const QString* name) {
        // The fields of `more` that sort before `name` (all when null); one of the same name replaces it.
        for (; next != more.end() && (!name || QStringView(*name).compare(next->name) >= 0); ++next) {
            if (skipped(next->name))
                continue;
            appendName(out, next->name);
            std::visit(
                [&out](auto held) {
                    if constexpr (std::is_same_v<decltype(held), QStringView>)
                        CompactJson::appendString(out, held);
                    else if constexpr (std::is_same_v<decltype(held), qint64>)
                        CompactJson::appendInteger(out, held);
                    else
                        appendFlag(out, held);
                },
                next->value);
        }
        return next != more.begin() && name && QStringView(*name) == std::prev(next)->name;
    };
    for (const Field& field : m_fields) {
        if (appendMoreBefore(&field.name) || skipped(field.name))
            continue;
        appendName(out, field.name);
        if (const QString* text = std::get_if<QString>(&field.value))
            CompactJson::appendString(out, *text);
        else if (const qint64* number = std::get_if<qint64>(&field.value))
            CompactJson::appendInteger(out, *number);
        else if (const bool* flag = std::get_if<bool>(&field.value))
            appendFlag(out, *flag);
        else
            CompactJson::appendValue(out, std::get<QJsonValue>(field.value));
    }
    appendMoreBefore(nullptr);
}

} // namespace llamagate
