#pragma once

#include "gateway/json/JsonTree.h"

#include <QByteArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QStringView>

namespace llamagate {

/// An OpenAI answer as the compact JSON sent to clients (byte for byte what QJsonDocument::Compact writes), with
/// where its top-level `created` and `id` values are, so that the answer is stored, counted and sent again under a
/// new id and time without parsing or rebuilding it.
class AnswerJson
{
public:
    AnswerJson() = default;
    /// Any JSON object (embeddings answers, answers read back from a cache file).
    static AnswerJson of(const QJsonObject& answer);
    /// A `chat.completion` or `text_completion` answer: `head` is `{"choices":[…]` as the translator wrote it; the
    /// members every such answer ends with (created, id, model, object, usage) are appended from the native reply.
    static AnswerJson completion(QByteArray head, const JsonRef& reply, QStringView id, QLatin1StringView object);

    const QByteArray& bytes() const { return m_json; }
    qsizetype size() const { return m_json.size(); }
    /// The bytes with this id and `created` in place of the stored ones (an answer without them, embeddings, stays
    /// as it is).
    QByteArray renewed(QStringView id, qint64 created) const;
    /// The answer parsed back (for the rarer paths that still need an object).
    QJsonObject object() const;

    friend bool operator==(const AnswerJson& a, const AnswerJson& b) { return a.m_json == b.m_json; }

private:
    /// Where a value is in m_json: [at, end); at < 0 when the answer has no such member.
    struct Span
    {
        qsizetype at = -1;
        qsizetype end = -1;
    };

    QByteArray m_json;
    Span m_created; ///< always before m_id: an object's members are written in key order
    Span m_id;
};

} // namespace llamagate
