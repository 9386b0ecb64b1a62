#pragma once

#include "gateway/config/SettingsTable.h"

#include <QHash>
#include <QMetaType>
#include <QStringList>
#include <QVariant>

namespace llamagate {

/// Where a setting's value came from; later sources win.
enum class SettingSource
{
    Default,
    Saved,
    DotEnv,
    Environment,
    CommandLine
};

/// A complete, validated snapshot of every setting, with the source of each value. A plain value type.
class GatewayConfig
{
public:
    /// All defaults.
    GatewayConfig();

    QVariant value(Setting id) const { return m_values.value(id); }
    SettingSource source(Setting id) const { return m_sources.value(id, SettingSource::Default); }
    void set(Setting id, const QVariant& value, SettingSource source);

    QString text(Setting id) const { return value(id).toString(); }
    qint64 integer(Setting id) const { return value(id).toLongLong(); }
    double number(Setting id) const { return value(id).toDouble(); }
    bool flag(Setting id) const { return value(id).toBool(); }
    QStringList list(Setting id) const { return value(id).toStringList(); }

    /// True when the listen address is a loopback address.
    bool listensOnLoopbackOnly() const;

    /// Secret values the settings refer to as `${secret:KEY}` (MCP server headers), by KEY: filled in by the desktop
    /// from the keychain, never saved and never logged.
    const QHash<QString, QString>& secrets() const { return m_secrets; }
    void setSecrets(const QHash<QString, QString>& secrets) { m_secrets = secrets; }

private:
    QHash<Setting, QVariant> m_values;
    QHash<Setting, SettingSource> m_sources;
    QHash<QString, QString> m_secrets;
};

/// The name of a source for messages ("environment", ".env", …).
QString settingSourceName(SettingSource source);

} // namespace llamagate

Q_DECLARE_METATYPE(llamagate::GatewayConfig)
