#pragma once

#include "gateway/http/HttpRequest.h"
#include "gateway/json/JsonTree.h"
#include "gateway/openai/ApiError.h"

#include <QJsonObject>

namespace llamagate {

/// The request body as a JSON object, or the 400 that says why it is not one.
Result<QJsonObject> parseJsonBody(const HttpRequest& request);
/// The same read in place (the translators' input); the same 400s.
Result<JsonTree> parseJsonTree(const HttpRequest& request);

} // namespace llamagate
