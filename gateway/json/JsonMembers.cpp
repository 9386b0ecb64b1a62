#include "gateway/json/JsonMembers.h"

#include "gateway/json/CompactJson.h"

namespace llamagate {

JsonMembers::JsonMembers(const QJsonObject& object)
{
    m_json += '{';
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!m_ends.isEmpty())
            m_json += ',';
        CompactJson::appendString(m_json, it.key());
        m_json += ':';
        CompactJson::appendValue(m_json, it.value());
        m_ends.append(m_json.size());
    }
    m_json += '}';
}

QByteArray JsonMembers::object(std::initializer_list<QLatin1StringView> leftOut) const
{
    if (leftOut.size() == 0)
        return m_json;
    QByteArray json;
    json.reserve(m_json.size());
    writeObject(leftOut, [&json](QByteArrayView piece) { json.append(piece); });
    return json;
}

bool JsonMembers::named(QByteArrayView member, QLatin1StringView key)
{
    // `"key":…`; a key with characters JSON escapes is never one of the plain ASCII names asked for.
    return member.size() > key.size() + 2 && member.at(0) == '"' && member.at(key.size() + 1) == '"' &&
           member.sliced(1, key.size()) == QByteArrayView(key.data(), key.size());
}

} // namespace llamagate
