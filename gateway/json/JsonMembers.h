#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QVarLengthArray>

#include <algorithm>
#include <initializer_list>

namespace llamagate {

/// A JSON object kept as its members' compact JSON in key order, so that it can be written whole and without some
/// of its members — the body sent to Ollama and the canonical request of its cache key — without serializing it
/// again. The translators build it member by member straight from the client's bytes.
class JsonMembers
{
public:
    /// Sets the member `key` (a plain ASCII name, which JSON writes as it is) to the JSON that `writeValue` (a
    /// callable taking a QByteArray&) appends — compact, as QJsonDocument writes it —, replacing one of that name.
    template <typename WriteValue> void insert(QLatin1StringView key, WriteValue&& writeValue)
    {
        remove(key);
        const qsizetype start = m_json.size();
        m_json.resize(start + key.size() + 4);
        char* next = m_json.data() + start;
        *next++ = ',';
        *next++ = '"';
        next = std::copy(key.begin(), key.end(), next);
        *next++ = '"';
        *next = ':';
        writeValue(m_json);
        const auto after = std::find_if(m_members.begin(), m_members.end(), [&](const Member& member) {
            return QByteArrayView(key.data(), key.size()) < keyOf(member);
        });
        m_members.insert(after, Member{start, m_json.size(), key.size()});
    }
    /// The same with the value's JSON as it is.
    void insertJson(QLatin1StringView key, QByteArrayView json)
    {
        insert(key, [json](QByteArray& out) { out += json; });
    }
    void remove(QLatin1StringView key);
    /// Room for `size` bytes of members, set in one allocation.
    void reserve(qsizetype size) { m_json.reserve(size); }
    bool isEmpty() const { return m_members.isEmpty(); }

    /// The object's compact JSON, as QJsonDocument writes it, without the members named in `leftOut`.
    QByteArray object(std::initializer_list<QLatin1StringView> leftOut = {}) const;
    /// The object in Qt's model, for the paths that still work on QJsonObject.
    QJsonObject toJsonObject() const;

    /// The same JSON handed to `write` (a callable taking a QByteArrayView) in pieces, without copying it first.
    template <typename Write> void writeObject(std::initializer_list<QLatin1StringView> leftOut, Write&& write) const
    {
        const QByteArrayView json(m_json);
        write(QByteArrayView("{"));
        qsizetype runStart = -1; // the kept members not yet written, adjacent in m_json
        qsizetype runEnd = -1;
        for (const Member& member : m_members) {
            const QByteArrayView key = keyOf(member);
            if (std::any_of(leftOut.begin(), leftOut.end(), [key](QLatin1StringView name) {
                    return key == QByteArrayView(name.data(), name.size());
                }))
                continue;
            if (member.start == runEnd) {
                runEnd = member.end;
                continue;
            }
            if (runStart >= 0)
                write(json.sliced(runStart, runEnd - runStart));
            runStart = runStart < 0 ? member.start + 1 : member.start; // the first without its comma
            runEnd = member.end;
        }
        if (runStart >= 0)
            write(json.sliced(runStart, runEnd - runStart));
        write(QByteArrayView("}"));
    }

private:
    /// `,"key":value` in m_json.
    struct Member
    {
        qsizetype start = 0;
        qsizetype end = 0;
        qsizetype keySize = 0; ///< the length of the key, between its quotes
    };

    /// The member's key.
    QByteArrayView keyOf(const Member& member) const
    {
        return QByteArrayView(m_json).sliced(member.start + 2, member.keySize);
    }
    const Member* find(QLatin1StringView key) const;

    QByteArray m_json;                    ///< the members, each `,"key":value`, in the order they were set
    QVarLengthArray<Member, 8> m_members; ///< in key order, as QJsonObject keeps them
};

} // namespace llamagate
