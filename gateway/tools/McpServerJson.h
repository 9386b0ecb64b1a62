#pragma once

#include "gateway/openai/ApiError.h"
#include "mcp/ServerConfig.h"

#include <QJsonObject>

#include <chrono>

namespace llamagate {

/// A server configuration as JSON with the original LlamaGate's field names (`name`, `enabled`, `transport`,
/// `command`, `args`, `env`, `cwd`, `url`, `headers`, `timeout`, plus `allow_tools` / `deny_tools`), used by the
/// saved settings and the management API.
class McpServerJson
{
public:
    /// Reads one server; a missing `timeout` means `defaultTimeout`. Errors are 400s naming the field.
    static Result<mcp::ServerConfig> read(const QJsonObject& json, std::chrono::milliseconds defaultTimeout);
    /// Whether `name` is a server name the gateway accepts: 1-64 characters of A-Z a-z 0-9 _ . -
    static bool isValidName(const QString& name);
    /// The JSON of a server. Without `withSecrets`, header and env values are masked (except ${env:…} references).
    static QJsonObject write(const mcp::ServerConfig& config, bool withSecrets);
};

} // namespace llamagate
