#include "gateway/tools/McpChat.h"

#include "gateway/routes/GatewayContext.h"
#include "gateway/tools/McpHub.h"
#include "gateway/tools/ResourceExpander.h"
#include "gateway/tools/ToolLoop.h"

#include <QJsonArray>

namespace llamagate {

void serveChatWithMcp(const GatewayContext& context,
                      const ExchangePtr& exchange,
                      const QJsonObject& request,
                      const NativeRequest& native,
                      const QString& id,
                      std::function<void(const NativeRequest&)> plain)
{
    if (!context.mcp || !context.mcp->enabled())
        return plain(native);
    McpHub& hub = *context.mcp;
    ResourceExpander::expand(
        hub,
        native.body.value(QStringLiteral("messages")).toArray(),
        exchange->responder,
        [&context, &hub, exchange, request, native, id, plain](const Result<QJsonArray>& messages) {
            HttpResponder* responder = exchange->live();
            if (!responder)
                return;
            if (!messages.ok())
                return responder->sendError(messages.error());
            NativeRequest expanded = native;
            expanded.body.insert(QStringLiteral("messages"), messages.value());
            const QJsonArray tools = ToolLoop::mcpToolsFor(hub, request);
            if (tools.isEmpty())
                return plain(expanded);
            ToolLoop::start(context, hub, exchange, expanded, id, tools);
        });
}

} // namespace llamagate
