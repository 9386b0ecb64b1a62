#include "gateway/config/SettingsVersion.h"

#include <QSettings>

namespace llamagate {

namespace {

/// The version the settings were written with: 0 for an empty file, 1 for files from before the key existed.
int writtenVersion(const QSettings& settings)
{
    if (settings.contains(QLatin1String(SettingsVersion::key)))
        return settings.value(QLatin1String(SettingsVersion::key)).toInt();
    return settings.allKeys().isEmpty() ? 0 : 1;
}

} // namespace

void SettingsVersion::stamp(QSettings& settings)
{
    if (writtenVersion(settings) <= current)
        settings.setValue(QLatin1String(key), current);
}

QString SettingsVersion::upgrade(QSettings& settings)
{
    const int version = writtenVersion(settings);
    if (version > current)
        return QStringLiteral("%1 was written by a newer LlamaGate (settings version %2; this one knows %3): "
                              "settings it does not know are ignored")
            .arg(settings.fileName())
            .arg(version)
            .arg(current);
    if (version == 0 || settings.contains(QLatin1String(key)))
        return {};
    // Version 1 is the first format: nothing to change but the stamp.
    stamp(settings);
    settings.sync();
    return {};
}

} // namespace llamagate
