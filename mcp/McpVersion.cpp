#include "mcp/McpVersion.h"

namespace mcp {

QStringList supportedProtocolVersions()
{
    return {QStringLiteral("2025-11-25"),
            QStringLiteral("2025-06-18"),
            QStringLiteral("2025-03-26"),
            QStringLiteral("2024-11-05")};
}

} // namespace mcp
