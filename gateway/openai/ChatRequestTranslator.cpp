#include "gateway/openai/ChatRequestTranslator.h"

#include "gateway/openai/ChatMessagesTranslator.h"
#include "gateway/openai/GenerationOptions.h"
#include "gateway/openai/RequestFields.h"

namespace llamagate {

namespace {

using Kind = RequestFields::Kind;

QString toolName(JsonRef tool)
{
    return tool.value(QLatin1StringView("function")).value(QLatin1StringView("name")).toString();
}

/// The function name a named tool_choice asks for: {"type":"function","function":{"name":…}}.
Result<QString> namedChoice(JsonRef choice)
{
    const JsonRef function = choice.value(QLatin1StringView("function"));
    if (!function.isObject())
        return RequestFields::wrongType(function, Kind::Object, QStringLiteral("tool_choice.function"));
    const JsonRef name = function.value(QLatin1StringView("name"));
    if (!name.isString() || name.source().size() == 2) // not ""
        return ApiError::invalidRequest(QStringLiteral("'tool_choice.function.name' must be a non-empty string"),
                                        QStringLiteral("tool_choice.function.name"));
    return name.toString();
}

/// tools as they are, narrowed by tool_choice: "none" drops them, a named function keeps only that one,
/// "auto" and "required" keep all (Ollama cannot force a call; the model may still answer with text).
std::optional<ApiError> mapTools(JsonRef request, JsonMembers& body)
{
    const JsonRef tools = request.value(QLatin1StringView("tools"));
    if (auto error = RequestFields::check(tools, Kind::Array, QStringLiteral("tools")))
        return error;
    qsizetype i = 0;
    for (const JsonRef tool : tools) {
        if (!tool.isObject())
            return RequestFields::wrongType(tool, Kind::Object, QStringLiteral("tools[%1]").arg(i));
        ++i;
    }

    const JsonRef choice = request.value(QLatin1StringView("tool_choice"));
    const QString param = QStringLiteral("tool_choice");
    if (choice.isString()) {
        if (choice.equals(QLatin1StringView("none")))
            return std::nullopt;
        if (!choice.equals(QLatin1StringView("auto")) && !choice.equals(QLatin1StringView("required")))
            return ApiError::invalidRequest(
                QStringLiteral("Unsupported tool_choice '%1': use none, auto, required or a named function")
                    .arg(choice.toString()),
                param);
    } else if (choice.isObject()) {
        const Result<QString> name = namedChoice(choice);
        if (!name.ok())
            return name.error();
        QByteArray chosen = "[";
        for (const JsonRef tool : tools) {
            if (toolName(tool) != name.value())
                continue;
            if (chosen.size() > 1)
                chosen += ',';
            tool.appendCompact(chosen);
        }
        if (chosen.size() == 1)
            return ApiError::invalidRequest(
                QStringLiteral("tool_choice names the function '%1', which is not in 'tools'").arg(name.value()),
                param);
        chosen += ']';
        body.insertJson(QLatin1StringView("tools"), chosen);
        return std::nullopt;
    } else if (RequestFields::isSet(choice)) {
        return ApiError::invalidRequest(
            QStringLiteral("Invalid type for 'tool_choice': expected a string or an object"), param);
    }

    if (tools.size() > 0)
        body.insert(QLatin1StringView("tools"), [tools](QByteArray& out) { tools.appendCompact(out); });
    return std::nullopt;
}

} // namespace

Result<NativeRequest> ChatRequestTranslator::translate(const JsonTree& body)
{
    const JsonRef request = body.root();
    Result<NativeRequest> native = GenerationOptions::map(
        request, {QLatin1StringView("messages"), QLatin1StringView("tools"), QLatin1StringView("tool_choice")});
    if (!native.ok())
        return native;
    std::optional<ApiError> error;
    native.value().body.insert(QLatin1StringView("messages"), [&](QByteArray& out) {
        error = ChatMessagesTranslator::translate(request.value(QLatin1StringView("messages")), out);
    });
    if (error)
        return *error;
    if (auto toolsError = mapTools(request, native.value().body))
        return *toolsError;
    return native;
}

} // namespace llamagate
