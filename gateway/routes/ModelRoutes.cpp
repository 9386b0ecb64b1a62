#include "gateway/routes/ModelRoutes.h"

#include "gateway/ollama/OllamaCall.h"
#include "gateway/ollama/OllamaClient.h"
#include "gateway/openai/ModelsTranslator.h"
#include "gateway/routes/GatewayContext.h"
#include "gateway/routes/Router.h"
#include "gateway/routes/UpstreamJson.h"

#include <QJsonDocument>

namespace llamagate {

void addModelRoutes(Router& router, const GatewayContext& context)
{
    router.add("GET",
               QStringLiteral("/v1/models"),
               RouteAccess::needs(Scope::Inference),
               [&context](const ExchangePtr& exchange) {
                   OllamaCall* call = context.ollama->get(
                       QStringLiteral("/api/tags"), context.config.integer(Setting::Timeout), exchange->responder);
                   whenUpstreamJson(call, exchange, [exchange](const JsonRef& tags) {
                       exchange->responder->sendJson(200, ModelsTranslator::fromTags(tags.toJsonValue().toObject()));
                   });
               });

    router.add("GET",
               QStringLiteral("/v1/models/*"),
               RouteAccess::needs(Scope::Inference),
               [&context](const ExchangePtr& exchange) {
                   const QString id = exchange->request.pathArgument;
                   exchange->logFields.insert(QStringLiteral("model"), id);
                   const QByteArray body =
                       QJsonDocument(QJsonObject{{QStringLiteral("model"), id}}).toJson(QJsonDocument::Compact);
                   OllamaCall* call = context.ollama->postJson(QStringLiteral("/api/show"),
                                                               body,
                                                               context.config.integer(Setting::Timeout),
                                                               false,
                                                               exchange->responder);
                   whenUpstreamJson(call, exchange, [exchange, id](const JsonRef& show) {
                       exchange->responder->sendJson(200,
                                                     ModelsTranslator::fromShow(id, show.toJsonValue().toObject()));
                   });
               });
}

} // namespace llamagate
