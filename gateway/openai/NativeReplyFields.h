#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace llamagate {

/// Reads the fields every native reply shares (timestamps, token counts, done_reason, error lines) in the form
/// the OpenAI objects want them. `Json` is a QJsonObject (stream lines) or a JsonRef (whole replies).
class NativeReplyFields
{
public:
    /// Unix seconds of an RFC 3339 timestamp ("2023-08-04T08:52:19.385406455-07:00"); `fallback` when missing or
    /// invalid.
    static qint64 unixSeconds(const QString& timestamp, qint64 fallback);
    /// Unix seconds of the reply's `created_at`, or now.
    template <typename Json> static qint64 created(const Json& reply)
    {
        return unixSeconds(reply.value(QLatin1StringView("created_at")).toString(), QDateTime::currentSecsSinceEpoch());
    }
    /// {prompt_tokens, completion_tokens, total_tokens} from prompt_eval_count and eval_count (absent = 0).
    static QJsonObject usage(const QJsonObject& reply);
    /// finish_reason: "length" stays, tool calls make "tool_calls", anything else (stop, load, unload, "") is "stop".
    template <typename Json> static QString finishReason(const Json& reply, bool hadToolCalls)
    {
        if (reply.value(QLatin1StringView("done_reason")).toString() == u"length")
            return QStringLiteral("length");
        return hadToolCalls ? QStringLiteral("tool_calls") : QStringLiteral("stop");
    }
    /// The message of a native error object ({"error":"…"}), if this is one.
    template <typename Json> static std::optional<QString> errorMessage(const Json& reply)
    {
        const auto error = reply.value(QLatin1StringView("error"));
        if (error.isUndefined())
            return std::nullopt;
        if (error.isString())
            return error.toString();
        const QString nested = error.toObject().value(QLatin1StringView("message")).toString();
        return nested.isEmpty() ? QStringLiteral("Ollama reported an error") : nested;
    }
};

} // namespace llamagate
