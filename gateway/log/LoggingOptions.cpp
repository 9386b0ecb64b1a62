#include "gateway/log/LoggingOptions.h"

namespace llamagate {

JsonLogger::Options loggingOptions(const GatewayConfig& config)
{
    JsonLogger::Options options;
    options.debug = config.flag(Setting::Debug);
    options.filePath = config.text(Setting::LogFile);
    options.maxFileSize = config.integer(Setting::LogMaxSize);
    options.maxFiles = int(config.integer(Setting::LogMaxFiles));
    return options;
}

} // namespace llamagate
