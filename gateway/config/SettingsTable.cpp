#include "gateway/config/SettingsTable.h"

#include "gateway/config/ValueParsers.h"

#include <QHostAddress>
#include <QUrl>

namespace llamagate {

namespace {

constexpr double kSecond = 1000;
constexpr double kMinute = 60 * kSecond;
constexpr double kHour = 60 * kMinute;
constexpr double kKiB = 1024;
constexpr double kMiB = 1024 * kKiB;
constexpr double kGiB = 1024 * kMiB;

QList<SettingSpec> makeTable()
{
    using T = SettingType;
    using S = Setting;
    return {
        {S::OllamaHost,
         QStringLiteral("ollama/host"),
         QStringLiteral("OLLAMA_HOST"),
         T::Url,
         QStringLiteral("http://localhost:11434"),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Base URL of the Ollama server")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Ollama server"))},
        {S::ApiKey,
         QStringLiteral("auth/apiKey"),
         QStringLiteral("API_KEY"),
         T::Secret,
         QString(),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "Settings", "An API key clients must send (X-API-Key or Authorization: Bearer); empty turns auth off")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "API key"))},
        {S::ListenAddress,
         QStringLiteral("gateway/listenAddress"),
         QStringLiteral("LISTEN_ADDRESS"),
         T::HostAddress,
         QStringLiteral("127.0.0.1"),
         0,
         0,
         QStringLiteral(
             QT_TRANSLATE_NOOP("Settings", "Address to listen on; beyond loopback only while an API key is set")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Listen address"))},
        {S::Port,
         QStringLiteral("gateway/port"),
         QStringLiteral("PORT"),
         T::Integer,
         QStringLiteral("8080"),
         0,
         65535,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "TCP port to listen on (0 picks a free one)")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Port"))},
        {S::Timeout,
         QStringLiteral("ollama/timeout"),
         QStringLiteral("TIMEOUT"),
         T::Duration,
         QStringLiteral("5m"),
         1 * kSecond,
         30 * kMinute,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "Settings", "Longest wait for Ollama: a whole answer, or a stream's first bytes and then each pause")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Ollama timeout"))},
        {S::HealthTimeout,
         QStringLiteral("ollama/healthTimeout"),
         QStringLiteral("HEALTH_TIMEOUT"),
         T::Duration,
         QStringLiteral("3s"),
         100,
         1 * kMinute,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Upstream timeout of the /health probe")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Health check timeout"))},
        {S::ModelConcurrency,
         QStringLiteral("ollama/modelConcurrency"),
         QStringLiteral("MODEL_CONCURRENCY"),
         T::Integer,
         QStringLiteral("1"),
         1,
         256,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "Settings", "Requests of one model sent to Ollama at once; match Ollama's OLLAMA_NUM_PARALLEL")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Requests per model at once"))},
        {S::ModelQueueDepth,
         QStringLiteral("ollama/modelQueueDepth"),
         QStringLiteral("MODEL_QUEUE_DEPTH"),
         T::Integer,
         QStringLiteral("32"),
         0,
         10000,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "Settings", "Requests of one model that may wait for a slot; more get 429 with Retry-After")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Queue depth per model"))},
        {S::StreamKeepAlive,
         QStringLiteral("ollama/streamKeepAlive"),
         QStringLiteral("STREAM_KEEPALIVE"),
         T::Duration,
         QStringLiteral("10s"),
         100,
         10 * kMinute,
         QStringLiteral(
             QT_TRANSLATE_NOOP("Settings", "While a stream waits for its first token, send an SSE comment this often")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Stream keep-alive"))},
        {S::RateLimitRps,
         QStringLiteral("limits/rateLimitRps"),
         QStringLiteral("RATE_LIMIT_RPS"),
         T::Number,
         QStringLiteral("10"),
         0,
         100000,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Global request rate limit per second (0 turns it off)")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Requests per second"))},
        {S::RateLimitBurst,
         QStringLiteral("limits/rateLimitBurst"),
         QStringLiteral("RATE_LIMIT_BURST"),
         T::Integer,
         QStringLiteral("20"),
         1,
         100000,
         QStringLiteral(
             QT_TRANSLATE_NOOP("Settings",
                               "Requests allowed at once before a rate limit spaces them out (also caps per-key and "
                               "per-address bursts)")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Burst size"))},
        {S::RateLimitIpRpm,
         QStringLiteral("limits/rateLimitIpRpm"),
         QStringLiteral("RATE_LIMIT_IP_RPM"),
         T::Integer,
         QStringLiteral("60"),
         0,
         1000000,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "Settings",
             "While API keys exist: requests per minute from one address without a valid key, refused "
             "ones included (0 turns it off)")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Requests per minute without a key"))},
        {S::Debug,
         QStringLiteral("log/debug"),
         QStringLiteral("DEBUG"),
         T::Bool,
         QStringLiteral("false"),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Write debug log lines")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Debug logging"))},
        {S::LogFile,
         QStringLiteral("log/file"),
         QStringLiteral("LOG_FILE"),
         T::String,
         QString(),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Also append log lines to this file")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Log file"))},
        {S::LogMaxSize,
         QStringLiteral("log/maxSize"),
         QStringLiteral("LOG_MAX_SIZE"),
         T::Size,
         QStringLiteral("10MB"),
         4 * kKiB,
         10 * kGiB,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Rotate the log file when it would grow past this size")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Log file size limit"))},
        {S::LogMaxFiles,
         QStringLiteral("log/maxFiles"),
         QStringLiteral("LOG_MAX_FILES"),
         T::Integer,
         QStringLiteral("5"),
         1,
         100,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Rotated log files to keep")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Rotated log files kept"))},
        {S::MaxRequestSize,
         QStringLiteral("http/maxRequestSize"),
         QStringLiteral("MAX_REQUEST_SIZE"),
         T::Size,
         QStringLiteral("32MB"),
         1 * kKiB,
         1 * kGiB,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Largest request body accepted (413 above)")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Largest request body"))},
        {S::MaxHeaderSize,
         QStringLiteral("http/maxHeaderSize"),
         QStringLiteral("MAX_HEADER_SIZE"),
         T::Size,
         QStringLiteral("32KB"),
         1 * kKiB,
         1 * kMiB,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Largest request line + headers (431 above)")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Largest request head"))},
        {S::MaxHeaderCount,
         QStringLiteral("http/maxHeaderCount"),
         QStringLiteral("MAX_HEADER_COUNT"),
         T::Integer,
         QStringLiteral("100"),
         1,
         1000,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Most request headers accepted (431 above)")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Most request headers"))},
        {S::HeaderTimeout,
         QStringLiteral("http/headerTimeout"),
         QStringLiteral("HEADER_TIMEOUT"),
         T::Duration,
         QStringLiteral("10s"),
         100,
         5 * kMinute,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "Settings", "Time a client has to send a request's headers, and the longest pause in its body")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Request header timeout"))},
        {S::IdleTimeout,
         QStringLiteral("http/idleTimeout"),
         QStringLiteral("IDLE_TIMEOUT"),
         T::Duration,
         QStringLiteral("75s"),
         1 * kSecond,
         1 * kHour,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Close keep-alive connections idle this long")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Idle connection timeout"))},
        {S::ShutdownTimeout,
         QStringLiteral("gateway/shutdownTimeout"),
         QStringLiteral("SHUTDOWN_TIMEOUT"),
         T::Duration,
         QStringLiteral("30s"),
         0,
         10 * kMinute,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "On shutdown, how long in-flight requests may still run")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Shutdown timeout"))},
        {S::CorsAllowedOrigins,
         QStringLiteral("http/corsAllowedOrigins"),
         QStringLiteral("CORS_ALLOWED_ORIGINS"),
         T::List,
         QString(),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "Settings",
             "Comma-separated origins browser clients may call from (\"*\" for any); empty turns CORS off")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Allowed browser origins (CORS)"))},
        {S::CacheEnabled,
         QStringLiteral("cache/enabled"),
         QStringLiteral("CACHE_ENABLED"),
         T::Bool,
         QStringLiteral("true"),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "Settings", "Answer repeated identical chat, completion and embedding requests from the response cache")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Response cache"))},
        {S::CacheMaxEntries,
         QStringLiteral("cache/maxEntries"),
         QStringLiteral("CACHE_MAX_ENTRIES"),
         T::Integer,
         QStringLiteral("1000"),
         1,
         1000000,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Most answers the response cache holds")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Most cached answers"))},
        {S::CacheMaxSize,
         QStringLiteral("cache/maxSize"),
         QStringLiteral("CACHE_MAX_SIZE"),
         T::Size,
         QStringLiteral("64MB"),
         1 * kKiB,
         4 * kGiB,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Most bytes of answers the response cache holds")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Cache size limit"))},
        {S::CacheTtl,
         QStringLiteral("cache/ttl"),
         QStringLiteral("CACHE_TTL"),
         T::Duration,
         QStringLiteral("1h"),
         1 * kSecond,
         365 * 24 * kHour,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "How long a cached answer is served")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Cache lifetime"))},
        {S::CachePersist,
         QStringLiteral("cache/persist"),
         QStringLiteral("CACHE_PERSIST"),
         T::Bool,
         QStringLiteral("false"),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Keep the response cache in a file across restarts")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Keep the cache across restarts"))},
        {S::CacheFile,
         QStringLiteral("cache/file"),
         QStringLiteral("CACHE_FILE"),
         T::String,
         QString(),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "Settings", "The response cache file (empty: response-cache.ndjson in the app data folder)")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Cache file"))},
        {S::McpEnabled,
         QStringLiteral("mcp/enabled"),
         QStringLiteral("MCP_ENABLED"),
         T::Bool,
         QStringLiteral("false"),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Offer MCP tools to models")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "MCP tools"))},
        {S::McpMaxToolRounds,
         QStringLiteral("mcp/maxToolRounds"),
         QStringLiteral("MCP_MAX_TOOL_ROUNDS"),
         T::Integer,
         QStringLiteral("10"),
         1,
         100,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Most model rounds in one tool loop")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Most tool rounds"))},
        {S::McpMaxToolCallsPerRound,
         QStringLiteral("mcp/maxToolCallsPerRound"),
         QStringLiteral("MCP_MAX_TOOL_CALLS_PER_ROUND"),
         T::Integer,
         QStringLiteral("10"),
         1,
         100,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Most tool calls executed in one round")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Most tool calls per round"))},
        {S::McpDefaultToolTimeout,
         QStringLiteral("mcp/defaultToolTimeout"),
         QStringLiteral("MCP_DEFAULT_TOOL_TIMEOUT"),
         T::Duration,
         QStringLiteral("30s"),
         100,
         30 * kMinute,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Timeout of one tool call")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Tool call timeout"))},
        {S::McpMaxToolResultSize,
         QStringLiteral("mcp/maxToolResultSize"),
         QStringLiteral("MCP_MAX_TOOL_RESULT_SIZE"),
         T::Size,
         QStringLiteral("1048576"),
         1 * kKiB,
         100 * kMiB,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Tool results longer than this are cut")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Largest tool result"))},
        {S::McpAllowTools,
         QStringLiteral("mcp/allowTools"),
         QStringLiteral("MCP_ALLOW_TOOLS"),
         T::List,
         QString(),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "Settings", "Comma-separated globs of mcp.<server>.<tool> names offered to models (empty: all)")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Allowed tools"))},
        {S::McpDenyTools,
         QStringLiteral("mcp/denyTools"),
         QStringLiteral("MCP_DENY_TOOLS"),
         T::List,
         QString(),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "Settings", "Comma-separated globs of mcp.<server>.<tool> names never offered (beats allow)")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Denied tools"))},
        {S::McpServers,
         QStringLiteral("mcp/servers"),
         QStringLiteral("MCP_SERVERS"),
         T::String,
         QString(),
         0,
         0,
         QStringLiteral(
             QT_TRANSLATE_NOOP("Settings",
                               "The MCP servers as a JSON array of {name, enabled, transport, command, args, env, url, "
                               "headers, timeout}; the management API saves its changes here")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "MCP servers"))},
        {S::McpConfig,
         QStringLiteral("mcp/configFile"),
         QStringLiteral("MCP_CONFIG"),
         T::String,
         QString(),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "Settings", "A JSON file in the mcpServers format of Claude Desktop, Cursor and LM Studio")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "MCP config file"))},
        {S::McpMaxResourceSize,
         QStringLiteral("mcp/maxResourceSize"),
         QStringLiteral("MCP_MAX_RESOURCE_SIZE"),
         T::Size,
         QStringLiteral("256KB"),
         1 * kKiB,
         100 * kMiB,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "mcp:// resources injected into a message are cut at this size")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Largest injected resource"))},
        {S::McpAllowSampling,
         QStringLiteral("mcp/allowSampling"),
         QStringLiteral("MCP_ALLOW_SAMPLING"),
         T::Bool,
         QStringLiteral("false"),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Answer MCP servers' sampling requests with MCP_SAMPLING_MODEL")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Allow sampling"))},
        {S::McpSamplingModel,
         QStringLiteral("mcp/samplingModel"),
         QStringLiteral("MCP_SAMPLING_MODEL"),
         T::String,
         QString(),
         0,
         0,
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "The Ollama model that answers MCP servers' sampling requests")),
         QStringLiteral(QT_TRANSLATE_NOOP("Settings", "Sampling model"))},
    };
}

