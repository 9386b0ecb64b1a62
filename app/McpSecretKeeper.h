#pragma once

#include "mcp/ServerConfig.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace llamagate {

class SecretStore;

/// Keeps the secret header values of the MCP servers for the desktop app: in the keychain when there is one, and
/// in memory for the gateway's configuration; without a keychain in memory only, for this run. The settings only
/// ever see `${secret:…}` references (mcp::ServerSecrets).
class McpSecretKeeper : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Keeps secrets in this keychain from now on: what was kept in memory only so far is written to it, and the
    /// values `servers` refer to are read from it; `loaded` runs once they are all in (not at all when there are
    /// none to read).
    void useStore(SecretStore* store, const QList<mcp::ServerConfig>& servers, std::function<void()> loaded);
    /// Takes the plain values of secret headers out of `servers` (leaving references) and keeps them; deletes the
    /// ones `before` referred to that `servers` no longer does.
    void keep(QList<mcp::ServerConfig>& servers, const QList<mcp::ServerConfig>& before);
    /// Every value known in this run, by key.
    const QHash<QString, QString>& values() const { return m_values; }

private:
    void write(const QString& key, const QString& value);

    SecretStore* m_store = nullptr;
    QHash<QString, QString> m_values;
};

} // namespace llamagate
