#include "gateway/tools/ToolResultMessage.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace llamagate {

namespace {

QString compactJson(const QJsonValue& value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString describeBinary(const QString& what, const mcp::ContentBlock& block)
{
    return QStringLiteral("[%1 %2, %3 bytes]").arg(what, block.mimeType()).arg(block.binary().size());
}

QString blockText(const mcp::ContentBlock& block)
{
    if (block.type == u"text")
        return block.text();
    if (block.type == u"image")
        return describeBinary(QStringLiteral("image"), block);
    if (block.type == u"audio")
        return describeBinary(QStringLiteral("audio"), block) + QStringLiteral(" (not passed to the model)");
    if (block.type == u"resource_link") {
        QString line = QStringLiteral("[resource link] %1").arg(block.uri());
        for (const char* field : {"name", "mimeType", "description"}) {
            const QString value = block.json.value(QLatin1String(field)).toString();
            if (!value.isEmpty())
                line += QStringLiteral("\n%1: %2").arg(QLatin1String(field), value);
        }
        return line;
    }
    if (block.type == u"resource") {
        const QJsonObject resource = block.json.value(QStringLiteral("resource")).toObject();
        if (resource.contains(QStringLiteral("text")))
            return QStringLiteral("[resource %1]\n%2")
                .arg(block.uri(), resource.value(QStringLiteral("text")).toString());
        return QStringLiteral("[resource %1] ").arg(block.uri()) + describeBinary(QStringLiteral("binary"), block);
    }
    return QStringLiteral("[%1 content] %2").arg(block.type, compactJson(block.json));
}

QString utf8Prefix(const QString& text, qint64 maxBytes)
{
    QByteArray bytes = text.toUtf8().left(maxBytes);
    // Never end inside a multi-byte character: drop continuation bytes and the lead byte they belong to.
    while (!bytes.isEmpty() && (uchar(bytes.back()) & 0xC0) == 0x80)
        bytes.chop(1);
    if (!bytes.isEmpty() && (uchar(bytes.back()) & 0x80))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

} // namespace

QString ToolResultMessage::text(const mcp::ToolCallResult& result)
{
    if (result.error)
        return QStringLiteral("The tool call failed: %1").arg(result.error->message);
    QStringList parts;
    for (const mcp::ContentBlock& block : result.content)
        parts.append(blockText(block));
    if (!result.structuredContent.isUndefined() && !result.structuredContent.isNull()) {
        const QString json = compactJson(result.structuredContent);
        const bool alreadyThere =
            std::any_of(parts.cbegin(), parts.cend(), [&json](const QString& part) { return part.trimmed() == json; });
        if (!alreadyThere)
            parts.append(QStringLiteral("Structured content: ") + json);
    }
    QString text = parts.isEmpty() ? QStringLiteral("(the tool returned no content)") : parts.join(u'\n');
    if (result.isError)
        text.prepend(QStringLiteral("The tool reported an error:\n"));
    return text;
}

QString ToolResultMessage::capped(const QString& text, qint64 maxBytes, const QString& limitName)
{
    const qint64 size = text.toUtf8().size();
    if (size <= maxBytes)
        return text;
    return utf8Prefix(text, maxBytes) +
           QStringLiteral("\n[LlamaGate: cut from %1 to %2 bytes (%3)]").arg(size).arg(maxBytes).arg(limitName);
}

QJsonObject ToolResultMessage::build(const mcp::ToolCallResult& result, const QString& toolName, qint64 maxBytes)
{
    QString content = capped(text(result), maxBytes);
    QJsonArray images;
    qint64 imageBytes = 0;
    int leftOut = 0;
    if (!result.error) {
        for (const mcp::ContentBlock& block : result.content) {
            if (block.type != u"image")
                continue;
            const QString data = block.json.value(QStringLiteral("data")).toString();
            if (imageBytes + data.size() > maxBytes) {
                ++leftOut;
                continue;
            }
            imageBytes += data.size();
            images.append(data);
        }
    }
    if (!images.isEmpty())
        content += QStringLiteral("\n[%1 image(s) attached to this message]").arg(images.size());
    if (leftOut > 0)
        content +=
            QStringLiteral("\n[LlamaGate: %1 image(s) left out: larger than MCP_MAX_TOOL_RESULT_SIZE]").arg(leftOut);
    QJsonObject message{{QStringLiteral("role"), QStringLiteral("tool")},
                        {QStringLiteral("tool_name"), toolName},
                        {QStringLiteral("content"), content}};
    if (!images.isEmpty())
        message.insert(QStringLiteral("images"), images);
    return message;
}

QJsonObject ToolResultMessage::error(const QString& toolName, const QString& message)
{
    return {{QStringLiteral("role"), QStringLiteral("tool")},
            {QStringLiteral("tool_name"), toolName},
            {QStringLiteral("content"), message}};
}

} // namespace llamagate
