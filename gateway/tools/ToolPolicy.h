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
    /// The outcome for one tool, which rule decided it and the glob that matched (if one did).
    struct Decision
    {
        enum class Rule
        {
            NoAllowList,     ///< allowed: no allow list applies
            GlobalDeny,      ///< denied by an MCP_DENY_TOOLS glob
            ServerDeny,      ///< denied by a glob of the server's own deny list
            ServerAllowMiss, ///< denied: the server's own allow list has no matching glob
            ServerAllow,     ///< allowed by a glob of the server's own allow list (no global allow list)
            GlobalAllowMiss, ///< denied: MCP_ALLOW_TOOLS has no matching glob
            GlobalAllow      ///< allowed by an MCP_ALLOW_TOOLS glob
        };

        bool allowed = true;
        Rule by = Rule::NoAllowList;
        QString glob;
        QString server;

        /// The rule in words for the management API and the logs, e.g. "MCP_DENY_TOOLS: mcp.*.get-env".
        QString rule() const;
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
