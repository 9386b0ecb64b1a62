#include "gateway/config/GatewayConfig.h"

#include <QHostAddress>

namespace llamagate {

GatewayConfig::GatewayConfig()
{
    for (const SettingSpec& spec : settingsTable()) {
        const std::optional<QVariant> parsed = spec.parse(spec.defaultText);
        Q_ASSERT_X(parsed.has_value(), "GatewayConfig", "a default in the settings table does not parse");
        m_values.insert(spec.id, parsed.value_or(QVariant()));
    }
}

void GatewayConfig::set(Setting id, const QVariant& value, SettingSource source)
{
    m_values.insert(id, value);
    m_sources.insert(id, source);
}

bool GatewayConfig::listensOnLoopbackOnly() const
{
    return QHostAddress(text(Setting::ListenAddress)).isLoopback();
}

QString settingSourceName(SettingSource source)
{
    switch (source) {
    case SettingSource::Default:
        return QStringLiteral("default");
    case SettingSource::Saved:
        return QStringLiteral("saved settings");
    case SettingSource::DotEnv:
        return QStringLiteral(".env");
    case SettingSource::Environment:
        return QStringLiteral("environment");
    case SettingSource::CommandLine:
        return QStringLiteral("command line");
    }
    return {};
}

} // namespace llamagate
