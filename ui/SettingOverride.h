#pragma once

#include "gateway/config/GatewayConfig.h"

#include <QCoreApplication>

namespace llamagate {

/// Whether a setting comes from a source the control panel cannot change (the environment, the .env file, the
/// command line), and the sentence shown next to its read-only editor.
class SettingOverride
{
    Q_DECLARE_TR_FUNCTIONS(llamagate::SettingOverride)
public:
    static bool applies(SettingSource source);
    /// "Set by the environment variable X; change it there." and the like; empty when the panel may change it.
    static QString reason(SettingSource source, const SettingSpec& spec);
};

} // namespace llamagate
