#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace llamagate {

/// Collects the native NDJSON lines of one streamed answer into the reply Ollama would have sent without streaming
/// (the text, thinking and tool calls of all lines; everything else from the final line), so a streamed answer is
/// stored in the same shape as a whole one. A tool call without an id gets one here, before the stream translator
/// sees the line, so the streamed and the stored answer name it alike.
class NativeStreamAssembler
{
public:
    /// Takes one line; returns it with an id on each of its tool calls.
    QJsonObject add(const QJsonObject& line);
    /// The whole reply, once the final line came and no error line did.
    std::optional<QJsonObject> reply() const;

private:
    QString m_content;
    QString m_thinking;
    QString m_response;
    QJsonArray m_toolCalls;
    QJsonObject m_finalLine;
    bool m_failed = false;
};

} // namespace llamagate
