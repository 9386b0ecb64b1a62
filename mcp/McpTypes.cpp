#include "mcp/McpTypes.h"

namespace mcp {

namespace {

QString str(const QJsonObject& json, const char* key)
{
    return json.value(QLatin1String(key)).toString();
}

} // namespace

ToolInfo ToolInfo::fromJson(const QJsonObject& json)
{
    return {str(json, "name"),
            str(json, "title"),
            str(json, "description"),
            json.value(QStringLiteral("inputSchema")).toObject(),
            json.value(QStringLiteral("outputSchema")).toObject(),
            json};
}

ResourceInfo ResourceInfo::fromJson(const QJsonObject& json)
{
    return {str(json, "uri"), str(json, "name"), str(json, "description"), str(json, "mimeType"), json};
}

ResourceTemplateInfo ResourceTemplateInfo::fromJson(const QJsonObject& json)
{
    return {str(json, "uriTemplate"), str(json, "name"), str(json, "description"), str(json, "mimeType"), json};
}

PromptInfo PromptInfo::fromJson(const QJsonObject& json)
{
    return {str(json, "name"), str(json, "description"), json.value(QStringLiteral("arguments")).toArray(), json};
}

QString ContentBlock::text() const
{
    if (type == QLatin1String("resource"))
        return str(json.value(QStringLiteral("resource")).toObject(), "text");
    return str(json, "text");
}

QString ContentBlock::mimeType() const
{
    if (type == QLatin1String("resource"))
        return str(json.value(QStringLiteral("resource")).toObject(), "mimeType");
    return str(json, "mimeType");
}

QByteArray ContentBlock::binary() const
{
    const QString encoded = type == QLatin1String("resource")
                                ? str(json.value(QStringLiteral("resource")).toObject(), "blob")
                                : str(json, "data");
    return QByteArray::fromBase64(encoded.toLatin1());
}

QString ContentBlock::uri() const
{
    if (type == QLatin1String("resource"))
        return str(json.value(QStringLiteral("resource")).toObject(), "uri");
    return str(json, "uri");
}

QList<ContentBlock> ContentBlock::listFromJson(const QJsonArray& array)
{
    QList<ContentBlock> blocks;
    for (const QJsonValue& value : array) {
        const QJsonObject json = value.toObject();
        blocks.append({str(json, "type"), json});
    }
    return blocks;
}

QString ToolCallResult::text() const
{
    if (error)
        return error->message;
    QStringList texts;
    for (const ContentBlock& block : content) {
        if (block.type == QLatin1String("text"))
            texts.append(block.text());
    }
    return texts.join(QLatin1Char('\n'));
}

ToolCallResult ToolCallResult::fromJson(const QJsonObject& result)
{
    ToolCallResult call;
    call.content = ContentBlock::listFromJson(result.value(QStringLiteral("content")).toArray());
    call.structuredContent = result.value(QStringLiteral("structuredContent"));
    call.isError = result.value(QStringLiteral("isError")).toBool();
    return call;
}

ResourceContents ResourceContents::fromJson(const QJsonObject& json)
{
    ResourceContents contents;
    contents.uri = str(json, "uri");
    contents.mimeType = str(json, "mimeType");
    contents.isBlob = json.contains(QStringLiteral("blob"));
    if (contents.isBlob)
        contents.blob = QByteArray::fromBase64(str(json, "blob").toLatin1());
    else
        contents.text = str(json, "text");
    contents.json = json;
    return contents;
}

} // namespace mcp
