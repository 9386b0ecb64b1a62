#pragma once

#include "mcp/jsonrpc/JsonRpc.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mcp {

/// A tool a server offers, with its full JSON kept in `json`.
struct ToolInfo
{
    QString name;
    QString title;
    QString description;
    QJsonObject inputSchema;
    QJsonObject outputSchema;
    QJsonObject json;

    static ToolInfo fromJson(const QJsonObject& json);
};

/// A concrete resource a server offers.
struct ResourceInfo
{
    QString uri;
    QString name;
    QString description;
    QString mimeType;
    QJsonObject json;

    static ResourceInfo fromJson(const QJsonObject& json);
};

/// A parameterised resource (RFC 6570 URI template).
struct ResourceTemplateInfo
{
    QString uriTemplate;
    QString name;
    QString description;
    QString mimeType;
    QJsonObject json;

    static ResourceTemplateInfo fromJson(const QJsonObject& json);
};

/// A prompt template a server offers; `arguments` is the JSON array of {name, description, required}.
struct PromptInfo
{
    QString name;
    QString description;
    QJsonArray arguments;
    QJsonObject json;

    static PromptInfo fromJson(const QJsonObject& json);
};

/// One content block of a tool result or prompt message: text, image, audio, resource_link or resource.
/// The whole block is kept in `json`; the accessors read the common fields.
struct ContentBlock
{
    QString type;
    QJsonObject json;

    QString text() const;
    QString mimeType() const;
    /// Decoded `data` of image/audio blocks, or `blob` of an embedded resource.
    QByteArray binary() const;
    /// `uri` of resource_link blocks and of embedded resources.
    QString uri() const;

    static QList<ContentBlock> listFromJson(const QJsonArray& array);
};

/// The result of tools/call. `error` is set when the call itself failed (timeout, transport, protocol);
/// `isError` is the tool's own report that it failed, with the explanation in `content`.
struct ToolCallResult
{
    QList<ContentBlock> content;
    QJsonValue structuredContent;
    bool isError = false;
    std::optional<RpcError> error;

    bool ok() const { return !error && !isError; }
    /// All text blocks joined by newlines (or the error message).
    QString text() const;
    static ToolCallResult fromJson(const QJsonObject& result);
};

/// One entry of resources/read: text or binary content of one URI.
struct ResourceContents
{
    QString uri;
    QString mimeType;
    QString text;
    QByteArray blob;
    bool isBlob = false;
    QJsonObject json;

    static ResourceContents fromJson(const QJsonObject& json);
};

/// The result of resources/read.
struct ReadResourceResult
{
    QList<ResourceContents> contents;
    std::optional<RpcError> error;
};

/// The result of prompts/get: messages of {role, content}.
struct PromptResult
{
    QString description;
    QJsonArray messages;
    std::optional<RpcError> error;
};

} // namespace mcp
