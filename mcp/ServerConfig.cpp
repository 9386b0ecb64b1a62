#include "mcp/ServerConfig.h"

#include <QRegularExpression>

namespace mcp {

namespace {

bool matchesAny(const QStringList& globs, const QString& name)
{
    for (const QString& glob : globs) {
        const QRegularExpression pattern(QRegularExpression::wildcardToRegularExpression(glob));
        if (pattern.match(name).hasMatch())
            return true;
    }
    return false;
}

} // namespace

bool ServerConfig::allowsTool(const QString& tool) const
{
    if (matchesAny(denyTools, tool))
        return false;
    return allowTools.isEmpty() || matchesAny(allowTools, tool);
}

std::optional<TransportKind> ServerConfig::parseTransport(const QString& name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("stdio"))
        return TransportKind::Stdio;
    if (key == QLatin1String("http"))
        return TransportKind::Http;
    if (key == QLatin1String("streamable-http") || key == QLatin1String("streamablehttp"))
        return TransportKind::StreamableHttp;
    if (key == QLatin1String("sse"))
        return TransportKind::Sse;
    return std::nullopt;
}

QString ServerConfig::transportName(TransportKind kind)
{
    switch (kind) {
    case TransportKind::Stdio:
        return QStringLiteral("stdio");
    case TransportKind::Http:
        return QStringLiteral("http");
    case TransportKind::StreamableHttp:
        return QStringLiteral("streamable-http");
    case TransportKind::Sse:
        return QStringLiteral("sse");
    }
    return {};
}

QString expandEnvReferences(const QString& text, const QProcessEnvironment& environment)
{
    static const QRegularExpression reference(QStringLiteral(R"(\$\{env:([A-Za-z_][A-Za-z0-9_]*)\})"));
    QString result;
    qsizetype last = 0;
    for (const QRegularExpressionMatch& match : reference.globalMatch(text)) {
        result += text.mid(last, match.capturedStart() - last);
        result += environment.value(match.captured(1));
        last = match.capturedEnd();
    }
    result += text.mid(last);
    return result;
}

} // namespace mcp
