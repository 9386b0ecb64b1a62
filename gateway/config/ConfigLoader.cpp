#include "gateway/config/ConfigLoader.h"

#include "gateway/config/DotEnvFile.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QSettings>

namespace llamagate {

namespace {

/// How a source names a setting in an error message.
QString nameIn(SettingSource source, const SettingSpec& spec, const QString& dotEnvPath)
{
    switch (source) {
    case SettingSource::Saved:
        return QStringLiteral("saved setting %1").arg(spec.key);
    case SettingSource::DotEnv:
        return QStringLiteral("%1 in %2").arg(spec.envName, dotEnvPath);
    case SettingSource::CommandLine:
        return QStringLiteral("--%1").arg(spec.cliFlag());
    default:
        return spec.envName;
    }
}

bool acceptsEmpty(const SettingSpec& spec)
{
    return spec.type == SettingType::String || spec.type == SettingType::Secret || spec.type == SettingType::List;
}

QString crossCheck(const GatewayConfig& config, qsizetype storedApiKeys)
{
    if (!config.listensOnLoopbackOnly() && config.text(Setting::ApiKey).isEmpty() && storedApiKeys == 0) {
        return QStringLiteral("Refusing to listen on %1 (beyond loopback) without an API key: create one with "
                              "`llamagate keys create`, set API_KEY, or LISTEN_ADDRESS=127.0.0.1")
            .arg(config.text(Setting::ListenAddress));
    }
    return {};
}

} // namespace

ConfigResult ConfigLoader::load(const ConfigInputs& inputs)
{
    QHash<QString, QString> dotEnvValues;
    if (inputs.dotEnv) {
        const DotEnvFile file = DotEnvFile::parse(*inputs.dotEnv);
        if (!file.ok())
            return {std::nullopt,
                    QStringLiteral("%1 line %2: %3").arg(inputs.dotEnvPath).arg(file.errorLine()).arg(file.error())};
        dotEnvValues = file.values();
    }

    GatewayConfig config;
    for (auto it = inputs.modeDefaults.begin(); it != inputs.modeDefaults.end(); ++it) {
        const std::optional<QVariant> parsed = settingSpec(it.key()).parse(it.value());
        Q_ASSERT_X(parsed.has_value(), "ConfigLoader", "a mode default does not parse");
        if (parsed)
            config.set(it.key(), *parsed, SettingSource::Default);
    }
    for (const SettingSpec& spec : settingsTable()) {
        const QList<std::pair<SettingSource, std::optional<QString>>> layers = {
            {SettingSource::Saved,
             inputs.saved.contains(spec.key) ? std::optional(inputs.saved.value(spec.key)) : std::nullopt},
            {SettingSource::DotEnv,
             dotEnvValues.contains(spec.envName) ? std::optional(dotEnvValues.value(spec.envName)) : std::nullopt},
            {SettingSource::Environment,
             inputs.environment.contains(spec.envName) ? std::optional(inputs.environment.value(spec.envName))
                                                       : std::nullopt},
            {SettingSource::CommandLine,
             inputs.commandLine.contains(spec.cliFlag()) ? std::optional(inputs.commandLine.value(spec.cliFlag()))
                                                         : std::nullopt},
        };
        for (const auto& [source, text] : layers) {
            if (!text || (text->trimmed().isEmpty() && !acceptsEmpty(spec)))
                continue; // an empty variable counts as unset, as in the original LlamaGate
            const std::optional<QVariant> parsed = spec.parse(*text);
            if (!parsed) {
                const QString shown = spec.type == SettingType::Secret ? QStringLiteral("(hidden)") : *text;
                return {std::nullopt,
                        QStringLiteral("Invalid %1 \"%2\": expected %3")
                            .arg(nameIn(source, spec, inputs.dotEnvPath), shown, spec.acceptedText())};
            }
            config.set(spec.id, *parsed, source);
        }
    }

    const QString problem = crossCheck(config, inputs.storedApiKeys);
    if (!problem.isEmpty())
        return {std::nullopt, problem};
    return {config, QString()};
}

QHash<QString, QString> ConfigLoader::readSaved(const QSettings& settings)
{
    QHash<QString, QString> saved;
    for (const SettingSpec& spec : settingsTable()) {
        if (settings.contains(spec.key))
            saved.insert(spec.key, settings.value(spec.key).toString());
    }
    return saved;
}

QHash<QString, QString> ConfigLoader::readEnvironment(const QProcessEnvironment& environment)
{
    QHash<QString, QString> values;
    for (const SettingSpec& spec : settingsTable()) {
        if (environment.contains(spec.envName))
            values.insert(spec.envName, environment.value(spec.envName));
    }
    return values;
}

std::optional<QByteArray> ConfigLoader::readDotEnv(const QString& path)
{
    QFile file(path);
    if (!file.exists() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

} // namespace llamagate
