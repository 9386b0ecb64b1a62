#pragma once

#include "gateway/cache/ResponseCache.h"
#include "mcp/McpTypes.h"
#include "mcp/ServerManager.h"

#include <QList>
#include <QMetaType>

namespace llamagate {

/// One MCP server as the control panel shows it: its status and every tool it lists, allowed or not.
struct McpServerSnapshot
{
    mcp::ServerStatus status;
    QList<mcp::ToolInfo> tools; ///< empty unless the server is ready
};

/// The response cache at one moment, for the control panel and GET /v1/cache: its counters and settings.
struct CacheSnapshot
{
    bool enabled = false;
    bool persistent = false; ///< kept in a file across restarts
    ResponseCache::Stats stats;
    ResponseCache::Limits limits;
};

} // namespace llamagate

Q_DECLARE_METATYPE(llamagate::McpServerSnapshot)
Q_DECLARE_METATYPE(llamagate::CacheSnapshot)
