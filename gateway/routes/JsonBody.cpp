#include "gateway/routes/JsonBody.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace llamagate {

Result<QJsonObject> parseJsonBody(const HttpRequest& request)
{
    if (request.body.trimmed().isEmpty())
        return ApiError::invalidRequest(QStringLiteral("The request body is empty; send a JSON object"));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        return ApiError::invalidRequest(QStringLiteral("We could not parse the JSON body of your request: %1 at "
                                                       "offset %2")
                                            .arg(error.errorString())
                                            .arg(error.offset));
    }
    if (!document.isObject())
        return ApiError::invalidRequest(QStringLiteral("The request body must be a JSON object"));
    return document.object();
}

} // namespace llamagate
