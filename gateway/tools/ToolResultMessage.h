#pragma once

#include "mcp/McpTypes.h"

#include <QJsonObject>
#include <QString>

namespace llamagate {

/// Turns an MCP tool result into the native `tool` message the model reads next: every content block kept
/// (text as is, images attached to `images`, audio and binary described, resource links and embedded resources
/// as text with their URI), `structuredContent` as JSON, failures as text saying what happened, and the text cut
/// to a size limit with a visible note.
class ToolResultMessage
{
public:
    /// The model-facing text of a result (uncut).
    static QString text(const mcp::ToolCallResult& result);
    /// `text` cut to at most `maxBytes` UTF-8 bytes plus a note naming the limit's setting; unchanged when it fits.
    static QString
    capped(const QString& text, qint64 maxBytes, const QString& limitName = QStringLiteral("MCP_MAX_TOOL_RESULT_SIZE"));
    /// {"role":"tool","tool_name","content","images"?}; images beyond `maxBytes` in total are left out, saying so.
    static QJsonObject build(const mcp::ToolCallResult& result, const QString& toolName, qint64 maxBytes);
    /// A tool message carrying only an explanation (a refused or skipped call).
    static QJsonObject error(const QString& toolName, const QString& message);
};

} // namespace llamagate
