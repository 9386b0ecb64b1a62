#pragma once

#include "gateway/openai/ApiError.h"

#include <QJsonObject>
#include <QString>

namespace llamagate {

/// A `POST /v1/embeddings` request translated for native `POST /api/embed`.
struct NativeEmbedRequest
{
    QJsonObject body;    ///< the /api/embed body
    QString model;       ///< the model the client asked for
    bool base64 = false; ///< encoding_format "base64": vectors as little-endian float32 bytes in base64
};

/// Translates `POST /v1/embeddings` to native `POST /api/embed` (string or array of strings, dimensions) and the
/// native reply back to an OpenAI embedding list (float arrays or base64).
class EmbeddingsTranslator
{
public:
    static Result<NativeEmbedRequest> translateRequest(const QJsonObject& request);
    static QJsonObject translateResponse(const QJsonObject& reply, bool base64);
};

} // namespace llamagate
