#pragma once

#include "gateway/openai/ApiError.h"

#include <QByteArray>

namespace llamagate {

/// Translates a native error answer (HTTP status + `{"error":"…"}` body, or any other body) into the ApiError the
/// client gets: 404 model → model_not_found, 503 → busy with Retry-After, 400 → invalid_request_error with
/// Ollama's message, anything else → api_error.
class NativeErrorTranslator
{
public:
    /// Retry-After given to clients when Ollama reports it is busy (it sends no hint of its own).
    static constexpr qint64 busyRetryAfterMs = 2000;

    static ApiError toApiError(int status, const QByteArray& body);
    /// Ollama's error message from a body: the `error` string of a JSON object, else the trimmed text
    /// (cut to 500 characters), else "Ollama answered HTTP <status>".
    static QString message(int status, const QByteArray& body);
};

} // namespace llamagate
