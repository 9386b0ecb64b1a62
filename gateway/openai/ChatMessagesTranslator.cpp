#include "gateway/openai/ChatMessagesTranslator.h"

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
    Result<QJsonObject> map(const QJsonValue& message, qsizetype index);

private:
    std::optional<ApiError> mapContent(const QJsonValue& content, qsizetype index, QJsonObject& native);
    std::optional<ApiError>
    mapPart(const QJsonValue& part, const QString& param, QStringList& texts, QJsonArray& images);
    std::optional<ApiError> mapToolCalls(const QJsonValue& toolCalls, qsizetype index, QJsonObject& native);

    QHash<QString, QString> m_toolNamesById;
};

/// The name of message `index`'s `field` in an error, "messages[2].content"; built only when an error needs it.
QString messageParam(qsizetype index, QStringView field = {})
{
    return QStringLiteral("messages[%1]").arg(index).append(field);
}

Result<QString> imageBase64(const QJsonValue& url, const QString& param)
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

Result<QJsonObject> toolArguments(const QJsonValue& arguments, const QString& param)
{
    if (arguments.isObject())
        return arguments.toObject();
    if (!RequestFields::isSet(arguments) || (arguments.isString() && arguments.toString().trimmed().isEmpty()))
        return QJsonObject{};
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
    return document.object();
}

Result<QJsonObject> MessageMapper::map(const QJsonValue& message, qsizetype index)
{
    if (!message.isObject())
        return RequestFields::wrongType(message, Kind::Object, messageParam(index));
    const QJsonObject object = message.toObject();
    const QJsonValue roleValue = object.value(QStringLiteral("role"));
    if (!roleValue.isString()) {
        const QString roleParam = messageParam(index, u".role");
        return ApiError::invalidRequest(QStringLiteral("'%1' must be a string").arg(roleParam), roleParam);
    }
    QString role = roleValue.toString();
    static const QStringList roles{QStringLiteral("system"),
                                   QStringLiteral("developer"),
                                   QStringLiteral("user"),
                                   QStringLiteral("assistant"),
                                   QStringLiteral("tool")};
    if (!roles.contains(role)) {
        const QString roleParam = messageParam(index, u".role");
        return ApiError::invalidRequest(
            QStringLiteral("Unsupported role '%1' in '%2': use %3").arg(role, roleParam, roles.join(u", ")), roleParam);
    }
    const QJsonValue content = object.value(QStringLiteral("content"));
    // Only a role that stays and a string content: the message is native as it is, and shared rather than rebuilt.
    if (object.size() == 2 && content.isString() && role != u"developer")
        return object;
    if (role == u"developer")
        role = QStringLiteral("system");

    QJsonObject native{{QStringLiteral("role"), role}};
    if (auto error = mapContent(content, index, native))
        return *error;

    for (const QString& key : {QStringLiteral("reasoning_content"), QStringLiteral("reasoning")}) {
        const QJsonValue reasoning = object.value(key);
        if (auto error =
                RequestFields::check(reasoning, Kind::String, [&] { return messageParam(index) + u'.' + key; }))
            return *error;
        if (!reasoning.toString().isEmpty())
            native.insert(QStringLiteral("thinking"), reasoning);
    }

    if (role == u"assistant") {
        if (auto error = mapToolCalls(object.value(QStringLiteral("tool_calls")), index, native))
            return *error;
    }
    if (role == u"tool") {
        const QJsonValue callId = object.value(QStringLiteral("tool_call_id"));
        if (auto error =
                RequestFields::check(callId, Kind::String, [index] { return messageParam(index, u".tool_call_id"); }))
            return *error;
        if (callId.isString()) {
            native.insert(QStringLiteral("tool_call_id"), callId);
            const auto name = m_toolNamesById.constFind(callId.toString());
            if (name != m_toolNamesById.cend())
                native.insert(QStringLiteral("tool_name"), *name);
        }
    }
    return native;
}

std::optional<ApiError> MessageMapper::mapContent(const QJsonValue& content, qsizetype index, QJsonObject& native)
{
    if (!RequestFields::isSet(content)) {
        native.insert(QStringLiteral("content"), QString());
        return std::nullopt;
    }
    if (content.isString()) {
        native.insert(QStringLiteral("content"), content);
        return std::nullopt;
    }
    const QString param = messageParam(index, u".content");
    if (!content.isArray())
        return ApiError::invalidRequest(
            QStringLiteral("Invalid type for '%1': expected a string or an array of content parts").arg(param), param);

    QStringList texts;
    QJsonArray images;
    const QJsonArray parts = content.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (auto error = mapPart(parts.at(i), QStringLiteral("%1[%2]").arg(param).arg(i), texts, images))
            return error;
    }
    native.insert(QStringLiteral("content"), texts.join(u'\n'));
    if (!images.isEmpty())
        native.insert(QStringLiteral("images"), images);
    return std::nullopt;
}

