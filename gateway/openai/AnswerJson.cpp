#include "gateway/openai/AnswerJson.h"

#include "gateway/json/CompactJson.h"
#include "gateway/openai/NativeReplyFields.h"

#include <QJsonDocument>

namespace llamagate {

AnswerJson AnswerJson::of(const QJsonObject& answer)
{
    AnswerJson result;
    QByteArray& json = result.m_json;
    json += '{';
    for (auto it = answer.begin(); it != answer.end(); ++it) {
        if (it != answer.begin())
            json += ',';
        const QString key = it.key();
        CompactJson::appendString(json, key);
        json += ':';
        const qsizetype at = json.size();
        CompactJson::appendValue(json, it.value());
        if (key == u"created")
            result.m_created = {at, json.size()};
        else if (key == u"id")
            result.m_id = {at, json.size()};
    }
    json += '}';
    return result;
}

AnswerJson AnswerJson::completion(QByteArray head, const JsonRef& reply, QStringView id, QLatin1StringView object)
{
    const qint64 prompt = reply.value(QLatin1StringView("prompt_eval_count")).toInteger();
    const qint64 completion = reply.value(QLatin1StringView("eval_count")).toInteger();
    AnswerJson result;
    QByteArray& json = result.m_json;
    json = std::move(head);
    json += ",\"created\":";
    result.m_created.at = json.size();
    CompactJson::appendInteger(json, NativeReplyFields::created(reply));
    result.m_created.end = json.size();
    json += ",\"id\":";
    result.m_id.at = json.size();
    CompactJson::appendString(json, id);
    result.m_id.end = json.size();
    json += ",\"model\":";
    reply.value(QLatin1StringView("model")).appendCompactString(json);
    json += ",\"object\":\"";
    json.append(object.data(), object.size());
    json += "\",\"usage\":{\"completion_tokens\":";
    CompactJson::appendInteger(json, completion);
    json += ",\"prompt_tokens\":";
    CompactJson::appendInteger(json, prompt);
    json += ",\"total_tokens\":";
    CompactJson::appendInteger(json, prompt + completion);
    json += "}}";
    return result;
}

QByteArray AnswerJson::renewed(QStringView id, qint64 created) const
{
    if (m_created.at < 0 && m_id.at < 0)
        return m_json;
    QByteArray json;
    json.reserve(m_json.size() + id.size() + 8);
    qsizetype from = 0;
    if (m_created.at >= 0) {
        json.append(QByteArrayView(m_json).sliced(from, m_created.at - from));
        CompactJson::appendInteger(json, created);
        from = m_created.end;
    }
    if (m_id.at >= 0) {
        json.append(QByteArrayView(m_json).sliced(from, m_id.at - from));
        CompactJson::appendString(json, id);
        from = m_id.end;
    }
    json.append(QByteArrayView(m_json).sliced(from));
    return json;
}

QJsonObject AnswerJson::object() const
{
    return QJsonDocument::fromJson(m_json).object();
}

} // namespace llamagate
