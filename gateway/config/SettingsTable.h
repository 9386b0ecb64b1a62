#pragma once

#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace llamagate {

/// Every setting LlamaGate has. The table in SettingsTable.cpp is the only place one is described.
enum class Setting
{
    OllamaHost,
    ApiKey,
    ListenAddress,
    Port,
    Timeout,
    HealthTimeout,
    ModelConcurrency,
    ModelQueueDepth,
    StreamKeepAlive,
    RateLimitRps,
    RateLimitBurst,
    RateLimitIpRpm,
    Debug,
    LogFile,
    LogMaxSize,
    LogMaxFiles,
    MaxRequestSize,
    MaxHeaderSize,
    MaxHeaderCount,
    HeaderTimeout,
    IdleTimeout,
    ShutdownTimeout,
    CorsAllowedOrigins,
    CacheEnabled,
    CacheMaxEntries,
    CacheMaxSize,
    CacheTtl,
    CachePersist,
    CacheFile,
    McpEnabled,
    McpMaxToolRounds,
    McpMaxToolCallsPerRound,
    McpDefaultToolTimeout,
    McpMaxToolResultSize,
    McpAllowTools,
    McpDenyTools,
    McpServers,
    McpConfig,
    McpMaxResourceSize,
    McpAllowSampling,
    McpSamplingModel,
};

/// The kind of value a setting holds, which decides how its text is parsed and validated.
enum class SettingType
{
    String,
    Secret,
    Url,
    HostAddress,
    Integer,
    Number,
    Bool,
    Duration,
    Size,
    List
};

/// One row of the settings table: names in each source, type, default and accepted range.
struct SettingSpec
{
    Setting id;
    QString key;     ///< key in saved settings (QSettings), e.g. "gateway/port"
    QString envName; ///< environment / .env variable, e.g. "PORT"
    SettingType type;
    QString defaultText;
    double minimum = 0; ///< for Integer, Number, Duration (ms) and Size (bytes)
    double maximum = 0;
    QString description; ///< one line for --help and the control panel (translated there, context "Settings")
    QString label;       ///< a short name for people, e.g. "Ollama server" (the control panel's; context "Settings")

    /// Command-line flag without dashes, derived from the variable name: PORT → "port", OLLAMA_HOST → "ollama-host".
    QString cliFlag() const;
    /// What values are accepted, for error messages and --help ("an integer from 0 to 65535").
    QString acceptedText() const;
    /// Parses and validates one textual value; nullopt when it is not accepted.
    std::optional<QVariant> parse(const QString& text) const;
    /// The value as text again (durations and sizes in their short form; secrets are masked).
    QString format(const QVariant& value) const;
};

/// The settings table.
const QList<SettingSpec>& settingsTable();
/// The row for one setting.
const SettingSpec& settingSpec(Setting id);

} // namespace llamagate
