#pragma once

#include "gateway/json/JsonMembers.h"
#include "gateway/json/JsonTree.h"
#include "gateway/openai/ApiError.h"

#include <QJsonObject>
#include <QString>

namespace llamagate {

/// A `POST /v1/embeddings` request translated for native `POST /api/embed`.
struct NativeEmbedRequest
{
    JsonMembers body;    ///< the /api/embed body
    QString model;       ///< the model the client asked for
    bool base64 = false; ///< encoding_format "base64": vectors as little-endian float32 bytes in base64
};

/// Translates `POST /v1/embeddings` to native `POST /api/embed` (string or array of strings, dimensions) and the
/// native reply back to an OpenAI embedding list (float arrays or base64).
class EmbeddingsTranslator
{
public:
    /// `body`: the client's JSON body (an object).
    static Result<NativeEmbedRequest> translateRequest(const JsonTree& body);
    static QJsonObject translateResponse(const QJsonObject& reply, bool base64);
};

} // namespace llamagate
