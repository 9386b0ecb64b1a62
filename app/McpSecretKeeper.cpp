#include "app/McpSecretKeeper.h"

#include "gateway/access/SecretStore.h"
#include "gateway/log/JsonLogger.h"
#include "mcp/ServerSecrets.h"

#include <QPointer>

#include <memory>

namespace llamagate {

void McpSecretKeeper::useStore(SecretStore* store,
                               const QList<mcp::ServerConfig>& servers,
                               std::function<void()> loaded)
{
    m_store = store;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        write(it.key(), it.value());
    const QStringList keys = mcp::ServerSecrets::referencedKeys(servers);
    if (!m_store || keys.isEmpty())
        return;
    auto left = std::make_shared<qsizetype>(keys.size());
    const QPointer<McpSecretKeeper> self(this);
    for (const QString& key : keys) {
        m_store->read(key, [self, key, left, loaded](const std::optional<QString>& value) {
            if (!self)
                return;
            if (value)
                self->m_values.insert(key, *value);
            else
                logWarning(QStringLiteral("an MCP secret is not in the keychain"), {{QStringLiteral("key"), key}});
            if (--*left == 0)
                loaded();
        });
    }
}

void McpSecretKeeper::keep(QList<mcp::ServerConfig>& servers, const QList<mcp::ServerConfig>& before)
{
    for (mcp::ServerConfig& server : servers) {
        const QHash<QString, QString> secrets = mcp::ServerSecrets::extract(server);
        for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
            m_values.insert(it.key(), it.value());
            write(it.key(), it.value());
        }
    }
    const QStringList kept = mcp::ServerSecrets::referencedKeys(servers);
    for (const QString& key : mcp::ServerSecrets::referencedKeys(before)) {
        if (kept.contains(key))
            continue;
        m_values.remove(key);
        if (m_store)
            m_store->remove(key, [key](bool ok, const QString& error) {
                if (!ok)
                    logWarning(QStringLiteral("the keychain did not delete an MCP secret"),
                               {{QStringLiteral("key"), key}, {QStringLiteral("error"), error}});
            });
    }
}

void McpSecretKeeper::write(const QString& key, const QString& value)
{
    if (!m_store)
        return;
    m_store->write(key, value, [key](bool ok, const QString& error) {
        if (!ok)
            logWarning(QStringLiteral("the keychain did not take an MCP secret; it is kept for this run only"),
                       {{QStringLiteral("key"), key}, {QStringLiteral("error"), error}});
    });
}

} // namespace llamagate
