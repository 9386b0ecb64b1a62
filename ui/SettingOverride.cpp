#include "ui/SettingOverride.h"

namespace llamagate {

bool SettingOverride::applies(SettingSource source)
{
    return source == SettingSource::Environment || source == SettingSource::DotEnv ||
           source == SettingSource::CommandLine;
}

QString SettingOverride::reason(SettingSource source, const SettingSpec& spec)
{
    switch (source) {
    case SettingSource::Environment:
        return tr("Set by the environment variable %1; change it there.").arg(spec.envName);
    case SettingSource::DotEnv:
        return tr("Set by %1 in the .env file; change it there.").arg(spec.envName);
    case SettingSource::CommandLine:
        return tr("Set by --%1 on the command line.").arg(spec.cliFlag());
    default:
        return {};
    }
}

} // namespace llamagate
