#include "gateway/tools/McpServerList.h"

#include "gateway/tools/McpServerJson.h"
#include "mcp/McpServersImport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace llamagate {

std::chrono::milliseconds McpServerList::defaultTimeout(const GatewayConfig& config)
{
    return std::chrono::milliseconds(config.integer(Setting::McpDefaultToolTimeout));
}

McpServerList McpServerList::fromSetting(const QString& text, std::chrono::milliseconds defaultTimeout)
{
    McpServerList list;
    if (text.trimmed().isEmpty())
        return list;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isArray()) {
        list.errors.append(QStringLiteral("MCP_SERVERS is not a JSON array; no saved MCP servers"));
        return list;
    }
    for (const QJsonValue& entry : document.array()) {
        const Result<mcp::ServerConfig> server = McpServerJson::read(entry.toObject(), defaultTimeout);
        if (server.ok())
            list.servers.append(server.value());
        else
            list.errors.append(QStringLiteral("MCP_SERVERS entry left out: %1").arg(server.error().message));
    }
    return list;
}

McpServerList McpServerList::fromFile(const QString& path, std::chrono::milliseconds defaultTimeout)
{
    McpServerList list;
    if (path.isEmpty())
        return list;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        list.errors.append(QStringLiteral("cannot read MCP_CONFIG %1: %2").arg(path, file.errorString()));
        return list;
    }
    const mcp::McpServersImport imported = mcp::McpServersImport::parse(file.readAll(), defaultTimeout);
    for (const QString& error : imported.errors)
        list.errors.append(QStringLiteral("MCP_CONFIG entry left out: %1").arg(error));
    list.servers = imported.servers;
    return list;
}

QString McpServerList::toSetting(const QList<mcp::ServerConfig>& servers)
{
    QJsonArray list;
    for (const mcp::ServerConfig& server : servers)
        list.append(McpServerJson::write(server, true));
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

} // namespace llamagate
