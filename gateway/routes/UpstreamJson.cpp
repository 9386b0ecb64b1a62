#include "gateway/routes/UpstreamJson.h"

#include "gateway/ollama/OllamaCall.h"
#include "gateway/openai/NativeErrorTranslator.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace llamagate {

void whenUpstreamJson(OllamaCall* call, const ExchangePtr& exchange, std::function<void(const JsonRef&)> onSuccess)
{
    call->whenDone([call, exchange, onSuccess = std::move(onSuccess)](const ApiError* failure) {
        if (failure) {
            exchange->logFields.insert(QStringLiteral("upstream_error"), failure->message);
            if (HttpResponder* responder = exchange->live())
                responder->sendError(*failure);
            return;
        }
        HttpResponder* responder = exchange->live();
        if (!responder)
            return;
        if (call->status() < 200 || call->status() >= 300) {
            responder->sendError(NativeErrorTranslator::toApiError(call->status(), call->body()));
            return;
        }
        const std::optional<JsonTree> reply = JsonTree::parse(call->body());
        if (!reply || !reply->root().isObject()) {
            QJsonParseError parseError{}; // Qt's words for what is wrong
            QJsonDocument::fromJson(call->body(), &parseError);
            ApiError error = ApiError::upstreamError(
                502, QStringLiteral("Ollama answered with invalid JSON: %1").arg(parseError.errorString()));
            error.code = QStringLiteral("upstream_invalid_response");
            responder->sendError(error);
            return;
        }
        onSuccess(reply->root());
    });
}

} // namespace llamagate
