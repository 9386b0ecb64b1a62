#include "mcp/McpServersImport.h"

#include "mcp/JsonTypeName.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace mcp {

namespace {

/// Reads one server entry; collects errors with their JSON path instead of stopping at the first.
class EntryReader
{
public:
    EntryReader(const QString& name, const QJsonObject& entry, std::chrono::milliseconds defaultTimeout)
        : m_path(QStringLiteral("mcpServers.%1").arg(name)), m_entry(entry)
    {
        m_config.name = name;
        m_config.timeout = defaultTimeout;
    }

    std::optional<ServerConfig> read(QStringList& errors)
    {
        const bool hasCommand = m_entry.contains(QStringLiteral("command"));
        const bool hasUrl = m_entry.contains(QStringLiteral("url")) || m_entry.contains(QStringLiteral("serverUrl"));
        if (hasCommand && hasUrl)
            error(QString(), QStringLiteral("has both \"command\" and \"url\"; give one"));
        else if (!hasCommand && !hasUrl)
            error(QString(), QStringLiteral("needs \"command\" (a local server) or \"url\" (a remote one)"));
        else if (hasCommand)
            readStdio();
        else
            readHttp();
        readCommon(hasCommand);
        if (!m_errors.isEmpty()) {
            errors += m_errors;
            return std::nullopt;
        }
        return m_config;
    }

private:
    void error(const QString& field, const QString& message)
    {
        m_errors.append(
            QStringLiteral("%1%2: %3").arg(m_path, field.isEmpty() ? QString() : QLatin1Char('.') + field, message));
    }

    std::optional<QString> string(const QString& field, bool required)
    {
        const QJsonValue value = m_entry.value(field);
        if (value.isUndefined() && !required)
            return std::nullopt;
        if (!value.isString() || value.toString().trimmed().isEmpty()) {
            error(field, QStringLiteral("must be a non-empty string, not %1").arg(jsonTypeName(value)));
            return std::nullopt;
        }
        return value.toString();
    }

    QMap<QString, QString> stringMap(const QString& field)
    {
        QMap<QString, QString> map;
        const QJsonValue value = m_entry.value(field);
        if (value.isUndefined())
            return map;
        if (!value.isObject()) {
            error(field, QStringLiteral("must be an object of strings, not %1").arg(jsonTypeName(value)));
            return map;
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isString())
                map.insert(it.key(), it.value().toString());
            else
                error(field + QLatin1Char('.') + it.key(),
                      QStringLiteral("must be a string, not %1").arg(jsonTypeName(it.value())));
        }
        return map;
    }

    void readStdio()
    {
        if (const auto command = string(QStringLiteral("command"), true))
            m_config.command = *command;
        const QJsonValue args = m_entry.value(QStringLiteral("args"));
        if (args.isArray()) {
            const QJsonArray array = args.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (array.at(i).isString())
                    m_config.args.append(array.at(i).toString());
                else
                    error(QStringLiteral("args[%1]").arg(i),
                          QStringLiteral("must be a string, not %1").arg(jsonTypeName(array.at(i))));
            }
        } else if (!args.isUndefined()) {
            error(QStringLiteral("args"),
                  QStringLiteral("must be an array of strings, not %1").arg(jsonTypeName(args)));
        }
        m_config.env = stringMap(QStringLiteral("env"));
        if (const auto cwd = string(QStringLiteral("cwd"), false))
            m_config.workingDirectory = *cwd;
        m_config.transport = TransportKind::Stdio;
    }

    void readHttp()
    {
        const QString field =
            m_entry.contains(QStringLiteral("url")) ? QStringLiteral("url") : QStringLiteral("serverUrl");
        if (const auto url = string(field, true)) {
            const QUrl parsed(*url);
            const bool envReference = url->contains(QStringLiteral("${env:"));
            if (!envReference && (!parsed.isValid() || (parsed.scheme() != QLatin1String("http") &&
                                                        parsed.scheme() != QLatin1String("https"))))
                error(field, QStringLiteral("must be an http:// or https:// URL, not \"%1\"").arg(*url));
            m_config.url = *url;
        }
        m_config.headers = stringMap(QStringLiteral("headers"));
        m_config.transport = TransportKind::Http;
    }

    void readCommon(bool stdio)
    {
        const QJsonValue type = m_entry.value(QStringLiteral("type"));
        if (type.isString()) {
            const std::optional<TransportKind> kind = ServerConfig::parseTransport(type.toString());
            if (!kind)
                error(QStringLiteral("type"),
                      QStringLiteral("unknown transport \"%1\" (expected stdio, http, streamable-http or sse)")
                          .arg(type.toString()));
            else if ((*kind == TransportKind::Stdio) != stdio)
                error(QStringLiteral("type"),
                      QStringLiteral("\"%1\" does not fit an entry with \"%2\"")
                          .arg(type.toString(), stdio ? QStringLiteral("command") : QStringLiteral("url")));
            else
                m_config.transport = *kind;
        } else if (!type.isUndefined()) {
            error(QStringLiteral("type"), QStringLiteral("must be a string, not %1").arg(jsonTypeName(type)));
        }

        const QJsonValue disabled = m_entry.value(QStringLiteral("disabled"));
        if (disabled.isBool())
            m_config.enabled = !disabled.toBool();
        else if (!disabled.isUndefined())
            error(QStringLiteral("disabled"),
                  QStringLiteral("must be true or false, not %1").arg(jsonTypeName(disabled)));

        const QJsonValue timeout = m_entry.value(QStringLiteral("timeout"));
        if (timeout.isDouble() && timeout.toDouble() > 0)
            m_config.timeout = std::chrono::milliseconds(qint64(timeout.toDouble() * 1000));
        else if (!timeout.isUndefined())
            error(QStringLiteral("timeout"),
                  QStringLiteral("must be a positive number of seconds, not %1").arg(jsonTypeName(timeout)));
    }

    QString m_path;
    QJsonObject m_entry;
    ServerConfig m_config;
    QStringList m_errors;
};

} // namespace

McpServersImport McpServersImport::parse(const QByteArray& json, std::chrono::milliseconds defaultTimeout)
{
    McpServersImport result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errors.append(
            QStringLiteral("not valid JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
        return result;
    }
    if (!document.isObject()) {
        result.errors.append(QStringLiteral("the top level must be an object with \"mcpServers\""));
        return result;
    }
    const QJsonValue servers = document.object().value(QStringLiteral("mcpServers"));
    if (!servers.isObject()) {
        result.errors.append(servers.isUndefined()
                                 ? QStringLiteral("no \"mcpServers\" object at the top level")
                                 : QStringLiteral("mcpServers: must be an object, not %1").arg(jsonTypeName(servers)));
        return result;
    }
    const QJsonObject entries = servers.toObject();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        if (it.key().trimmed().isEmpty()) {
            result.errors.append(QStringLiteral("mcpServers: a server has an empty name"));
            continue;
        }
        if (!it.value().isObject()) {
            result.errors.append(
                QStringLiteral("mcpServers.%1: must be an object, not %2").arg(it.key(), jsonTypeName(it.value())));
            continue;
        }
        if (const auto config = EntryReader(it.key(), it.value().toObject(), defaultTimeout).read(result.errors))
            result.servers.append(*config);
    }
    return result;
}

} // namespace mcp
