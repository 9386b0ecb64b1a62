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
        const qsizetype keySize = m_json.size() - start - 3;
        m_json += ':';
        CompactJson::appendValue(m_json, it.value());
        m_members.append(Member{start, m_json.size(), keySize});
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
