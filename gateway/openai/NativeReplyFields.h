#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace llamagate {

/// Reads the fields every native reply shares (timestamps, token counts, done_reason, error lines) in the form
/// the OpenAI objects want them.
class NativeReplyFields
{
public:
    /// Unix seconds of an RFC 3339 timestamp ("2023-08-04T08:52:19.385406455-07:00"); `fallback` when missing or
    /// invalid.
    static qint64 unixSeconds(const QJsonValue& timestamp, qint64 fallback);
    /// Unix seconds of the reply's `created_at`, or now.
    static qint64 created(const QJsonObject& reply);
    /// {prompt_tokens, completion_tokens, total_tokens} from prompt_eval_count and eval_count (absent = 0).
    static QJsonObject usage(const QJsonObject& reply);
    /// finish_reason: "length" stays, tool calls make "tool_calls", anything else (stop, load, unload, "") is "stop".
    static QString finishReason(const QJsonObject& reply, bool hadToolCalls);
    /// The message of a native error object ({"error":"…"}), if this is one.
    static std::optional<QString> errorMessage(const QJsonObject& reply);
};

} // namespace llamagate
