#include "gateway/tools/ToolPolicy.h"

#include <QRegularExpression>

#include <optional>

namespace llamagate {

namespace {

/// The first glob of `globs` that matches `name` as a whole.
std::optional<QString> firstMatch(const QStringList& globs, const QString& name)
{
    for (const QString& glob : globs) {
        const QRegularExpression pattern(QRegularExpression::wildcardToRegularExpression(glob));
        if (pattern.match(name).hasMatch())
            return glob;
    }
    return std::nullopt;
}

QStringList cleaned(QStringList globs)
{
    for (QString& glob : globs)
        glob = glob.trimmed();
    globs.removeAll(QString());
    return globs;
}

} // namespace

ToolPolicy::ToolPolicy(QStringList allow, QStringList deny)
    : m_allow(cleaned(std::move(allow))), m_deny(cleaned(std::move(deny)))
{
}

QString ToolPolicy::qualifiedName(const QString& server, const QString& tool)
{
    return QStringLiteral("mcp.%1.%2").arg(server, tool);
}

ToolPolicy::Decision ToolPolicy::decide(const QString& server,
                                        const QString& tool,
                                        const QStringList& serverAllow,
                                        const QStringList& serverDeny) const
{
    using Rule = Decision::Rule;
    const QString qualified = qualifiedName(server, tool);
    if (const auto glob = firstMatch(m_deny, qualified))
        return {false, Rule::GlobalDeny, *glob, server};
    const QStringList ownAllow = cleaned(serverAllow);
    if (const auto glob = firstMatch(cleaned(serverDeny), tool))
        return {false, Rule::ServerDeny, *glob, server};
    Decision allowedByServer{true, Rule::NoAllowList, QString(), server};
    if (!ownAllow.isEmpty()) {
        const auto glob = firstMatch(ownAllow, tool);
        if (!glob)
            return {false, Rule::ServerAllowMiss, QString(), server};
        allowedByServer = {true, Rule::ServerAllow, *glob, server};
    }
    if (!m_allow.isEmpty()) {
        const auto glob = firstMatch(m_allow, qualified);
        if (!glob)
            return {false, Rule::GlobalAllowMiss, QString(), server};
        return {true, Rule::GlobalAllow, *glob, server};
    }
    return allowedByServer;
}

QString ToolPolicy::Decision::rule() const
{
    switch (by) {
    case Rule::GlobalDeny:
        return QStringLiteral("MCP_DENY_TOOLS: %1").arg(glob);
    case Rule::ServerDeny:
        return QStringLiteral("server %1 deny: %2").arg(server, glob);
    case Rule::ServerAllowMiss:
        return QStringLiteral("server %1 allow list: no match").arg(server);
    case Rule::ServerAllow:
        return QStringLiteral("server %1 allow: %2").arg(server, glob);
    case Rule::GlobalAllowMiss:
        return QStringLiteral("MCP_ALLOW_TOOLS: no match");
    case Rule::GlobalAllow:
        return QStringLiteral("MCP_ALLOW_TOOLS: %1").arg(glob);
    case Rule::NoAllowList:
        break;
    }
    return QStringLiteral("no allow list");
}

} // namespace llamagate
