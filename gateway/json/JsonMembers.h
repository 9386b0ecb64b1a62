#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>

#include <initializer_list>

namespace llamagate {

/// A JSON object's members, each serialized once (compact), so that the object can be written whole and without
/// some of its members — the body sent to Ollama and the canonical request of its cache key — from one pass.
class JsonMembers
{
public:
    explicit JsonMembers(const QJsonObject& object);

    /// The object's compact JSON, as QJsonDocument writes it, without the members named in `leftOut`.
    QByteArray object(std::initializer_list<QLatin1StringView> leftOut = {}) const;

private:
    struct Member
    {
        QString key;
        QByteArray json; ///< `"key":value`
    };
    QList<Member> m_members; ///< in the object's (sorted) order
    qsizetype m_size = 0;    ///< of all members' JSON
};

} // namespace llamagate
