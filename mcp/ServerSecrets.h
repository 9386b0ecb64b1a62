#pragma once

#include "mcp/ServerConfig.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace mcp {

/// Which header values of a server are secrets (Authorization, and any header whose name says token, key, secret,
/// cookie, auth or password) and how they are stood in for: a `${secret:mcp/<server>/<header>}` reference that the
/// settings keep, while the value itself lives in a keychain and is filled in only when a transport is made.
class ServerSecrets
{
public:
    static bool isSecretHeader(const QString& header);
    /// The keychain key of one header's value: `mcp/<server>/<header>`.
    static QString key(const QString& server, const QString& header);
    static QString reference(const QString& key);

    /// Moves the plain values of secret headers out of `config` into the returned map (key → value), leaving
    /// references behind. Values that already are references (`${secret:…}`, `${env:…}`) stay as they are.
    static QHash<QString, QString> extract(ServerConfig& config);
    /// The keys `config` refers to.
    static QStringList referencedKeys(const ServerConfig& config);
    static QStringList referencedKeys(const QList<ServerConfig>& configs);
    /// `config` with every `${secret:KEY}` in its headers and environment replaced by `secrets[KEY]` (empty when
    /// unknown).
    static ServerConfig resolve(ServerConfig config, const QHash<QString, QString>& secrets);
};

} // namespace mcp
