#include "gateway/json/JsonMembers.h"

#include "gateway/json/CompactJson.h"

#include <algorithm>

namespace llamagate {

JsonMembers::JsonMembers(const QJsonObject& object)
{
    m_members.reserve(object.size());
    for (auto it = object.begin(); it != object.end(); ++it) {
        Member member{it.key(), {}};
        CompactJson::appendString(member.json, member.key);
        member.json += ':';
        CompactJson::appendValue(member.json, it.value());
        m_size += member.json.size() + 1;
        m_members.append(std::move(member));
    }
}

QByteArray JsonMembers::object(std::initializer_list<QLatin1StringView> leftOut) const
{
    QByteArray json;
    json.reserve(m_size + 2);
    json += '{';
    for (const Member& member : m_members) {
        if (std::find(leftOut.begin(), leftOut.end(), member.key) != leftOut.end())
            continue;
        if (json.size() > 1)
            json += ',';
        json += member.json;
    }
    json += '}';
    return json;
}

} // namespace llamagate
