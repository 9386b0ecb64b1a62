#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mcp {

/// One tool of one server.
struct ToolRef
{
    QString server;
    QString tool;

    bool operator==(const ToolRef&) const = default;
};

/// Maps MCP tools to model-safe function names `<server>__<tool>` matching ^[a-zA-Z0-9_-]{1,64}$ and back.
/// Names that must change (too long, or clashing after sanitising) get a stable hash suffix: a tool keeps its
/// name as long as it and its server keep theirs, whatever else is registered.
class ToolRegistry
{
public:
    static constexpr qsizetype MaxNameLength = 64;

    /// Replaces the registry's contents with `tools`.
    void rebuild(QList<ToolRef> tools);

    /// The model-facing name of a registered tool, or an empty string.
    QString exposedName(const QString& server, const QString& tool) const;
    /// The tool behind a model-facing name.
    std::optional<ToolRef> resolve(const QString& exposedName) const;
    QStringList exposedNames() const;
    qsizetype size() const { return m_byName.size(); }

    /// Whether `name` is acceptable as an OpenAI function name.
    static bool isValidName(const QString& name);

private:
    static QString sanitize(const QString& text);
    static QString hashedName(const ToolRef& ref, const QString& candidate, int hexDigits);

    QHash<QString, ToolRef> m_byName;
    QHash<QString, QString> m_byTool; // key: server + '\n' + tool
};

} // namespace mcp
