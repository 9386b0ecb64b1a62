#include "gateway/openai/CompletionTranslator.h"

#include "gateway/json/CompactJson.h"
#include "gateway/openai/GenerationOptions.h"
#include "gateway/openai/NativeReplyFields.h"
#include "gateway/openai/RequestFields.h"

#include <QJsonArray>

namespace llamagate {

namespace {

using Kind = RequestFields::Kind;

/// `prompt`: a string, or an array holding exactly one string, appended to `body`. Token arrays and several prompts
/// are refused.
std::optional<ApiError> mapPrompt(JsonRef value, JsonMembers& body)
{
    const QString param = QStringLiteral("prompt");
    if (!RequestFields::isSet(value))
        return ApiError::invalidRequest(QStringLiteral("'prompt' is required"), param);
    const JsonRef first = value.isArray() && value.size() > 0 ? *value.begin() : JsonRef();
    const JsonRef text = value.isString() ? value : value.size() == 1 && first.isString() ? first : JsonRef();
    if (text.isString()) {
        body.insert(QLatin1StringView("prompt"), [text](QByteArray& out) { text.appendCompact(out); });
        return std::nullopt;
    }
    if (value.size() > 1 && first.isString())
        return ApiError::invalidRequest(QStringLiteral("Several prompts in one request are not supported"), param);
    return ApiError::invalidRequest(
        QStringLiteral("Invalid type for 'prompt': expected a string (token arrays are not supported)"), param);
}

QJsonObject choice(const QString& text, const QJsonValue& finishReason)
{
    return QJsonObject{{QStringLiteral("text"), text},
                       {QStringLiteral("index"), 0},
                       {QStringLiteral("logprobs"), QJsonValue::Null},
                       {QStringLiteral("finish_reason"), finishReason}};
}

} // namespace

Result<NativeRequest> CompletionTranslator::translateRequest(const JsonTree& body)
{
    const JsonRef request = body.root();
    Result<NativeRequest> native = GenerationOptions::map(
        request, {QLatin1StringView("prompt"), QLatin1StringView("suffix"), QLatin1StringView("echo")});
    if (!native.ok())
        return native;
    if (auto error = mapPrompt(request.value(QLatin1StringView("prompt")), native.value().body))
        return *error;

    const JsonRef suffix = request.value(QLatin1StringView("suffix"));
    if (auto error = RequestFields::check(suffix, Kind::String, QStringLiteral("suffix")))
        return *error;
    if (suffix.isString() && suffix.source().size() > 2) // not ""
        native.value().body.insert(QLatin1StringView("suffix"),
                                   [suffix](QByteArray& out) { suffix.appendCompact(out); });

    const JsonRef echo = request.value(QLatin1StringView("echo"));
    if (auto error = RequestFields::check(echo, Kind::Bool, QStringLiteral("echo")))
        return *error;
    if (echo.toBool(false))
        return ApiError::invalidRequest(QStringLiteral("echo is not supported"), QStringLiteral("echo"));
    return native;
}

AnswerJson CompletionTranslator::translateResponse(const JsonRef& reply, const QString& id)
{
    // The members in key order, as QJsonDocument writes an object.
    const JsonRef text = reply.value(QLatin1StringView("response"));
    QByteArray json;
    json.reserve(256 + text.source().size()); // exact for ASCII text, bar the numbers
    json += "{\"choices\":[{\"finish_reason\":";
    CompactJson::appendString(json, NativeReplyFields::finishReason(reply, false));
    json += ",\"index\":0,\"logprobs\":null,\"text\":";
    text.appendCompactString(json);
    json += "}]";
    return AnswerJson::completion(std::move(json), reply, id, QLatin1StringView("text_completion"));
}

CompletionStreamTranslator::CompletionStreamTranslator(const QString& id, const QString& model, bool includeUsage)
    : m_stream(id, QStringLiteral("text_completion"), model, includeUsage)
{
}

QByteArray CompletionStreamTranslator::feed(const QJsonObject& nativeLine)
{
    if (isFinished())
        return {};
    if (const auto message = NativeReplyFields::errorMessage(nativeLine))
        return m_stream.error(*message);
    m_stream.adopt(nativeLine);
    QByteArray frames;
    const QString text = nativeLine.value(QStringLiteral("response")).toString();
    if (!text.isEmpty())
        frames += m_stream.chunk(QJsonArray{choice(text, QJsonValue::Null)});
    if (nativeLine.value(QStringLiteral("done")).toBool()) {
        frames += m_stream.chunk(QJsonArray{choice(QString(), NativeReplyFields::finishReason(nativeLine, false))});
        frames += m_stream.close(nativeLine);
    }
    return frames;
}

QByteArray CompletionStreamTranslator::fail(const QString& message)
{
    return m_stream.error(message);
}

} // namespace llamagate
