#include "gateway/routes/PassthroughRoutes.h"

#include "gateway/ollama/ModelQueue.h"
#include "gateway/ollama/OllamaCall.h"
#include "gateway/ollama/OllamaClient.h"
#include "gateway/routes/GatewayContext.h"
#include "gateway/routes/JsonBody.h"
#include "gateway/routes/Router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace llamagate {

namespace {

constexpr qint64 kLongOperationTimeoutMs = 24LL * 60 * 60 * 1000; // pull/push/create move gigabytes

/// The model a native generation call is for, when the path is one that runs a model.
QString queuedModel(const HttpRequest& request)
{
    static const QStringList modelPaths = {QStringLiteral("/api/chat"),
                                           QStringLiteral("/api/generate"),
                                           QStringLiteral("/api/embed"),
                                           QStringLiteral("/api/embeddings")};
    if (!modelPaths.contains(request.path))
        return {};
    const Result<QJsonObject> body = parseJsonBody(request);
    return body.ok() ? body.value().value(QStringLiteral("model")).toString() : QString();
}

/// Watches the end of a native NDJSON answer: a complete one ends with a `done`, `"status":"success"` or `error`
/// line. (Qt can report a stream that Ollama cut off as finished normally.)
class NdjsonEnd
{
public:
    void feed(const QByteArray& bytes)
    {
        m_tail += bytes;
        if (m_tail.size() > kKeptBytes)
            m_tail = m_tail.right(kKeptBytes);
    }

    bool isComplete() const
    {
        QByteArray last;
        for (const QByteArray& line : m_tail.split('\n')) {
            if (!line.trimmed().isEmpty())
                last = line;
        }
        const QJsonObject object = QJsonDocument::fromJson(last).object();
        return object.value(QStringLiteral("done")).toBool() ||
               object.value(QStringLiteral("status")).toString() == u"success" ||
               object.contains(QStringLiteral("error"));
    }

private:
    static constexpr qsizetype kKeptBytes = 64 * 1024;
    QByteArray m_tail;
};

/// The client's own headers Ollama gets to see: its User-Agent (Ollama logs it).
HttpHeaders forwardedHeaders(const HttpRequest& request)
{
    const QByteArray userAgent = request.header("user-agent");
    return userAgent.isEmpty() ? HttpHeaders() : HttpHeaders{{QByteArrayLiteral("User-Agent"), userAgent}};
}

/// Sends the request to Ollama and streams its answer back byte for byte.
void relay(const GatewayContext& context, const ExchangePtr& exchange, ModelQueue::SlotPtr slot)
{
    HttpResponder* responder = exchange->live();
    if (!responder)
        return;
    const HttpRequest& request = exchange->request;
    QString target = request.path;
    if (!request.query.isEmpty())
        target += u'?' + request.query.toString(QUrl::FullyEncoded);
    const bool longOperation =
        isStateChangingNativePath(request.path) && request.path != u"/api/delete" && request.path != u"/api/copy";
    const QByteArray contentType = request.header("content-type");
    OllamaCall* call =
        context.ollama->send(request.method == "HEAD" ? QByteArrayLiteral("GET") : request.method,
                             target,
                             request.body,
                             longOperation ? kLongOperationTimeoutMs : context.config.integer(Setting::Timeout),
                             true,
                             responder,
                             contentType.isEmpty() ? QByteArrayLiteral("application/json") : contentType,
                             forwardedHeaders(request));
    call->holdSlot(std::move(slot));
    QObject::connect(responder, &HttpResponder::clientDisconnected, call, &OllamaCall::abort);
    auto end = std::make_shared<std::optional<NdjsonEnd>>();
    QObject::connect(call, &OllamaCall::responseStarted, call, [exchange, end](int status, const QByteArray& type) {
        exchange->logFields.insert(QStringLiteral("upstream_status"), status);
        if (type.startsWith("application/x-ndjson"))
            end->emplace();
        if (HttpResponder* live = exchange->live())
            live->beginStream(status, type);
    });
    QObject::connect(call, &OllamaCall::dataReceived, call, [exchange, end](const QByteArray& bytes) {
        if (*end)
            (*end)->feed(bytes);
        if (HttpResponder* live = exchange->live())
            live->writeChunk(bytes);
    });
    QObject::connect(call, &OllamaCall::finished, call, [exchange, end] {
        HttpResponder* live = exchange->live();
        if (!live)
            return;
        if (*end && !(*end)->isComplete()) {
            exchange->logFields.insert(QStringLiteral("upstream_error"),
                                       QStringLiteral("Ollama ended the stream before it was complete"));
            live->abort();
            return;
        }
        live->endStream();
    });
    QObject::connect(call, &OllamaCall::failed, call, [exchange](const ApiError& error) {
        exchange->logFields.insert(QStringLiteral("upstream_error"), error.message);
        HttpResponder* live = exchange->live();
        if (!live)
            return;
        if (live->hasStarted())
            live->abort(); // mid-body: the only honest signal left is a broken connection
        else
            live->sendError(error);
    });
}

/// The scope a native path needs: admin for the state-changing ones, inference for the rest.
Scope nativeScope(const QString& path)
{
    return isStateChangingNativePath(path) ? Scope::Admin : Scope::Inference;
}

} // namespace

bool isStateChangingNativePath(const QString& path)
{
    static const QStringList paths = {QStringLiteral("/api/pull"),
                                      QStringLiteral("/api/push"),
                                      QStringLiteral("/api/create"),
                                      QStringLiteral("/api/copy"),
                                      QStringLiteral("/api/delete"),
                                      QStringLiteral("/api/blobs")};
    for (const QString& stateChanging : paths) {
        if (path == stateChanging || path.startsWith(stateChanging + u'/'))
            return true;
    }
    return false;
}

void addPassthroughRoutes(Router& router, const GatewayContext& context)
{
    const auto handler = [&context](const ExchangePtr& exchange) {
        const HttpRequest& request = exchange->request;
        exchange->logFields.insert(QStringLiteral("passthrough"), true);
        if (isStateChangingNativePath(request.path))
            exchange->logFields.insert(QStringLiteral("state_changing"), true);
        const QString model = queuedModel(request);
        if (model.isEmpty()) {
            relay(context, exchange, nullptr);
            return;
        }
        exchange->logFields.insert(QStringLiteral("model"), model);
        const bool queued =
            context.queue->enqueue(model, exchange->responder, [&context, exchange](ModelQueue::SlotPtr slot) {
                relay(context, exchange, std::move(slot));
            });
        if (!queued) {
            const qint64 retryMs = context.queue->suggestedRetryMs(model);
            exchange->responder->sendError(ApiError::rateLimited(
                QStringLiteral("Too many requests are waiting for model '%1'").arg(model), retryMs));
        }
    };
    for (const char* method : {"GET", "POST", "PUT", "DELETE"})
        router.add(method, QStringLiteral("/api/*"), RouteAccess::needs(&nativeScope), handler);
}

} // namespace llamagate