std::optional<ApiError>
MessageMapper::mapPart(const QJsonValue& part, const QString& param, QStringList& texts, QJsonArray& images)
{
    if (!part.isObject())
        return RequestFields::wrongType(part, Kind::Object, param);
    const QJsonObject object = part.toObject();
    const QString type = object.value(QStringLiteral("type")).toString();
    if (type == u"text") {
        const QJsonValue text = object.value(QStringLiteral("text"));
        if (!text.isString())
            return RequestFields::wrongType(text, Kind::String, param + QStringLiteral(".text"));
        texts.append(text.toString());
        return std::nullopt;
    }
    if (type == u"image_url") {
        // {"image_url":{"url":…}} per the spec; some clients send {"image_url":"…"}.
        const QJsonValue imageUrl = object.value(QStringLiteral("image_url"));
        const bool nested = imageUrl.isObject();
        const Result<QString> base64 =
            imageBase64(nested ? imageUrl.toObject().value(QStringLiteral("url")) : imageUrl,
                        param + (nested ? QStringLiteral(".image_url.url") : QStringLiteral(".image_url")));
        if (!base64.ok())
            return base64.error();
        images.append(base64.value());
        return std::nullopt;
    }
    return ApiError::invalidRequest(
        QStringLiteral("Unsupported content part type '%1' in '%2': use text or image_url").arg(type, param),
        param + QStringLiteral(".type"));
}

std::optional<ApiError> MessageMapper::mapToolCalls(const QJsonValue& toolCalls, qsizetype index, QJsonObject& native)
{
    if (auto error =
            RequestFields::check(toolCalls, Kind::Array, [index] { return messageParam(index, u".tool_calls"); }))
        return error;
    const QJsonArray calls = toolCalls.toArray();
    if (calls.isEmpty())
        return std::nullopt;
    const QString param = messageParam(index, u".tool_calls");
    QJsonArray nativeCalls;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QString callParam = QStringLiteral("%1[%2]").arg(param).arg(i);
        if (!calls.at(i).isObject())
            return RequestFields::wrongType(calls.at(i), Kind::Object, callParam);
        const QJsonObject call = calls.at(i).toObject();
        const QJsonValue function = call.value(QStringLiteral("function"));
        if (!function.isObject())
            return RequestFields::wrongType(function, Kind::Object, callParam + QStringLiteral(".function"));
        const QJsonValue name = function.toObject().value(QStringLiteral("name"));
        if (!name.isString())
            return RequestFields::wrongType(name, Kind::String, callParam + QStringLiteral(".function.name"));
        const Result<QJsonObject> arguments = toolArguments(function.toObject().value(QStringLiteral("arguments")),
                                                            callParam + QStringLiteral(".function.arguments"));
        if (!arguments.ok())
            return arguments.error();

        QJsonObject nativeCall{{QStringLiteral("function"),
                                QJsonObject{{QStringLiteral("index"), i},
                                            {QStringLiteral("name"), name},
                                            {QStringLiteral("arguments"), arguments.value()}}}};
        const QJsonValue id = call.value(QStringLiteral("id"));
        if (auto error = RequestFields::check(id, Kind::String, callParam + QStringLiteral(".id")))
            return error;
        if (id.isString()) {
            nativeCall.insert(QStringLiteral("id"), id);
            m_toolNamesById.insert(id.toString(), name.toString());
        }
        nativeCalls.append(nativeCall);
    }
    native.insert(QStringLiteral("tool_calls"), nativeCalls);
    return std::nullopt;
}

} // namespace

Result<QJsonArray> ChatMessagesTranslator::translate(const QJsonValue& messages)
{
    const QString param = QStringLiteral("messages");
    if (!RequestFields::isSet(messages))
        return ApiError::invalidRequest(QStringLiteral("'messages' is required"), param);
    if (!messages.isArray())
        return RequestFields::wrongType(messages, Kind::Array, param);
    const QJsonArray input = messages.toArray();
    if (input.isEmpty())
        return ApiError::invalidRequest(QStringLiteral("'messages' must contain at least one message"), param);

    MessageMapper mapper;
    QJsonArray output;
    for (qsizetype i = 0; i < input.size(); ++i) {
        Result<QJsonObject> native = mapper.map(input.at(i), i);
        if (!native.ok())
            return native.error();
        output.append(native.value());
    }
    return output;
}

} // namespace llamagate
