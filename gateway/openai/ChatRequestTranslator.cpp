#include "gateway/openai/ChatRequestTranslator.h"

#include "gateway/openai/ChatMessagesTranslator.h"
#include "gateway/openai/GenerationOptions.h"
#include "gateway/openai/RequestFields.h"

#include <QJsonArray>

namespace llamagate {

namespace {

using Kind = RequestFields::Kind;

QString toolName(const QJsonValue& tool)
{
    return tool.toObject().value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString();
}

/// The function name a named tool_choice asks for: {"type":"function","function":{"name":…}}.
Result<QString> namedChoice(const QJsonObject& choice)
{
    const QJsonValue function = choice.value(QStringLiteral("function"));
    if (!function.isObject())
        return RequestFields::wrongType(function, Kind::Object, QStringLiteral("tool_choice.function"));
    const QJsonValue name = function.toObject().value(QStringLiteral("name"));
    if (!name.isString() || name.toString().isEmpty())
        return ApiError::invalidRequest(QStringLiteral("'tool_choice.function.name' must be a non-empty string"),
                                        QStringLiteral("tool_choice.function.name"));
    return name.toString();
}

/// tools as they are, narrowed by tool_choice: "none" drops them, a named function keeps only that one,
/// "auto" and "required" keep all (Ollama cannot force a call; the model may still answer with text).
std::optional<ApiError> mapTools(const QJsonObject& request, QJsonObject& body)
{
    const QJsonValue toolsValue = request.value(QStringLiteral("tools"));
    if (auto error = RequestFields::check(toolsValue, Kind::Array, QStringLiteral("tools")))
        return error;
    QJsonArray tools = toolsValue.toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        if (!tools.at(i).isObject())
            return RequestFields::wrongType(tools.at(i), Kind::Object, QStringLiteral("tools[%1]").arg(i));
    }

    const QJsonValue choice = request.value(QStringLiteral("tool_choice"));
    const QString param = QStringLiteral("tool_choice");
    if (choice.isString()) {
        const QString mode = choice.toString();
        if (mode == u"none")
            tools = {};
        else if (mode != u"auto" && mode != u"required")
            return ApiError::invalidRequest(
                QStringLiteral("Unsupported tool_choice '%1': use none, auto, required or a named function").arg(mode),
                param);
    } else if (choice.isObject()) {
        const Result<QString> name = namedChoice(choice.toObject());
        if (!name.ok())
            return name.error();
        QJsonArray chosen;
        for (const QJsonValue& tool : std::as_const(tools)) {
            if (toolName(tool) == name.value())
                chosen.append(tool);
        }
        if (chosen.isEmpty())
            return ApiError::invalidRequest(
                QStringLiteral("tool_choice names the function '%1', which is not in 'tools'").arg(name.value()),
                param);
        tools = chosen;
    } else if (RequestFields::isSet(choice)) {
        return ApiError::invalidRequest(
            QStringLiteral("Invalid type for 'tool_choice': expected a string or an object"), param);
    }

    if (!tools.isEmpty())
        body.insert(QStringLiteral("tools"), tools);
    return std::nullopt;
}

} // namespace

Result<NativeRequest> ChatRequestTranslator::translate(const QJsonObject& request)
{
    Result<NativeRequest> native = GenerationOptions::map(
        request, {QLatin1StringView("messages"), QLatin1StringView("tools"), QLatin1StringView("tool_choice")});
    if (!native.ok())
        return native;
    Result<QJsonArray> messages = ChatMessagesTranslator::translate(request.value(QStringLiteral("messages")));
    if (!messages.ok())
        return messages.error();
    native.value().body.insert(QStringLiteral("messages"), messages.value());
    if (auto error = mapTools(request, native.value().body))
        return *error;
    return native;
}

} // namespace llamagate
