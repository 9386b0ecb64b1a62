#include "gateway/routes/InferenceRoutes.h"

#include "gateway/cache/CacheKey.h"
#include "gateway/cache/CacheLookup.h"
#include "gateway/cache/CachedAnswer.h"
#include "gateway/cache/NativeStreamAssembler.h"
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

#include <QDateTime>

#include <memory>

namespace llamagate {

namespace {

CacheLookup cacheLookup(const GatewayContext& context, const ExchangePtr& exchange, const QByteArray& key)
{
    return CacheLookup(context.config.flag(Setting::CacheEnabled) ? context.cache : nullptr, exchange->request, key);
}

/// The answer's cache outcome: the X-Cache header and the `cache` log field (hit, miss, bypass).
void labelCache(const ExchangePtr& exchange, const QByteArray& label)
{
    exchange->responder->addHeader(QByteArrayLiteral("X-Cache"), label);
    exchange->logFields.insert(QStringLiteral("cache"), QString::fromLatin1(label).toLower());
}

/// The request is answered without the cache (from Ollama, or refused).
void labelUncached(const ExchangePtr& exchange, const CacheLookup& cache)
{
    cache.countMiss();
    labelCache(exchange, cache.uncachedLabel());
}

/// The stored answer's JSON with this request's id and time, when the request may use one.
std::optional<QByteArray> cachedAnswer(const ExchangePtr& exchange, const CacheLookup& cache, const QString& id)
{
    const std::optional<AnswerJson> answer = cache.find();
    if (!answer)
        return std::nullopt;
    labelCache(exchange, QByteArrayLiteral("HIT"));
    return answer->renewed(id, QDateTime::currentSecsSinceEpoch());
}

/// Answers from the cache if it can: whole, or replayed as SSE by the same translator a live stream goes through.
template <typename StreamTranslator>
bool answerFromCache(const ExchangePtr& exchange,
                     const CacheLookup& cache,
                     const NativeRequest& native,
                     const QString& id)
{
    const std::optional<QByteArray> answer = cachedAnswer(exchange, cache, id);
    if (!answer)
        return false;
    if (!native.stream) {
        exchange->responder->send(200, QByteArrayLiteral("application/json"), *answer);
        return true;
    }
    StreamTranslator translator(id, native.model, native.includeUsage);
    SseRelay::sendWhole(exchange->responder, translator.feed(CachedAnswer::asNativeLine(*answer)));
    return true;
}

/// Answers an embeddings request from the cache if it can.
bool answerEmbeddingsFromCache(const ExchangePtr& exchange, const CacheLookup& cache)
{
    const std::optional<QByteArray> answer = cachedAnswer(exchange, cache, {});
    if (answer)
        exchange->responder->send(200, QByteArrayLiteral("application/json"), *answer);
    return answer.has_value();
}

/// Runs `send` once the model has a free slot in the queue, or answers 429 when its queue is full.
void whenSlotFree(const GatewayContext& context,
                  const ExchangePtr& exchange,
                  const QString& model,
                  const CacheLookup& cache,
                  ModelQueue::Start send)
{
    exchange->logFields.insert(QStringLiteral("model"), model);
    if (!context.queue->enqueue(model, exchange->responder, std::move(send))) {
        const qint64 retryMs = context.queue->suggestedRetryMs(model);
        exchange->logFields.insert(QStringLiteral("queue"), QStringLiteral("full"));
        labelUncached(exchange, cache);
        exchange->responder->sendError(ApiError::rateLimited(
            QStringLiteral("Too many requests are waiting for model '%1'; retry in %2 ms").arg(model).arg(retryMs),
            retryMs));
    }
}

void recordUsage(const ExchangePtr& exchange, const JsonRef& reply)
{
    exchange->logFields.insert(QStringLiteral("prompt_tokens"),
                               reply.value(QLatin1StringView("prompt_eval_count")).toInt());
    exchange->logFields.insert(QStringLiteral("completion_tokens"),
                               reply.value(QLatin1StringView("eval_count")).toInt());
}

/// The shared flow of chat and text completions: a translated native request, answered from the cache (bypassing
/// the model queue) or by Ollama, whole or as SSE; complete answers from Ollama are stored, a stream once it ends.
/// A request that waited in the queue looks again when its turn comes: an identical one ahead of it may have
/// stored the answer meanwhile.
template <typename StreamTranslator>
void generate(const GatewayContext& context,
              const ExchangePtr& exchange,
              const QString& endpoint,
              const QString& nativePath,
              const NativeRequest& native,
              const QString& id,
              std::function<AnswerJson(const JsonRef&)> translateReply)
{
    exchange->logFields.insert(QStringLiteral("stream"), native.stream);
    const CacheLookup cache = cacheLookup(context, exchange, CacheKey::of(endpoint, native.body));
    if (answerFromCache<StreamTranslator>(exchange, cache, native, id))
        return;
    const QByteArray body = native.body.object();
    whenSlotFree(
        context,
        exchange,
        native.model,
        cache,
        [&context, exchange, nativePath, native, id, body, cache, translateReply = std::move(translateReply)](
            ModelQueue::SlotPtr slot) {
            if (!exchange->live() || answerFromCache<StreamTranslator>(exchange, cache, native, id))
                return;
            labelUncached(exchange, cache);
            const qint64 timeoutMs = context.config.integer(Setting::Timeout);
            if (!native.stream) {
                OllamaCall* call = context.ollama->postJson(nativePath, body, timeoutMs, false, exchange->responder);
                call->holdSlot(std::move(slot));
                whenUpstreamJson(call, exchange, [exchange, cache, translateReply](const JsonRef& reply) {
                    recordUsage(exchange, reply);
                    const AnswerJson answer = translateReply(reply);
                    exchange->responder->send(200, QByteArrayLiteral("application/json"), answer.bytes());
                    if (CachedAnswer::isStorable(reply)) // after the answer is on its way: not on the client's clock
                        cache.store(answer);
                });
                return;
            }
            OllamaCall* call = context.ollama->postJson(nativePath, body, timeoutMs, true, nullptr);
            auto translator = std::make_shared<StreamTranslator>(id, native.model, native.includeUsage);
            auto assembler = std::make_shared<NativeStreamAssembler>();
            SseRelay::start(exchange,
                            call,
                            {[translator, assembler, cache, translateReply](const QJsonObject& line) {
                                 if (translator->isFinished())
                                     return QByteArray();
                                 const QByteArray frames = translator->feed(assembler->add(line));
                                 if (const std::optional<QJsonObject> reply = assembler->reply()) {
                                     const JsonTree whole = JsonTree::of(*reply);
                                     if (CachedAnswer::isStorable(whole.root()))
                                         cache.store(translateReply(whole.root()));
                                 }
                                 return frames;
                             },
                             [translator](const QString& message) { return translator->fail(message); },
                             [translator] { return translator->isFinished(); }},
                            context.config.integer(Setting::StreamKeepAlive),
                            std::move(slot));
        });
}

} // namespace

void addInferenceRoutes(Router& router, const GatewayContext& context)
{
    router.add("POST",
               QStringLiteral("/v1/chat/completions"),
               RouteAccess::needs(Scope::Inference),
               [&context](const ExchangePtr& exchange) {
                   const Result<JsonTree> request = parseJsonTree(exchange->request);
                   const Result<NativeRequest> native = request.ok() ? ChatRequestTranslator::translate(request.value())
                                                                     : Result<NativeRequest>(request.error());
                   if (!native.ok()) {
                       exchange->responder->sendError(native.error());
                       return;
                   }
                   const QString id = ResponseIds::chatCompletion();
                   serveChatWithMcp(
                       context,
                       exchange,
                       request.value(),
                       native.value(),
                       id,
                       [&context, exchange, id](const NativeRequest& chat) {
                           generate<ChatStreamTranslator>(
                               context,
                               exchange,
                               QStringLiteral("/v1/chat/completions"),
                               QStringLiteral("/api/chat"),
                               chat,
                               id,
                               [id](const JsonRef& reply) { return ChatResponseTranslator::translate(reply, id); });
                       });
               });

    router.add("POST",
               QStringLiteral("/v1/completions"),
               RouteAccess::needs(Scope::Inference),
               [&context](const ExchangePtr& exchange) {
                   const Result<JsonTree> request = parseJsonTree(exchange->request);
                   const Result<NativeRequest> native = request.ok()
                                                            ? CompletionTranslator::translateRequest(request.value())
                                                            : Result<NativeRequest>(request.error());
                   if (!native.ok()) {
                       exchange->responder->sendError(native.error());
                       return;
                   }
                   const QString id = ResponseIds::completion();
                   generate<CompletionStreamTranslator>(
                       context,
                       exchange,
                       QStringLiteral("/v1/completions"),
                       QStringLiteral("/api/generate"),
                       native.value(),
                       id,
                       [id](const JsonRef& reply) { return CompletionTranslator::translateResponse(reply, id); });
               });

    router.add(
        "POST",
        QStringLiteral("/v1/embeddings"),
        RouteAccess::needs(Scope::Inference),
        [&context](const ExchangePtr& exchange) {
            const Result<JsonTree> request = parseJsonTree(exchange->request);
            const Result<NativeEmbedRequest> native = request.ok()
                                                          ? EmbeddingsTranslator::translateRequest(request.value())
                                                          : Result<NativeEmbedRequest>(request.error());
            if (!native.ok()) {
                exchange->responder->sendError(native.error());
                return;
            }
            const NativeEmbedRequest embed = native.value();
            const QJsonObject answerShape{{QStringLiteral("base64"), embed.base64}};
            const CacheLookup cache =
                cacheLookup(context, exchange, CacheKey::of(QStringLiteral("/v1/embeddings"), embed.body, answerShape));
            if (answerEmbeddingsFromCache(exchange, cache))
                return;
            whenSlotFree(
                context, exchange, embed.model, cache, [&context, exchange, embed, cache](ModelQueue::SlotPtr slot) {
                    if (!exchange->live() || answerEmbeddingsFromCache(exchange, cache))
                        return;
                    labelUncached(exchange, cache);
                    OllamaCall* call = context.ollama->postJson(QStringLiteral("/api/embed"),
                                                                embed.body.object(),
                                                                context.config.integer(Setting::Timeout),
                                                                false,
                                                                exchange->responder);
                    call->holdSlot(std::move(slot));
                    whenUpstreamJson(call, exchange, [exchange, embed, cache](const JsonRef& reply) {
                        exchange->logFields.insert(QStringLiteral("prompt_tokens"),
                                                   reply.value(QLatin1StringView("prompt_eval_count")).toInt());
                        const AnswerJson answer = AnswerJson::of(
                            EmbeddingsTranslator::translateResponse(reply.toJsonValue().toObject(), embed.base64));
                        cache.store(answer);
                        exchange->responder->send(200, QByteArrayLiteral("application/json"), answer.bytes());
                    });
                });
        });
}

} // namespace llamagate