bool inRange(double value, const SettingSpec& spec)
{
    return value >= spec.minimum && value <= spec.maximum;
}

} // namespace

QString SettingSpec::cliFlag() const
{
    return envName.toLower().replace(u'_', u'-');
}

QString SettingSpec::acceptedText() const
{
    using VP = QString (*)(qint64);
    const auto range = [this](VP formatter) {
        return QStringLiteral("from %1 to %2").arg(formatter(qint64(minimum)), formatter(qint64(maximum)));
    };
    switch (type) {
    case SettingType::String:
    case SettingType::Secret:
        return QStringLiteral("any text");
    case SettingType::Url:
        return QStringLiteral("an http:// or https:// URL with a host, e.g. http://localhost:11434");
    case SettingType::HostAddress:
        return QStringLiteral("an IPv4 or IPv6 address, e.g. 127.0.0.1, ::1 or 0.0.0.0");
    case SettingType::Integer:
        return QStringLiteral("an integer from %1 to %2").arg(qint64(minimum)).arg(qint64(maximum));
    case SettingType::Number:
        return QStringLiteral("a number from %1 to %2").arg(minimum).arg(maximum);
    case SettingType::Bool:
        return QStringLiteral("true/false, 1/0, yes/no or on/off");
    case SettingType::Duration:
        return QStringLiteral("a duration such as 1500ms, 30s, 5m or 1h, ") + range(&ValueParsers::formatDuration);
    case SettingType::Size:
        return QStringLiteral("a size in bytes or with KB/MB/GB, ") + range(&ValueParsers::formatSize);
    case SettingType::List:
        return QStringLiteral("a comma-separated list");
    }
    return {};
}

