#include "gateway/json/JsonMembers.h"

#include "gateway/json/CompactJson.h"

#include <QJsonDocument>

namespace llamagate {

JsonMembers::JsonMembers(const QJsonObject& object)
{
    // QJsonObject iterates in its key order: each member goes last.
    for (auto it = object.begin(); it != object.end(); ++it) {
        const qsizetype start = m_json.size();
        m_json += ',';
        CompactJson::appendString(m_json, it.key());
        m_json += ':';
        CompactJson::appendValue(m_json, it.value());
        m_members.append(Member{start, m_json.size()});
    }
}

const JsonMembers::Member* JsonMembers::find(QLatin1StringView key) const
{
    // A key with characters JSON escapes is never one of the plain ASCII names asked for.
    return std::find_if(m_members.begin(), m_members.end(), [&](const Member& member) {
        return keyOf(member) == QByteArrayView(key.data(), key.size());
    });
}

void JsonMembers::remove(QLatin1StringView key)
{
    const Member* member = find(key);
    if (member != m_members.end())
        m_members.erase(member);
}

QByteArray JsonMembers::object(std::initializer_list<QLatin1StringView> leftOut) const
{
    QByteArray json;
    json.reserve(m_json.size() + 1);
    writeObject(leftOut, [&json](QByteArrayView piece) { json.append(piece); });
    return json;
}

QJsonObject JsonMembers::toJsonObject() const
{
    return QJsonDocument::fromJson(object()).object();
}

} // namespace llamagate
