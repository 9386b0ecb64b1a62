#pragma once

#include "gateway/config/GatewayConfig.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

class QSettings;
class QProcessEnvironment;

namespace llamagate {

/// The raw text of every configuration source, before parsing.
struct ConfigInputs
{
    QHash<QString, QString> saved;    ///< QSettings key → text
    std::optional<QByteArray> dotEnv; ///< contents of .env, when the file exists
    QString dotEnvPath = QStringLiteral(".env");
    QHash<QString, QString> environment; ///< variable → text
    QHash<QString, QString> commandLine; ///< flag (without dashes) → text
    qsizetype storedApiKeys = 0;         ///< named API keys in the key store (they count as keys for the loopback rule)
    QHash<Setting, QString> modeDefaults; ///< defaults that differ for how LlamaGate runs (the desktop app's)
};

/// A loaded configuration, or the one line saying why there is none.
struct ConfigResult
{
    std::optional<GatewayConfig> config;
    QString error;
};

/// Builds a GatewayConfig from defaults < saved settings < .env < environment < command line, validating every value.
class ConfigLoader
{
public:
    static ConfigResult load(const ConfigInputs& inputs);

    /// The saved settings of the table's keys.
    static QHash<QString, QString> readSaved(const QSettings& settings);
    /// The environment variables of the table.
    static QHash<QString, QString> readEnvironment(const QProcessEnvironment& environment);
    /// The .env file at path, if it exists.
    static std::optional<QByteArray> readDotEnv(const QString& path);
};

} // namespace llamagate
