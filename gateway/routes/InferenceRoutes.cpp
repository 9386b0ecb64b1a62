#include "gateway/routes/InferenceRoutes.h"

#include "gateway/ollama/ModelQueue.h"
#include "gateway/ollama/OllamaCall.h"
#include "gateway/ollama/OllamaClient.h"
#include "gateway/openai/ChatRequestTranslator.h"
#include "gateway/openai/ChatResponseTranslator.h"
#include "gateway/openai/ChatStreamTranslator.h"
#include "gateway/openai/CompletionTranslator.h"
#include "gateway/openai/EmbeddingsTranslator.h"
#include "gateway/openai/ResponseIds.h"
#include "gateway/routes/GatewayContext.h"
#include "gateway/routes/JsonBody.h"
#include "gateway/routes/Router.h"
#include "gateway/routes/SseRelay.h"
#include "gateway/routes/UpstreamJson.h"
#include "gateway/tools/McpChat.h"

#include <QJsonDocument>

#include <memory>

namespace llamagate {

namespace {

/// Runs `send` once the model has a free slot in the queue, or answers 429 when its queue is full.
void whenSlotFree(const GatewayContext& context, const ExchangePtr& exchange, const QString& model,
                  ModelQueue::Start send)
{
    exchange->logFields.insert(QStringLiteral("model"), model);
    if (!context.queue->enqueue(model, exchange->responder, std::move(send))) {
        const qint64 retryMs = context.queue->suggestedRetryMs(model);
        exchange->logFields.insert(QStringLiteral("queue"), QStringLiteral("full"));
        exchange->responder->sendError(ApiError::rateLimited(
            QStringLiteral("Too many requests are waiting for model '%1'; retry in %2 ms").arg(model).arg(retryMs),
            retryMs));
    }
}

void recordUsage(const ExchangePtr& exchange, const QJsonObject& reply)
{
    exchange->logFields.insert(QStringLiteral("prompt_tokens"), reply.value(QStringLiteral("prompt_eval_count")).toInt());
    exchange->logFields.insert(QStringLiteral("completion_tokens"), reply.value(QStringLiteral("eval_count")).toInt());
}

/// The shared flow of chat and text completions: a translated native request, answered whole or as SSE.
template <typename StreamTranslator>
void generate(const GatewayContext& context,
              const ExchangePtr& exchange,
              const QString& nativePath,
              const NativeRequest& native,
              const QString& id,
              std::function<QJsonObject(const QJsonObject&)> translateReply)
{
    exchange->logFields.insert(QStringLiteral("stream"), native.stream);
    const QByteArray body = QJsonDocument(native.body).toJson(QJsonDocument::Compact);
    whenSlotFree(context, exchange, native.model, [&context, exchange, nativePath, native, id, body,
                                                   translateReply](ModelQueue::SlotPtr slot) {
        if (!exchange->live())
            return;
        const qint64 timeoutMs = context.config.integer(Setting::Timeout);
        if (!native.stream) {
            OllamaCall* call = context.ollama->postJson(nativePath, body, timeoutMs, false, exchange->responder);
            whenUpstreamJson(call, exchange, [exchange, id, translateReply, slot](const QJsonObject& reply) {
                recordUsage(exchange, reply);
                exchange->responder->sendJson(200, translateReply(reply));
            });
            return;
        }
        OllamaCall* call = context.ollama->postJson(nativePath, body, timeoutMs, true, nullptr);
        auto translator = std::make_shared<StreamTranslator>(id, native.model, native.includeUsage);
        SseRelay::start(exchange, call,
                        {[translator](const QJsonObject& line) { return translator->feed(line); },
                         [translator](const QString& message) { return translator->fail(message); },
                         [translator] { return translator->isFinished(); }},
                        context.config.integer(Setting::StreamKeepAlive), std::move(slot));
    });
}

} // namespace

void addInferenceRoutes(Router& router, const GatewayContext& context)
{
    router.add("POST", QStringLiteral("/v1/chat/completions"), [&context](const ExchangePtr& exchange) {
        const Result<QJsonObject> request = parseJsonBody(exchange->request);
        const Result<NativeRequest> native =
            request.ok() ? ChatRequestTranslator::translate(request.value()) : Result<NativeRequest>(request.error());
        if (!native.ok()) {
            exchange->responder->sendError(native.error());
            return;
        }
        const QString id = ResponseIds::chatCompletion();
        serveChatWithMcp(context, exchange, request.value(), native.value(), id, [&context, exchange, id](const NativeRequest& chat) {
            generate<ChatStreamTranslator>(context, exchange, QStringLiteral("/api/chat"), chat, id,
                                           [id](const QJsonObject& reply) { return ChatResponseTranslator::translate(reply, id); });
        });
    });

    router.add("POST", QStringLiteral("/v1/completions"), [&context](const ExchangePtr& exchange) {
        const Result<QJsonObject> request = parseJsonBody(exchange->request);
        const Result<NativeRequest> native = request.ok() ? CompletionTranslator::translateRequest(request.value())
                                                          : Result<NativeRequest>(request.error());
        if (!native.ok()) {
            exchange->responder->sendError(native.error());
            return;
        }
        const QString id = ResponseIds::completion();
        generate<CompletionStreamTranslator>(
            context, exchange, QStringLiteral("/api/generate"), native.value(), id,
            [id](const QJsonObject& reply) { return CompletionTranslator::translateResponse(reply, id); });
    });

    router.add("POST", QStringLiteral("/v1/embeddings"), [&context](const ExchangePtr& exchange) {
        const Result<QJsonObject> request = parseJsonBody(exchange->request);
        const Result<NativeEmbedRequest> native = request.ok() ? EmbeddingsTranslator::translateRequest(request.value())
                                                               : Result<NativeEmbedRequest>(request.error());
        if (!native.ok()) {
            exchange->responder->sendError(native.error());
            return;
        }
        const NativeEmbedRequest embed = native.value();
        whenSlotFree(context, exchange, embed.model, [&context, exchange, embed](ModelQueue::SlotPtr slot) {
            if (!exchange->live())
                return;
            OllamaCall* call = context.ollama->postJson(QStringLiteral("/api/embed"),
                                                        QJsonDocument(embed.body).toJson(QJsonDocument::Compact),
                                                        context.config.integer(Setting::Timeout), false,
                                                        exchange->responder);
            whenUpstreamJson(call, exchange, [exchange, embed, slot](const QJsonObject& reply) {
                exchange->logFields.insert(QStringLiteral("prompt_tokens"),
                                           reply.value(QStringLiteral("prompt_eval_count")).toInt());
                exchange->responder->sendJson(200, EmbeddingsTranslator::translateResponse(reply, embed.base64));
            });
        });
    });
}

} // namespace llamagate
