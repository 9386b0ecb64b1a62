#include "gateway/routes/SystemRoutes.h"

#include "gateway/ollama/OllamaCall.h"
#include "gateway/ollama/OllamaClient.h"
#include "gateway/routes/GatewayContext.h"
#include "gateway/routes/Router.h"

#include <QJsonDocument>

namespace llamagate {

namespace {

void answerHealth(const ExchangePtr& exchange, const QString& ollamaHost, bool healthy, const QString& detail)
{
    HttpResponder* responder = exchange->live();
    if (!responder)
        return;
    QJsonObject body{{QStringLiteral("status"), healthy ? QStringLiteral("healthy") : QStringLiteral("unhealthy")},
                     {QStringLiteral("ollama_host"), ollamaHost}};
    if (healthy) {
        body.insert(QStringLiteral("ollama"), QStringLiteral("connected"));
    } else {
        body.insert(QStringLiteral("error"), QStringLiteral("Ollama unreachable"));
        body.insert(QStringLiteral("detail"), detail);
    }
    responder->sendJson(
        healthy ? 200 : 503, body, {{QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")}});
}

} // namespace

void addSystemRoutes(Router& router, const GatewayContext& context)
{
    router.add("GET", QStringLiteral("/"), RouteAccess::open(), [](const ExchangePtr& exchange) {
        if (HttpResponder* responder = exchange->live())
            responder->send(
                200, QByteArrayLiteral("text/plain; charset=utf-8"), QByteArrayLiteral("LlamaGate is running"));
    });

    router.add("GET", QStringLiteral("/health"), RouteAccess::unmetered(), [&context](const ExchangePtr& exchange) {
        const QString host = context.config.text(Setting::OllamaHost);
        OllamaCall* call = context.ollama->get(
            QStringLiteral("/api/version"), context.config.integer(Setting::HealthTimeout), exchange->responder);
        QObject::connect(call, &OllamaCall::finished, call, [call, exchange, host] {
            const bool healthy = call->status() == 200;
            answerHealth(exchange, host, healthy, QStringLiteral("Ollama answered HTTP %1").arg(call->status()));
        });
        QObject::connect(call, &OllamaCall::failed, call, [exchange, host](const ApiError& error) {
            answerHealth(exchange, host, false, error.message);
        });
    });
}

} // namespace llamagate
