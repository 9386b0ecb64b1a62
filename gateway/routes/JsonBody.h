#pragma once

#include "gateway/http/HttpRequest.h"
#include "gateway/openai/ApiError.h"

#include <QJsonObject>

namespace llamagate {

/// The request body as a JSON object, or the 400 that says why it is not one.
Result<QJsonObject> parseJsonBody(const HttpRequest& request);

} // namespace llamagate
