#pragma once

#include "gateway/json/JsonTree.h"
#include "gateway/openai/NativeRequest.h"
#include "gateway/routes/Exchange.h"

#include <functional>

namespace llamagate {

struct GatewayContext;

/// The MCP part of a chat completion: expands `mcp://` references in user messages, then runs the tool loop when
/// MCP tools are offered, or hands the request to `plain` (the ordinary chat path) when MCP is off or offers none.
void serveChatWithMcp(const GatewayContext& context,
                      const ExchangePtr& exchange,
                      const JsonTree& request,
                      const NativeRequest& native,
                      const QString& id,
                      std::function<void(const NativeRequest&)> plain);

} // namespace llamagate
