#include "gateway/openai/NativeExtensions.h"

#include "gateway/openai/RequestFields.h"

namespace llamagate {

std::optional<ApiError> NativeExtensions::forward(JsonRef request, JsonMembers& body, Think think)
{
    const QLatin1StringView optionsName("options");
    const JsonRef options = request.value(optionsName);
    if (auto error = RequestFields::check(options, RequestFields::Kind::Object, optionsName))
        return error;
    if (RequestFields::isSet(options))
        body.insert(optionsName, [options](QByteArray& out) { options.appendCompact(out); });

    const QLatin1StringView keepAliveName("keep_alive");
    const JsonRef keepAlive = request.value(keepAliveName);
    if (RequestFields::isSet(keepAlive) && !keepAlive.isString() && !keepAlive.isDouble())
        return ApiError::invalidRequest(
            QStringLiteral("Invalid type for 'keep_alive': expected a duration string or a number of seconds"),
            keepAliveName);
    if (RequestFields::isSet(keepAlive))
        body.insert(keepAliveName, [keepAlive](QByteArray& out) { keepAlive.appendCompact(out); });

    const QLatin1StringView thinkName("think");
    const JsonRef thinkValue = request.value(thinkName);
    if (think == Think::Drop || !RequestFields::isSet(thinkValue))
        return std::nullopt;
    if (!thinkValue.isBool() && !thinkValue.isString())
        return ApiError::invalidRequest(
            QStringLiteral("Invalid type for 'think': expected a boolean or a level string"), thinkName);
    body.insert(thinkName, [thinkValue](QByteArray& out) { thinkValue.appendCompact(out); });
    return std::nullopt;
}

} // namespace llamagate
