#include "app/CommandLine.h"

#include "gateway/config/SettingsTable.h"

#include <QCommandLineParser>

namespace llamagate {

CommandLine CommandLine::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("LlamaGate: an OpenAI-compatible gateway in front of a local Ollama, with MCP tools.\n"
                       "Every setting can also come from saved settings, a .env file in the working directory or\n"
                       "the environment variable named in brackets; later sources win, the command line last.\n"
                       "API keys: llamagate keys create|list|revoke (llamagate keys --help)."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run the gateway without any window."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    const QCommandLineOption autostart(QStringLiteral("autostart"),
                                       QStringLiteral("Started at login: go straight to the tray without a window."));
    parser.addOption(headless);
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QStringLiteral("Render every control-panel page and the tray menu to PNG files "
                       "in this folder, then quit."),
        QStringLiteral("folder"));
    parser.addOption(autostart);
    parser.addOption(screenshots);
    parser.addOption(help);
    parser.addOption(version);
    for (const SettingSpec& spec : settingsTable()) {
        const QString defaultText = spec.type == SettingType::Secret || spec.defaultText.isEmpty()
                                        ? QString()
                                        : QStringLiteral(" Default: %1.").arg(spec.defaultText);
        parser.addOption(
            QCommandLineOption(spec.cliFlag(),
                               QStringLiteral("%1 [%2].%3").arg(spec.description, spec.envName, defaultText),
                               QStringLiteral("value")));
    }

    CommandLine result;
    // Parsed before the application object exists, so the parser does not know the program's name yet.
    result.helpText = parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("llamagate"));
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.error = QStringLiteral("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return result;
    }
    result.headless = parser.isSet(headless);
    result.autostart = parser.isSet(autostart);
    result.screenshotsDir = parser.value(screenshots);
    result.showHelp = parser.isSet(help);
    result.showVersion = parser.isSet(version);
    for (const SettingSpec& spec : settingsTable()) {
        if (parser.isSet(spec.cliFlag()))
            result.settings.insert(spec.cliFlag(), parser.value(spec.cliFlag()));
    }
    return result;
}

} // namespace llamagate
