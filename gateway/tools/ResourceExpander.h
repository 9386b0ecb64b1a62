#pragma once

#include "gateway/openai/ApiError.h"

#include <QJsonArray>
#include <QObject>
#include <QString>

#include <functional>

namespace llamagate {

class McpHub;

/// Reads every `mcp://<server>/<resource-uri>` named in the user messages of a native chat body with
/// resources/read and appends the contents to that message as a delimited block naming the URI, cut at
/// MCP_MAX_RESOURCE_SIZE; binary contents are described, not dumped. An unknown or unready server, or a failed
/// read, is a 400 naming the URI.
class ResourceExpander
{
public:
    /// A reference found in a message.
    struct Reference
    {
        QString text; ///< as written: mcp://server/uri
        QString server;
        QString uri;
    };

    /// The distinct references in `text`, in order (trailing punctuation is not part of a URI).
    static QList<Reference> find(const QString& text);

    /// Expands the references in `messages`, then calls `done` with the new messages or the 400.
    static void expand(McpHub& hub,
                       const QJsonArray& messages,
                       QObject* owner,
                       std::function<void(const Result<QJsonArray>&)> done);
};

} // namespace llamagate
