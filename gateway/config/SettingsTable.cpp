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
         QStringLiteral("Base URL of the Ollama server")},
        {S::ApiKey,
         QStringLiteral("auth/apiKey"),
         QStringLiteral("API_KEY"),
         T::Secret,
         QString(),
         0,
         0,
         QStringLiteral("An API key clients must send (X-API-Key or Authorization: Bearer); empty turns auth off")},
        {S::ListenAddress,
         QStringLiteral("gateway/listenAddress"),
         QStringLiteral("LISTEN_ADDRESS"),
         T::HostAddress,
         QStringLiteral("127.0.0.1"),
         0,
         0,
         QStringLiteral("Address to listen on; beyond loopback only while an API key is set")},
        {S::Port,
         QStringLiteral("gateway/port"),
         QStringLiteral("PORT"),
         T::Integer,
         QStringLiteral("8080"),
         0,
         65535,
         QStringLiteral("TCP port to listen on (0 picks a free one)")},
        {S::Timeout,
         QStringLiteral("ollama/timeout"),
         QStringLiteral("TIMEOUT"),
         T::Duration,
         QStringLiteral("5m"),
         1 * kSecond,
         30 * kMinute,
         QStringLiteral("Longest wait for Ollama: a whole answer, or a stream's first bytes and then each pause")},
        {S::HealthTimeout,
         QStringLiteral("ollama/healthTimeout"),
         QStringLiteral("HEALTH_TIMEOUT"),
         T::Duration,
         QStringLiteral("3s"),
         100,
         1 * kMinute,
         QStringLiteral("Upstream timeout of the /health probe")},
        {S::ModelConcurrency,
         QStringLiteral("ollama/modelConcurrency"),
         QStringLiteral("MODEL_CONCURRENCY"),
         T::Integer,
         QStringLiteral("1"),
         1,
         256,
         QStringLiteral("Requests of one model sent to Ollama at once; match Ollama's OLLAMA_NUM_PARALLEL")},
        {S::ModelQueueDepth,
         QStringLiteral("ollama/modelQueueDepth"),
         QStringLiteral("MODEL_QUEUE_DEPTH"),
         T::Integer,
         QStringLiteral("32"),
         0,
         10000,
         QStringLiteral("Requests of one model that may wait for a slot; more get 429 with Retry-After")},
        {S::StreamKeepAlive,
         QStringLiteral("ollama/streamKeepAlive"),
         QStringLiteral("STREAM_KEEPALIVE"),
         T::Duration,
         QStringLiteral("10s"),
         100,
         10 * kMinute,
         QStringLiteral("While a stream waits for its first token, send an SSE comment this often")},
        {S::RateLimitRps,
         QStringLiteral("limits/rateLimitRps"),
         QStringLiteral("RATE_LIMIT_RPS"),
         T::Number,
         QStringLiteral("10"),
         0,
         100000,
         QStringLiteral("Global request rate limit per second (0 turns it off)")},
        {S::RateLimitBurst,
         QStringLiteral("limits/rateLimitBurst"),
         QStringLiteral("RATE_LIMIT_BURST"),
         T::Integer,
         QStringLiteral("20"),
         1,
         100000,
         QStringLiteral("Requests allowed at once before a rate limit spaces them out (also caps per-key and "
                        "per-address bursts)")},
        {S::RateLimitIpRpm,
         QStringLiteral("limits/rateLimitIpRpm"),
         QStringLiteral("RATE_LIMIT_IP_RPM"),
         T::Integer,
         QStringLiteral("60"),
         0,
         1000000,
         QStringLiteral("While API keys exist: requests per minute from one address without a valid key, refused "
                        "ones included (0 turns it off)")},
        {S::Debug,
         QStringLiteral("log/debug"),
         QStringLiteral("DEBUG"),
         T::Bool,
         QStringLiteral("false"),
         0,
         0,
         QStringLiteral("Write debug log lines")},
        {S::LogFile,
         QStringLiteral("log/file"),
         QStringLiteral("LOG_FILE"),
         T::String,
         QString(),
         0,
         0,
         QStringLiteral("Also append log lines to this file")},
        {S::LogMaxSize,
         QStringLiteral("log/maxSize"),
         QStringLiteral("LOG_MAX_SIZE"),
         T::Size,
         QStringLiteral("10MB"),
         4 * kKiB,
         10 * kGiB,
         QStringLiteral("Rotate the log file when it would grow past this size")},
        {S::LogMaxFiles,
         QStringLiteral("log/maxFiles"),
         QStringLiteral("LOG_MAX_FILES"),
         T::Integer,
         QStringLiteral("5"),
         1,
         100,
         QStringLiteral("Rotated log files to keep")},
        {S::MaxRequestSize,
         QStringLiteral("http/maxRequestSize"),
         QStringLiteral("MAX_REQUEST_SIZE"),
         T::Size,
         QStringLiteral("32MB"),
         1 * kKiB,
         1 * kGiB,
         QStringLiteral("Largest request body accepted (413 above)")},
        {S::MaxHeaderSize,
         QStringLiteral("http/maxHeaderSize"),
         QStringLiteral("MAX_HEADER_SIZE"),
         T::Size,
         QStringLiteral("32KB"),
         1 * kKiB,
         1 * kMiB,
         QStringLiteral("Largest request line + headers (431 above)")},
        {S::MaxHeaderCount,
         QStringLiteral("http/maxHeaderCount"),
         QStringLiteral("MAX_HEADER_COUNT"),
         T::Integer,
         QStringLiteral("100"),
         1,
         1000,
         QStringLiteral("Most request headers accepted (431 above)")},
        {S::HeaderTimeout,
         QStringLiteral("http/headerTimeout"),
         QStringLiteral("HEADER_TIMEOUT"),
         T::Duration,
         QStringLiteral("10s"),
         100,
         5 * kMinute,
         QStringLiteral("Time a client has to send a request's headers, and the longest pause in its body")},
        {S::IdleTimeout,
         QStringLiteral("http/idleTimeout"),
         QStringLiteral("IDLE_TIMEOUT"),
         T::Duration,
         QStringLiteral("75s"),
         1 * kSecond,
         1 * kHour,
         QStringLiteral("Close keep-alive connections idle this long")},
        {S::ShutdownTimeout,
         QStringLiteral("gateway/shutdownTimeout"),
         QStringLiteral("SHUTDOWN_TIMEOUT"),
         T::Duration,
         QStringLiteral("30s"),
         0,
         10 * kMinute,
         QStringLiteral("On shutdown, how long in-flight requests may still run")},
        {S::CorsAllowedOrigins,
         QStringLiteral("http/corsAllowedOrigins"),
         QStringLiteral("CORS_ALLOWED_ORIGINS"),
         T::List,
         QString(),
         0,
         0,
         QStringLiteral("Comma-separated origins browser clients may call from (\"*\" for any); empty turns CORS off")},
        {S::CacheEnabled,
         QStringLiteral("cache/enabled"),
         QStringLiteral("CACHE_ENABLED"),
         T::Bool,
         QStringLiteral("true"),
         0,
         0,
         QStringLiteral("Answer repeated identical chat, completion and embedding requests from the response cache")},
        {S::CacheMaxEntries,
         QStringLiteral("cache/maxEntries"),
         QStringLiteral("CACHE_MAX_ENTRIES"),
         T::Integer,
         QStringLiteral("1000"),
         1,
         1000000,
         QStringLiteral("Most answers the response cache holds")},
        {S::CacheMaxSize,
         QStringLiteral("cache/maxSize"),
         QStringLiteral("CACHE_MAX_SIZE"),
         T::Size,
         QStringLiteral("64MB"),
         1 * kKiB,
         4 * kGiB,
         QStringLiteral("Most bytes of answers the response cache holds")},
        {S::CacheTtl,
         QStringLiteral("cache/ttl"),
         QStringLiteral("CACHE_TTL"),
         T::Duration,
         QStringLiteral("1h"),
         1 * kSecond,
         365 * 24 * kHour,
         QStringLiteral("How long a cached answer is served")},
        {S::CachePersist,
         QStringLiteral("cache/persist"),
         QStringLiteral("CACHE_PERSIST"),
         T::Bool,
         QStringLiteral("false"),
         0,
         0,
         QStringLiteral("Keep the response cache in a file across restarts")},
        {S::CacheFile,
         QStringLiteral("cache/file"),
         QStringLiteral("CACHE_FILE"),
         T::String,
         QString(),
         0,
         0,
         QStringLiteral("The response cache file (empty: response-cache.ndjson in the app data folder)")},
        {S::McpEnabled,
         QStringLiteral("mcp/enabled"),
         QStringLiteral("MCP_ENABLED"),
         T::Bool,
         QStringLiteral("false"),
         0,
         0,
         QStringLiteral("Offer MCP tools to models")},
        {S::McpMaxToolRounds,
         QStringLiteral("mcp/maxToolRounds"),
         QStringLiteral("MCP_MAX_TOOL_ROUNDS"),
         T::Integer,
         QStringLiteral("10"),
         1,
         100,
         QStringLiteral("Most model rounds in one tool loop")},
        {S::McpMaxToolCallsPerRound,
         QStringLiteral("mcp/maxToolCallsPerRound"),
         QStringLiteral("MCP_MAX_TOOL_CALLS_PER_ROUND"),
         T::Integer,
         QStringLiteral("10"),
         1,
         100,
         QStringLiteral("Most tool calls executed in one round")},
        {S::McpDefaultToolTimeout,
         QStringLiteral("mcp/defaultToolTimeout"),
         QStringLiteral("MCP_DEFAULT_TOOL_TIMEOUT"),
         T::Duration,
         QStringLiteral("30s"),
         100,
         30 * kMinute,
         QStringLiteral("Timeout of one tool call")},
        {S::McpMaxToolResultSize,
         QStringLiteral("mcp/maxToolResultSize"),
         QStringLiteral("MCP_MAX_TOOL_RESULT_SIZE"),
         T::Size,
         QStringLiteral("1048576"),
         1 * kKiB,
         100 * kMiB,
         QStringLiteral("Tool results longer than this are cut")},
        {S::McpAllowTools,
         QStringLiteral("mcp/allowTools"),
         QStringLiteral("MCP_ALLOW_TOOLS"),
         T::List,
         QString(),
         0,
         0,
         QStringLiteral("Comma-separated globs of mcp.<server>.<tool> names offered to models (empty: all)")},
        {S::McpDenyTools,
         QStringLiteral("mcp/denyTools"),
         QStringLiteral("MCP_DENY_TOOLS"),
         T::List,
         QString(),
         0,
         0,
         QStringLiteral("Comma-separated globs of mcp.<server>.<tool> names never offered (beats allow)")},
        {S::McpServers,
         QStringLiteral("mcp/servers"),
         QStringLiteral("MCP_SERVERS"),
         T::String,
         QString(),
         0,
         0,
         QStringLiteral("The MCP servers as a JSON array of {name, enabled, transport, command, args, env, url, "
                        "headers, timeout}; the management API saves its changes here")},
        {S::McpConfig,
         QStringLiteral("mcp/configFile"),
         QStringLiteral("MCP_CONFIG"),
         T::String,
         QString(),
         0,
         0,
         QStringLiteral("A JSON file in the mcpServers format of Claude Desktop, Cursor and LM Studio")},
        {S::McpMaxResourceSize,
         QStringLiteral("mcp/maxResourceSize"),
         QStringLiteral("MCP_MAX_RESOURCE_SIZE"),
         T::Size,
         QStringLiteral("256KB"),
         1 * kKiB,
         100 * kMiB,
         QStringLiteral("mcp:// resources injected into a message are cut at this size")},
        {S::McpAllowSampling,
         QStringLiteral("mcp/allowSampling"),
         QStringLiteral("MCP_ALLOW_SAMPLING"),
         T::Bool,
         QStringLiteral("false"),
         0,
         0,
         QStringLiteral("Answer MCP servers' sampling requests with MCP_SAMPLING_MODEL")},
        {S::McpSamplingModel,
         QStringLiteral("mcp/samplingModel"),
         QStringLiteral("MCP_SAMPLING_MODEL"),
         T::String,
         QString(),
         0,
         0,
         QStringLiteral("The Ollama model that answers MCP servers' sampling requests")},
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
