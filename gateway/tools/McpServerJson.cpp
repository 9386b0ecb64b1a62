#include "gateway/tools/McpServerJson.h"

#include "gateway/config/ValueParsers.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace llamagate {

namespace {

ApiError fieldError(const QString& field, const QString& problem)
{
    return ApiError::invalidRequest(
        QStringLiteral("'%1' %2").arg(field, problem), field, QStringLiteral("invalid_server_config"));
}

std::optional<ApiError> readStrings(const QJsonObject& json, const QString& field, QStringList& out)
{
    const QJsonValue value = json.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (value.isString()) { // "a, b" as in the environment variables
        out = ValueParsers::parseList(value.toString());
        return std::nullopt;
    }
    if (!value.isArray())
        return fieldError(field, QStringLiteral("must be an array of strings"));
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isString())
            return fieldError(field, QStringLiteral("must be an array of strings"));
        out.append(item.toString());
    }
    return std::nullopt;
}

std::optional<ApiError> readMap(const QJsonObject& json, const QString& field, QMap<QString, QString>& out)
{
    const QJsonValue value = json.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject())
        return fieldError(field, QStringLiteral("must be an object of strings"));
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return fieldError(QStringLiteral("%1.%2").arg(field, it.key()), QStringLiteral("must be a string"));
        out.insert(it.key(), it.value().toString());
    }
    return std::nullopt;
}

std::optional<ApiError> readString(const QJsonObject& json, const QString& field, QString& out)
{
    const QJsonValue value = json.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString())
        return fieldError(field, QStringLiteral("must be a string"));
    out = value.toString();
    return std::nullopt;
}

/// A number of seconds, or a duration text such as "90s" or "2m".
std::optional<ApiError> readTimeout(const QJsonObject& json, std::chrono::milliseconds& out)
{
    const QJsonValue value = json.value(QStringLiteral("timeout"));
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    std::optional<qint64> ms;
    if (value.isDouble() && value.toDouble() > 0)
        ms = qint64(value.toDouble() * 1000);
    else if (value.isString())
        ms = ValueParsers::parseDuration(value.toString());
    if (!ms || *ms <= 0)
        return fieldError(QStringLiteral("timeout"),
                          QStringLiteral("must be a positive number of seconds or a duration like \"30s\""));
    out = std::chrono::milliseconds(*ms);
    return std::nullopt;
}

QMap<QString, QString> masked(QMap<QString, QString> values)
{
    for (QString& value : values) {
        if (!value.contains(QLatin1String("${env:")))
            value = QStringLiteral("***");
    }
    return values;
}

QJsonObject mapJson(const QMap<QString, QString>& values)
{
    QJsonObject object;
    for (auto it = values.begin(); it != values.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

bool McpServerJson::isValidName(const QString& name)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return validName.match(name).hasMatch();
}

Result<mcp::ServerConfig> McpServerJson::read(const QJsonObject& json, std::chrono::milliseconds defaultTimeout)
{
    mcp::ServerConfig config;
    config.timeout = defaultTimeout;
    const QJsonValue name = json.value(QStringLiteral("name"));
    if (!name.isString() || !isValidName(name.toString()))
        return fieldError(QStringLiteral("name"), QStringLiteral("must be 1-64 characters of A-Z a-z 0-9 _ . -"));
    config.name = name.toString();
    const QJsonValue enabled = json.value(QStringLiteral("enabled"));
    if (!enabled.isUndefined() && !enabled.isNull() && !enabled.isBool())
        return fieldError(QStringLiteral("enabled"), QStringLiteral("must be a boolean"));
    config.enabled = enabled.toBool(true);

    QString transport;
    std::optional<ApiError> error;
    if ((error = readString(json, QStringLiteral("transport"), transport)) ||
        (error = readString(json, QStringLiteral("command"), config.command)) ||
        (error = readStrings(json, QStringLiteral("args"), config.args)) ||
        (error = readMap(json, QStringLiteral("env"), config.env)) ||
        (error = readString(json, QStringLiteral("cwd"), config.workingDirectory)) ||
        (error = readString(json, QStringLiteral("url"), config.url)) ||
        (error = readMap(json, QStringLiteral("headers"), config.headers)) ||
        (error = readTimeout(json, config.timeout)) ||
        (error = readStrings(json, QStringLiteral("allow_tools"), config.allowTools)) ||
        (error = readStrings(json, QStringLiteral("deny_tools"), config.denyTools)))
        return *error;

    if (transport.isEmpty())
        transport = config.url.isEmpty() ? QStringLiteral("stdio") : QStringLiteral("http");
    const std::optional<mcp::TransportKind> kind = mcp::ServerConfig::parseTransport(transport);
    if (!kind)
        return fieldError(QStringLiteral("transport"), QStringLiteral("must be stdio, http, streamable-http or sse"));
    config.transport = *kind;
    if (config.transport == mcp::TransportKind::Stdio && config.command.isEmpty())
        return fieldError(QStringLiteral("command"), QStringLiteral("is required for the stdio transport"));
    if (config.transport != mcp::TransportKind::Stdio && config.url.isEmpty())
        return fieldError(QStringLiteral("url"), QStringLiteral("is required for the %1 transport").arg(transport));
    return config;
}

QJsonObject McpServerJson::write(const mcp::ServerConfig& config, bool withSecrets)
{
    QJsonObject json{{QStringLiteral("name"), config.name},
                     {QStringLiteral("enabled"), config.enabled},
                     {QStringLiteral("transport"), mcp::ServerConfig::transportName(config.transport)},
                     {QStringLiteral("timeout"), double(config.timeout.count()) / 1000}};
    if (config.transport == mcp::TransportKind::Stdio) {
        json.insert(QStringLiteral("command"), config.command);
        json.insert(QStringLiteral("args"), QJsonArray::fromStringList(config.args));
        json.insert(QStringLiteral("env"), mapJson(withSecrets ? config.env : masked(config.env)));
        if (!config.workingDirectory.isEmpty())
            json.insert(QStringLiteral("cwd"), config.workingDirectory);
    } else {
        json.insert(QStringLiteral("url"), config.url);
        json.insert(QStringLiteral("headers"), mapJson(withSecrets ? config.headers : masked(config.headers)));
    }
    json.insert(QStringLiteral("allow_tools"), QJsonArray::fromStringList(config.allowTools));
    json.insert(QStringLiteral("deny_tools"), QJsonArray::fromStringList(config.denyTools));
    return json;
}

} // namespace llamagate
