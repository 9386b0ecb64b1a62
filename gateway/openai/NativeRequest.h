#pragma once

#include "gateway/json/JsonMembers.h"

#include <QString>

namespace llamagate {

/// A client request translated for Ollama: the native body plus what the route needs to answer it.
struct NativeRequest
{
    JsonMembers body;          ///< the JSON body for /api/chat or /api/generate; `stream` is always set
    QString model;             ///< the model the client asked for
    bool stream = false;       ///< the client wants SSE
    bool includeUsage = false; ///< stream_options.include_usage: add a usage chunk before [DONE]
};

} // namespace llamagate
