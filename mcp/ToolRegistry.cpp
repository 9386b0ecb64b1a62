#include "mcp/ToolRegistry.h"

#include <QCryptographicHash>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>

namespace mcp {

namespace {

QString toolKey(const QString& server, const QString& tool)
{
    return server + QLatin1Char('\n') + tool;
}

QString joined(const ToolRef& ref)
{
    return ref.server + QStringLiteral("__") + ref.tool;
}

} // namespace

bool ToolRegistry::isValidName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9_-]{1,64}$"));
    return pattern.match(name).hasMatch();
}

QString ToolRegistry::sanitize(const QString& text)
{
    QString result = text;
    for (QChar& c : result) {
        const bool safe =
            (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') || c == QLatin1Char('-');
        if (!safe)
            c = QLatin1Char('_');
    }
    return result;
}

QString ToolRegistry::hashedName(const ToolRef& ref, const QString& candidate, int hexDigits)
{
    const QByteArray digest =
        QCryptographicHash::hash(toolKey(ref.server, ref.tool).toUtf8(), QCryptographicHash::Sha256).toHex();
    const QString suffix = QLatin1Char('_') + QString::fromLatin1(digest.left(hexDigits));
    return candidate.left(MaxNameLength - suffix.size()) + suffix;
}

void ToolRegistry::rebuild(QList<ToolRef> tools)
{
    m_byName.clear();
    m_byTool.clear();
    std::sort(tools.begin(), tools.end(), [](const ToolRef& a, const ToolRef& b) {
        return std::tie(a.server, a.tool) < std::tie(b.server, b.tool);
    });
    tools.erase(std::unique(tools.begin(), tools.end()), tools.end());

    // Group the tools by their sanitised name: a name is kept only where it is unambiguous.
    QMap<QString, QList<ToolRef>> byCandidate;
    for (const ToolRef& ref : tools)
        byCandidate[sanitize(joined(ref))].append(ref);

    QList<QPair<ToolRef, QString>> needHash;
    for (auto it = byCandidate.cbegin(); it != byCandidate.cend(); ++it) {
        const QString& candidate = it.key();
        const QList<ToolRef>& group = it.value();
        std::optional<ToolRef> keeper;
        if (candidate.size() <= MaxNameLength) {
            if (group.size() == 1) {
                keeper = group.first();
            } else {
                const auto lossless = std::count_if(
                    group.cbegin(), group.cend(), [&](const ToolRef& ref) { return joined(ref) == candidate; });
                if (lossless == 1)
                    keeper = *std::find_if(
                        group.cbegin(), group.cend(), [&](const ToolRef& ref) { return joined(ref) == candidate; });
            }
        }
        for (const ToolRef& ref : group) {
            if (keeper && ref == *keeper) {
                m_byName.insert(candidate, ref);
                m_byTool.insert(toolKey(ref.server, ref.tool), candidate);
            } else {
                needHash.append({ref, candidate});
            }
        }
    }
    for (const auto& [ref, candidate] : needHash) {
        QString name;
        for (int digits = 8; digits <= 64; digits += 4) {
            name = hashedName(ref, candidate, digits);
            if (!m_byName.contains(name))
                break;
        }
        m_byName.insert(name, ref);
        m_byTool.insert(toolKey(ref.server, ref.tool), name);
    }
}

QString ToolRegistry::exposedName(const QString& server, const QString& tool) const
{
    return m_byTool.value(toolKey(server, tool));
}

std::optional<ToolRef> ToolRegistry::resolve(const QString& exposedName) const
{
    const auto it = m_byName.constFind(exposedName);
    return it == m_byName.cend() ? std::nullopt : std::optional<ToolRef>(*it);
}

QStringList ToolRegistry::exposedNames() const
{
    QStringList names = m_byName.keys();
    names.sort();
    return names;
}

} // namespace mcp