std::optional<QVariant> SettingSpec::parse(const QString& text) const
{
    const QString value = text.trimmed();
    switch (type) {
    case SettingType::String:
    case SettingType::Secret:
        return QVariant(value);
    case SettingType::Url: {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https"))
            return std::nullopt;
        QString normalized = url.toString(QUrl::RemoveQuery | QUrl::RemoveFragment);
        while (normalized.endsWith(u'/'))
            normalized.chop(1);
        return QVariant(normalized);
    }
    case SettingType::HostAddress: {
        const QHostAddress address(value);
        if (address.isNull())
            return std::nullopt;
        return QVariant(address.toString());
    }
    case SettingType::Integer: {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (!ok || !inRange(double(number), *this))
            return std::nullopt;
        return QVariant(number);
    }
    case SettingType::Number: {
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!ok || !inRange(number, *this))
            return std::nullopt;
        return QVariant(number);
    }
    case SettingType::Bool: {
        const std::optional<bool> flag = ValueParsers::parseBool(value);
        return flag ? std::optional<QVariant>(QVariant(*flag)) : std::nullopt;
    }
    case SettingType::Duration:
    case SettingType::Size: {
        const std::optional<qint64> amount =
            type == SettingType::Duration ? ValueParsers::parseDuration(value) : ValueParsers::parseSize(value);
        if (!amount || !inRange(double(*amount), *this))
            return std::nullopt;
        return QVariant(*amount);
    }
    case SettingType::List:
        return QVariant(ValueParsers::parseList(value));
    }
    return std::nullopt;
}

QString SettingSpec::format(const QVariant& value) const
{
    switch (type) {
    case SettingType::Secret:
        return value.toString().isEmpty() ? QString() : QStringLiteral("(set)");
    case SettingType::Duration:
        return ValueParsers::formatDuration(value.toLongLong());
    case SettingType::Size:
        return ValueParsers::formatSize(value.toLongLong());
    case SettingType::List:
        return value.toStringList().join(u',');
    case SettingType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return value.toString();
    }
}

const QList<SettingSpec>& settingsTable()
{
    static const QList<SettingSpec> table = makeTable();
    return table;
}

const SettingSpec& settingSpec(Setting id)
{
    const QList<SettingSpec>& table = settingsTable();
    Q_ASSERT(table.at(int(id)).id == id);
    return table.at(int(id));
}

} // namespace llamagate
