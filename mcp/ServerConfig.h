#pragma once

#include <QMap>
#include <QProcessEnvironment>
#include <QStringList>

#include <chrono>
#include <optional>

namespace mcp {

/// How the gateway talks to a server. `Http` is Streamable HTTP with automatic fallback to legacy SSE.
enum class TransportKind
{
    Stdio,
    Http,
    StreamableHttp,
    Sse
};

/// One configured MCP server: how to reach it, its call timeout and which of its tools are offered.
struct ServerConfig
{
    QString name;
    bool enabled = true;
    TransportKind transport = TransportKind::Stdio;

    // stdio
    QString command;
    QStringList args;
    QMap<QString, QString> env; ///< merged over the gateway's environment; values may use ${env:VAR}
    QString workingDirectory;

    // HTTP
    QString url;                    ///< may use ${env:VAR}
    QMap<QString, QString> headers; ///< sent on every request, e.g. Authorization; values may use ${env:VAR}

    std::chrono::milliseconds timeout{30000}; ///< default deadline of each call
    QStringList allowTools;                   ///< glob patterns; empty allows every tool
    QStringList denyTools;                    ///< glob patterns; deny wins over allow

    bool operator==(const ServerConfig&) const = default;

    /// Whether the allow/deny globs let `tool` through.
    bool allowsTool(const QString& tool) const;

    static std::optional<TransportKind> parseTransport(const QString& name);
    static QString transportName(TransportKind kind);
};

/// Replaces each `${env:NAME}` in `text` by that variable of `environment` (empty when unset).
QString expandEnvReferences(const QString& text, const QProcessEnvironment& environment);

} // namespace mcp
