#include "gateway/tools/ResourceExpander.h"

#include "gateway/tools/McpHub.h"
#include "gateway/tools/ToolResultMessage.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>

#include <memory>

namespace llamagate {

namespace {

ApiError resourceError(const QString& reference, const QString& problem)
{
    return ApiError::invalidRequest(QStringLiteral("Cannot read %1: %2").arg(reference, problem),
                                    QStringLiteral("messages"),
                                    QStringLiteral("mcp_resource_error"));
}

QString contentsText(const QString& reference, const mcp::ReadResourceResult& result, qint64 maxBytes)
{
    QStringList parts;
    for (const mcp::ResourceContents& contents : result.contents) {
        if (contents.isBlob)
            parts.append(
                QStringLiteral("[binary content of %1: %2, %3 bytes, not shown]")
                    .arg(contents.uri, contents.mimeType.isEmpty() ? QStringLiteral("unknown type") : contents.mimeType)
                    .arg(contents.blob.size()));
        else
            parts.append(contents.text);
    }
    const QString text =
        ToolResultMessage::capped(parts.join(u'\n'), maxBytes, QStringLiteral("MCP_MAX_RESOURCE_SIZE"));
    return QStringLiteral("\n\n--- BEGIN MCP RESOURCE %1 ---\n%2\n--- END MCP RESOURCE %1 ---").arg(reference, text);
}

/// The state of one expansion: reads outstanding, blocks collected.
struct Expansion
{
    QJsonArray messages;
    QHash<QString, QString> blocks; ///< reference → block text
    int pending = 0;
    bool failed = false;
    std::function<void(const Result<QJsonArray>&)> done;
};

} // namespace

QList<ResourceExpander::Reference> ResourceExpander::find(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(mcp://([A-Za-z0-9_.-]+)/(\S+))"));
    QList<Reference> references;
    for (const QRegularExpressionMatch& match : pattern.globalMatch(text)) {
        QString uri = match.captured(2);
        while (!uri.isEmpty() && QStringLiteral(".,;:!?)]}>\"'`").contains(uri.back()))
            uri.chop(1);
        if (uri.isEmpty())
            continue;
        const Reference reference{QStringLiteral("mcp://%1/%2").arg(match.captured(1), uri), match.captured(1), uri};
        if (std::none_of(references.cbegin(), references.cend(), [&reference](const Reference& seen) {
                return seen.text == reference.text;
            }))
            references.append(reference);
    }
    return references;
}

void ResourceExpander::expand(McpHub& hub,
                              const QJsonArray& messages,
                              QObject* owner,
                              std::function<void(const Result<QJsonArray>&)> done)
{
    auto state = std::make_shared<Expansion>();
    state->messages = messages;
    state->done = std::move(done);
    QList<Reference> wanted;
    for (const QJsonValue& message : messages) {
        if (message.toObject().value(QStringLiteral("role")).toString() != u"user")
            continue;
        for (const Reference& reference : find(message.toObject().value(QStringLiteral("content")).toString())) {
            if (!state->blocks.contains(reference.text)) {
                state->blocks.insert(reference.text, QString());
                wanted.append(reference);
            }
        }
    }
    const auto finish = [state] {
        QJsonArray expanded;
        for (const QJsonValue& value : std::as_const(state->messages)) {
            QJsonObject message = value.toObject();
            if (message.value(QStringLiteral("role")).toString() == u"user") {
                QString content = message.value(QStringLiteral("content")).toString();
                for (const Reference& reference : find(content))
                    content += state->blocks.value(reference.text);
                message.insert(QStringLiteral("content"), content);
            }
            expanded.append(message);
        }
        state->done(expanded);
    };
    for (const Reference& reference : std::as_const(wanted)) {
        if (!hub.serverConfig(reference.server))
            return state->done(resourceError(
                reference.text, QStringLiteral("there is no MCP server named '%1'").arg(reference.server)));
        if (!hub.servers().client(reference.server))
            return state->done(resourceError(reference.text,
                                             QStringLiteral("the MCP server '%1' is not ready").arg(reference.server)));
    }
    if (wanted.isEmpty())
        return finish();
    state->pending = int(wanted.size());
    const qint64 maxBytes = hub.config().integer(Setting::McpMaxResourceSize);
    const QPointer<QObject> alive(owner);
    for (const Reference& reference : std::as_const(wanted)) {
        hub.servers()
            .client(reference.server)
            ->readResource(reference.uri,
                           [state, reference, maxBytes, finish, alive](const mcp::ReadResourceResult& result) {
                               if (state->failed || !alive)
                                   return;
                               if (result.error) {
                                   state->failed = true;
                                   return state->done(resourceError(reference.text, result.error->message));
                               }
                               state->blocks.insert(reference.text, contentsText(reference.text, result, maxBytes));
                               if (--state->pending == 0)
                                   finish();
                           });
    }
}

} // namespace llamagate
