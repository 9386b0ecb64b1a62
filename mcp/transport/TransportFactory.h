#pragma once

#include <memory>

namespace mcp {

class Transport;
struct ServerConfig;

/// Builds the transport a server config asks for, with `${env:VAR}` references expanded.
std::unique_ptr<Transport> createTransport(const ServerConfig& config);

} // namespace mcp
