#pragma once

#include "gateway/config/GatewayConfig.h"
#include "gateway/log/JsonLogger.h"

namespace llamagate {

/// The logger's options in a configuration (DEBUG, LOG_FILE, LOG_MAX_SIZE, LOG_MAX_FILES).
JsonLogger::Options loggingOptions(const GatewayConfig& config);

} // namespace llamagate
