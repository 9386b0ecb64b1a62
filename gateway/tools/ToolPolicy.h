#pragma once

#include <QString>
#include <QStringList>

namespace llamagate {

/// Which MCP tools may be offered to models and executed: comma-separated globs on `mcp.<server>.<tool>` (the
/// original LlamaGate's naming) from the global lists, plus each server's own globs on its bare tool names.
/// Any deny pattern beats every allow pattern; an empty allow list allows everything.
class ToolPolicy
{
public:
    /// The outcome for one tool and the rule that decided it, e.g. "MCP_DENY_TOOLS: mcp.*.get-env".
    struct Decision
    {
        bool allowed = true;
        QString rule;
    };

    ToolPolicy() = default;
    ToolPolicy(QStringList allow, QStringList deny);

    /// The decision for `tool` of `server`, given that server's own allow/deny globs.
    Decision decide(const QString& server,
                    const QString& tool,
                    const QStringList& serverAllow = {},
                    const QStringList& serverDeny = {}) const;

    /// `mcp.<server>.<tool>`, the name the global globs are matched against.
    static QString qualifiedName(const QString& server, const QString& tool);

private:
    QStringList m_allow;
    QStringList m_deny;
};

} // namespace llamagate
