#include "gateway/tools/McpChat.h"

#include "gateway/json/CompactJson.h"
#include "gateway/routes/GatewayContext.h"
#include "gateway/tools/McpHub.h"
#include "gateway/tools/ResourceExpander.h"
#include "gateway/tools/ToolLoop.h"

#include <QJsonArray>

namespace llamagate {

void serveChatWithMcp(const GatewayContext& context,
                      const ExchangePtr& exchange,
                      const JsonTree& request,
                      const NativeRequest& native,
                      const QString& id,
                      std::function<void(const NativeRequest&)> plain)
{
    if (!context.mcp || !context.mcp->enabled())
        return plain(native);
    McpHub& hub = *context.mcp;
    // The MCP path works in Qt's model: the client's request and the native messages as QJsonObject and QJsonArray.
    const QJsonObject requestObject = request.root().toJsonValue().toObject();
    ResourceExpander::expand(
        hub,
        native.body.toJsonObject().value(QStringLiteral("messages")).toArray(),
        exchange->responder,
        [&context, &hub, exchange, requestObject, native, id, plain](const Result<QJsonArray>& messages) {
            HttpResponder* responder = exchange->live();
            if (!responder)
                return;
            if (!messages.ok())
                return responder->sendError(messages.error());
            NativeRequest expanded = native;
            expanded.body.insert(QLatin1StringView("messages"),
                                 [&messages](QByteArray& out) { CompactJson::appendValue(out, messages.value()); });
            const QJsonArray tools = ToolLoop::mcpToolsFor(hub, requestObject);
            if (tools.isEmpty())
                return plain(expanded);
            ToolLoop::start(context, hub, exchange, expanded, id, tools);
        });
}

} // namespace llamagate
