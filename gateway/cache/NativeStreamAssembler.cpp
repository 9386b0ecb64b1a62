#include "gateway/cache/NativeStreamAssembler.h"

#include "gateway/openai/NativeReplyFields.h"
#include "gateway/openai/ResponseIds.h"

namespace llamagate {

QJsonObject NativeStreamAssembler::add(const QJsonObject& line)
{
    if (NativeReplyFields::errorMessage(line)) {
        m_failed = true;
        return line;
    }
    QJsonObject stamped = line;
    QJsonObject message = line.value(QStringLiteral("message")).toObject();
    m_content += message.value(QStringLiteral("content")).toString();
    m_thinking += message.value(QStringLiteral("thinking")).toString();
    m_response += line.value(QStringLiteral("response")).toString();
    const QJsonArray calls = message.value(QStringLiteral("tool_calls")).toArray();
    if (!calls.isEmpty()) {
        QJsonArray named;
        for (const QJsonValue& value : calls) {
            QJsonObject call = value.toObject();
            if (call.value(QStringLiteral("id")).toString().isEmpty())
                call.insert(QStringLiteral("id"), ResponseIds::toolCall());
            named.append(call);
            m_toolCalls.append(call);
        }
        message.insert(QStringLiteral("tool_calls"), named);
        stamped.insert(QStringLiteral("message"), message);
    }
    if (line.value(QStringLiteral("done")).toBool())
        m_finalLine = line;
    return stamped;
}

std::optional<QJsonObject> NativeStreamAssembler::reply() const
{
    if (m_failed || m_finalLine.isEmpty())
        return std::nullopt;
    QJsonObject reply = m_finalLine;
    if (reply.contains(QStringLiteral("response"))) { // /api/generate
        reply.insert(QStringLiteral("response"), m_response);
        return reply;
    }
    QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), m_content}};
    if (!m_thinking.isEmpty())
        message.insert(QStringLiteral("thinking"), m_thinking);
    if (!m_toolCalls.isEmpty())
        message.insert(QStringLiteral("tool_calls"), m_toolCalls);
    reply.insert(QStringLiteral("message"), message);
    return reply;
}

} // namespace llamagate
