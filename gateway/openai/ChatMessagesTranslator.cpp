#include "gateway/openai/ChatMessagesTranslator.h"

#include "gateway/json/CompactJson.h"
#include "gateway/json/JsonMembers.h"
#include "gateway/openai/RequestFields.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

namespace llamagate {

namespace {

using Kind = RequestFields::Kind;

/// One message being translated; remembers the names of the tool calls seen so far for later tool results.
class MessageMapper
{
public:
    /// Appends the native message to `out`.
    std::optional<ApiError> map(JsonRef message, qsizetype index, QByteArray& out);

private:
    std::optional<ApiError> mapContent(JsonRef content, qsizetype index, JsonMembers& native);
    std::optional<ApiError> mapPart(JsonRef part, const QString& param, QStringList& texts, QStringList& images);
    std::optional<ApiError> mapToolCalls(JsonRef toolCalls, qsizetype index, JsonMembers& native);

    QHash<QString, QString> m_toolNamesById;
};

/// The name of message `index`'s `field` in an error, "messages[2].content"; built only when an error needs it.
QString messageParam(qsizetype index, QStringView field = {})
{
    return QStringLiteral("messages[%1]").arg(index).append(field);
}

/// Appends `value` as it is (compact).
auto compactOf(JsonRef value)
{
    return [value](QByteArray& out) { value.appendCompact(out); };
}

Result<QString> imageBase64(JsonRef url, const QString& param)
{
    if (!url.isString())
        return RequestFields::wrongType(url, Kind::String, param);
    const QString text = url.toString();
    if (text.startsWith(u"http://", Qt::CaseInsensitive) || text.startsWith(u"https://", Qt::CaseInsensitive))
        return ApiError::invalidRequest(
            QStringLiteral("Image URLs are not supported: send the image inline as a data URL "
                           "(data:image/png;base64,…)"),
            param);
    static const QRegularExpression dataUrl(QStringLiteral("^data:image/(png|jpeg|jpg|webp);base64,"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = dataUrl.match(text);
    if (!match.hasMatch())
        return ApiError::invalidRequest(
            QStringLiteral("Unsupported image: expected a data URL of a png, jpeg or webp image in base64"), param);
    const QString base64 = text.mid(match.capturedLength());
    const auto decoded = QByteArray::fromBase64Encoding(base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return ApiError::invalidRequest(QStringLiteral("The image data URL does not hold valid base64 data"), param);
    return base64;
}

/// Appends a tool call's arguments as a JSON object: as sent, or parsed from the JSON string OpenAI sends.
std::optional<ApiError> appendToolArguments(JsonRef arguments, const QString& param, QByteArray& out)
{
    if (arguments.isObject()) {
        arguments.appendCompact(out);
        return std::nullopt;
    }
    if (!RequestFields::isSet(arguments) || (arguments.isString() && arguments.toString().trimmed().isEmpty())) {
        out += "{}";
        return std::nullopt;
    }
    if (!arguments.isString())
        return ApiError::invalidRequest(QStringLiteral("Invalid type for '%1': expected a JSON string").arg(param),
                                        param);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(arguments.toString().toUtf8(), &parseError);
    if (!document.isObject())
        return ApiError::invalidRequest(QStringLiteral("'%1' is not a JSON object: %2")
                                            .arg(param,
                                                 parseError.error == QJsonParseError::NoError
                                                     ? QStringLiteral("another JSON type")
                                                     : parseError.errorString()),
                                        param);
    CompactJson::appendValue(out, document.object());
    return std::nullopt;
}

std::optional<ApiError> MessageMapper::map(JsonRef message, qsizetype index, QByteArray& out)
{
    if (!message.isObject())
        return RequestFields::wrongType(message, Kind::Object, messageParam(index));
    const JsonRef role = message.value(QLatin1StringView("role"));
    if (!role.isString()) {
        const QString roleParam = messageParam(index, u".role");
        return ApiError::invalidRequest(QStringLiteral("'%1' must be a string").arg(roleParam), roleParam);
    }
    static const QLatin1StringView roles[] = {QLatin1StringView("system"),
                                              QLatin1StringView("developer"),
                                              QLatin1StringView("user"),
                                              QLatin1StringView("assistant"),
                                              QLatin1StringView("tool")};
    if (std::none_of(
            std::begin(roles), std::end(roles), [&role](QLatin1StringView name) { return role.equals(name); })) {
        const QString roleParam = messageParam(index, u".role");
        return ApiError::invalidRequest(
            QStringLiteral("Unsupported role '%1' in '%2': use %3")
                .arg(role.toString(), roleParam, QStringLiteral("system, developer, user, assistant, tool")),
            roleParam);
    }
    const JsonRef content = message.value(QLatin1StringView("content"));
    const bool developer = role.equals(QLatin1StringView("developer"));
    // Only a role that stays and a string content: the message is native as it is, and copied rather than rebuilt.
    if (message.size() == 2 && content.isString() && !developer) {
        message.appendCompact(out);
        return std::nullopt;
    }

    JsonMembers native;
    if (developer)
        native.insertJson(QLatin1StringView("role"), "\"system\"");
    else
        native.insert(QLatin1StringView("role"), compactOf(role));
    if (auto error = mapContent(content, index, native))
        return *error;

    for (const QLatin1StringView key : {QLatin1StringView("reasoning_content"), QLatin1StringView("reasoning")}) {
        const JsonRef reasoning = message.value(key);
        if (auto error =
                RequestFields::check(reasoning, Kind::String, [&] { return messageParam(index) + u'.' + key; }))
            return *error;
        if (reasoning.isString() && reasoning.source().size() > 2) // not ""
            native.insert(QLatin1StringView("thinking"), compactOf(reasoning));
    }

    if (role.equals(QLatin1StringView("assistant"))) {
        if (auto error = mapToolCalls(message.value(QLatin1StringView("tool_calls")), index, native))
            return *error;
    }
    if (role.equals(QLatin1StringView("tool"))) {
        const JsonRef callId = message.value(QLatin1StringView("tool_call_id"));
        if (auto error =
                RequestFields::check(callId, Kind::String, [index] { return messageParam(index, u".tool_call_id"); }))
            return *error;
        if (callId.isString()) {
            native.insert(QLatin1StringView("tool_call_id"), compactOf(callId));
            const auto name = m_toolNamesById.constFind(callId.toString());
            if (name != m_toolNamesById.cend())
                native.insert(QLatin1StringView("tool_name"),
                              [&name](QByteArray& json) { CompactJson::appendString(json, *name); });
        }
    }
    native.writeObject({}, [&out](QByteArrayView piece) { out += piece; });
    return std::nullopt;
}

std::optional<ApiError> MessageMapper::mapContent(JsonRef content, qsizetype index, JsonMembers& native)
{
    const QLatin1StringView contentName("content");
    if (!RequestFields::isSet(content)) {
        native.insertJson(contentName, "\"\"");
        return std::nullopt;
    }
    if (content.isString()) {
        native.insert(contentName, compactOf(content));
        return std::nullopt;
    }
    const QString param = messageParam(index, u".content");
    if (!content.isArray())
        return ApiError::invalidRequest(
            QStringLiteral("Invalid type for '%1': expected a string or an array of content parts").arg(param), param);

    QStringList texts;
    QStringList images;
    qsizetype i = 0;
    for (const JsonRef part : content) {
        if (auto error = mapPart(part, QStringLiteral("%1[%2]").arg(param).arg(i), texts, images))
            return error;
        ++i;
    }
    native.insert(contentName, [&texts](QByteArray& out) { CompactJson::appendString(out, texts.join(u'\n')); });
    if (!images.isEmpty()) {
        native.insert(QLatin1StringView("images"), [&images](QByteArray& out) {
            out += '[';
            for (qsizetype j = 0; j < images.size(); ++j) {
                if (j > 0)
                    out += ',';
                CompactJson::appendString(out, images.at(j));
            }
            out += ']';
        });
    }
    return std::nullopt;
}

std::optional<ApiError>
MessageMapper::mapPart(JsonRef part, const QString& param, QStringList& texts, QStringList& images)
{
    if (!part.isObject())
        return RequestFields::wrongType(part, Kind::Object, param);
    const JsonRef type = part.value(QLatin1StringView("type"));
    if (type.equals(QLatin1StringView("text"))) {
        const JsonRef text = part.value(QLatin1StringView("text"));
        if (!text.isString())
            return RequestFields::wrongType(text, Kind::String, param + QStringLiteral(".text"));
        texts.append(text.toString());
        return std::nullopt;
    }
    if (type.equals(QLatin1StringView("image_url"))) {
        // {"image_url":{"url":…}} per the spec; some clients send {"image_url":"…"}.
        const JsonRef imageUrl = part.value(QLatin1StringView("image_url"));
        const bool nested = imageUrl.isObject();
        const Result<QString> base64 =
            imageBase64(nested ? imageUrl.value(QLatin1StringView("url")) : imageUrl,
                        param + (nested ? QStringLiteral(".image_url.url") : QStringLiteral(".image_url")));
        if (!base64.ok())
            return base64.error();
        images.append(base64.value());
        return std::nullopt;
    }
    return ApiError::invalidRequest(
        QStringLiteral("Unsupported content part type '%1' in '%2': use text or image_url").arg(type.toString(), param),
        param + QStringLiteral(".type"));
}

std::optional<ApiError> MessageMapper::mapToolCalls(JsonRef toolCalls, qsizetype index, JsonMembers& native)
{
    if (auto error =
            RequestFields::check(toolCalls, Kind::Array, [index] { return messageParam(index, u".tool_calls"); }))
        return error;
    if (toolCalls.size() == 0)
        return std::nullopt;
    const QString param = messageParam(index, u".tool_calls");
    QByteArray nativeCalls = "[";
    qsizetype i = 0;
    for (const JsonRef call : toolCalls) {
        const QString callParam = QStringLiteral("%1[%2]").arg(param).arg(i);
        if (!call.isObject())
            return RequestFields::wrongType(call, Kind::Object, callParam);
        const JsonRef function = call.value(QLatin1StringView("function"));
        if (!function.isObject())
            return RequestFields::wrongType(function, Kind::Object, callParam + QStringLiteral(".function"));
        const JsonRef name = function.value(QLatin1StringView("name"));
        if (!name.isString())
            return RequestFields::wrongType(name, Kind::String, callParam + QStringLiteral(".function.name"));
        if (i > 0)
            nativeCalls += ',';
        // {"function":{"arguments":…,"index":i,"name":…},"id":…}, keys in QJsonObject's order.
        nativeCalls += "{\"function\":{\"arguments\":";
        if (auto error = appendToolArguments(function.value(QLatin1StringView("arguments")),
                                             callParam + QStringLiteral(".function.arguments"),
                                             nativeCalls))
            return error;
        nativeCalls += ",\"index\":";
        nativeCalls += QByteArray::number(i);
        nativeCalls += ",\"name\":";
        name.appendCompact(nativeCalls);
        nativeCalls += '}';
        const JsonRef id = call.value(QLatin1StringView("id"));
        if (auto error = RequestFields::check(id, Kind::String, callParam + QStringLiteral(".id")))
            return error;
        if (id.isString()) {
            nativeCalls += ",\"id\":";
            id.appendCompact(nativeCalls);
            m_toolNamesById.insert(id.toString(), name.toString());
        }
        nativeCalls += '}';
        ++i;
    }
    nativeCalls += ']';
    native.insertJson(QLatin1StringView("tool_calls"), nativeCalls);
    return std::nullopt;
}

} // namespace

std::optional<ApiError> ChatMessagesTranslator::translate(JsonRef messages, QByteArray& out)
{
    const QString param = QStringLiteral("messages");
    if (!RequestFields::isSet(messages))
        return ApiError::invalidRequest(QStringLiteral("'messages' is required"), param);
    if (!messages.isArray())
        return RequestFields::wrongType(messages, Kind::Array, param);
    if (messages.size() == 0)
        return ApiError::invalidRequest(QStringLiteral("'messages' must contain at least one message"), param);

    MessageMapper mapper;
    out += '[';
    qsizetype i = 0;
    for (const JsonRef message : messages) {
        if (i > 0)
            out += ',';
        if (auto error = mapper.map(message, i, out))
            return error;
        ++i;
    }
    out += ']';
    return std::nullopt;
}

} // namespace llamagate
