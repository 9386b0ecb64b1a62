#pragma once

#include "gateway/json/JsonTree.h"
#include "gateway/openai/AnswerJson.h"
#include "gateway/openai/ApiError.h"
#include "gateway/openai/NativeRequest.h"
#include "gateway/openai/SseStream.h"

#include <QJsonObject>
#include <QString>

namespace llamagate {

/// Translates `POST /v1/completions` to native `POST /api/generate` (prompt, suffix, the shared
/// GenerationOptions) and a native non-streaming reply back to a `text_completion` object.
class CompletionTranslator
{
public:
    /// `body`: the client's JSON body (an object).
    static Result<NativeRequest> translateRequest(const JsonTree& body);
    /// `id` from ResponseIds::completion().
    static AnswerJson translateResponse(const JsonRef& reply, const QString& id);
};

/// Turns the native /api/generate NDJSON lines of one answer into `text_completion` SSE frames: a chunk per text
/// delta, the finish chunk, the usage chunk when asked for, then [DONE]; a native error line ends the stream with
/// an SSE error frame.
class CompletionStreamTranslator
{
public:
    CompletionStreamTranslator(const QString& id, const QString& model, bool includeUsage);

    /// The frames to send for one native line (empty once finished).
    QByteArray feed(const QJsonObject& nativeLine);
    /// The error frame for a failure the caller saw; ends the stream. Empty when already finished.
    QByteArray fail(const QString& message);
    bool isFinished() const { return m_stream.isFinished(); }

private:
    SseStream m_stream;
};

} // namespace llamagate
