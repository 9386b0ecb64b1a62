#include "gateway/json/JsonMembers.h"

#include <QJsonDocument>

namespace llamagate {

const JsonMembers::Member* JsonMembers::find(QLatin1StringView key) const
{
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
    QByteArray json(m_json.size() + 2,
                    Qt::Uninitialized); // at most: `{`, every member (the first without its comma), `}`
    char* next = json.data();
    writeObject(leftOut, [&next](QByteArrayView piece) { next = std::copy(piece.begin(), piece.end(), next); });
    json.truncate(next - json.data());
    return json;
}

QJsonObject JsonMembers::toJsonObject() const
{
    return QJsonDocument::fromJson(object()).object();
}

} // namespace llamagate
