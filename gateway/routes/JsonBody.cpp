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

Result<JsonTree> parseJsonTree(const HttpRequest& request)
{
    std::optional<JsonTree> tree = JsonTree::parse(request.body);
    if (tree && tree->root().isObject())
        return std::move(*tree);
    // Refused: the reason in QJsonDocument's words (JsonTree accepts exactly what QJsonDocument accepts).
    const Result<QJsonObject> object = parseJsonBody(request);
    return object.ok() ? ApiError::invalidRequest(QStringLiteral("The request body must be a JSON object"))
                       : object.error();
}

} // namespace llamagate
