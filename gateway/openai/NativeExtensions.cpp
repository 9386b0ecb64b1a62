#include "gateway/openai/NativeExtensions.h"

#include "gateway/openai/RequestFields.h"

namespace llamagate {

std::optional<ApiError> NativeExtensions::forward(const QJsonObject& request, QJsonObject& body, Think think)
{
    const QString optionsName = QStringLiteral("options");
    const QJsonValue options = request.value(optionsName);
    if (auto error = RequestFields::check(options, RequestFields::Kind::Object, optionsName))
        return error;
    if (RequestFields::isSet(options))
        body.insert(optionsName, options);

    const QString keepAliveName = QStringLiteral("keep_alive");
    const QJsonValue keepAlive = request.value(keepAliveName);
    if (RequestFields::isSet(keepAlive) && !keepAlive.isString() && !keepAlive.isDouble())
        return ApiError::invalidRequest(
            QStringLiteral("Invalid type for 'keep_alive': expected a duration string or a number of seconds"),
            keepAliveName);
    if (RequestFields::isSet(keepAlive))
        body.insert(keepAliveName, keepAlive);

    const QString thinkName = QStringLiteral("think");
    const QJsonValue thinkValue = request.value(thinkName);
    if (think == Think::Drop || !RequestFields::isSet(thinkValue))
        return std::nullopt;
    if (!thinkValue.isBool() && !thinkValue.isString())
        return ApiError::invalidRequest(
            QStringLiteral("Invalid type for 'think': expected a boolean or a level string"), thinkName);
    body.insert(thinkName, thinkValue);
    return std::nullopt;
}

} // namespace llamagate
