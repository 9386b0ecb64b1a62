#include "app/CommandLine.h"
#include "app/DesktopController.h"
#include "app/KeysCommand.h"
#include "app/ScreenshotTour.h"
#include "app/platform/Autostart.h"
#include "app/platform/KeychainSecretStore.h"
#include "app/platform/SignalWatcher.h"
#include "app/platform/SingleInstance.h"
#include "gateway/GatewayHost.h"
#include "gateway/access/KeyStore.h"
#include "gateway/config/ConfigLoader.h"
#include "gateway/config/SettingsVersion.h"
#include "gateway/log/JsonLogger.h"
#include "gateway/log/LoggingOptions.h"
#include "ui/ControlPanel.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QProcessEnvironment>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace llamagate;

namespace {

void printLine(FILE* stream, const QString& text)
{
    const QByteArray bytes = text.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

/// Whether a window can be shown; without one, LlamaGate runs headless.
bool displayAvailable()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

/// Names the application (which also places its saved settings file) and makes that file an INI file.
void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LlamaGate"));
    QCoreApplication::setApplicationName(QStringLiteral("LlamaGate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LLAMAGATE_VERSION));
    QSettings::setDefaultFormat(QSettings::IniFormat);
}

/// The configuration from every source; `savedOverride` stands in for the saved settings when given. The desktop
/// app keeps its response cache across restarts unless told otherwise.
ConfigResult loadConfig(const CommandLine& commandLine,
                        bool desktop,
                        const std::optional<QHash<QString, QString>>& savedOverride = {})
{
    QSettings saved;
    ConfigInputs inputs;
    if (desktop)
        inputs.modeDefaults.insert(Setting::CachePersist, QStringLiteral("true"));
    inputs.saved = savedOverride ? *savedOverride : ConfigLoader::readSaved(saved);
    QString keysError;
    const std::optional<QList<ApiKeyRecord>> storedKeys = KeyStore(saved.fileName()).keys(&keysError);
    if (!storedKeys)
        return {std::nullopt, keysError};
    inputs.storedApiKeys = storedKeys->size();
    inputs.dotEnvPath = QDir::current().filePath(QStringLiteral(".env"));
    inputs.dotEnv = ConfigLoader::readDotEnv(inputs.dotEnvPath);
    inputs.environment = ConfigLoader::readEnvironment(QProcessEnvironment::systemEnvironment());
    inputs.commandLine = commandLine.settings;
    return ConfigLoader::load(inputs);
}

/// Threads other than the main one (the gateway's above all) run Qt's own event dispatcher instead of GLib's. GLib
/// writes its wake-up eventfd for every posted event and every socket notifier switched on or off, from the owning
/// thread too: ~6 extra system calls and one extra poll round per proxied request. The main thread keeps GLib for the
/// desktop. Set before any thread exists; an explicit setting in the environment wins.
void useQtEventDispatcherOffTheMainThread()
{
    if (!qEnvironmentVariableIsSet("QT_NO_THREADED_GLIB"))
        qputenv("QT_NO_THREADED_GLIB", "1");
}

} // namespace

int main(int argc, char** argv)
{
    useQtEventDispatcherOffTheMainThread();
    QStringList arguments;
    for (int index = 0; index < argc; ++index)
        arguments.append(QString::fromLocal8Bit(argv[index]));
    if (arguments.value(1) == u"keys") {
        const QCoreApplication app(argc, argv);
        nameApplication();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return KeysCommand(QSettings().fileName(), out, err).run(arguments.mid(2));
    }
    const CommandLine commandLine = CommandLine::parse(arguments);
    if (!commandLine.error.isEmpty()) {
        printLine(stderr,
                  QStringLiteral("llamagate: %1\nRun llamagate --help for the options.").arg(commandLine.error));
        return 2;
    }
    if (commandLine.showHelp) {
        printLine(stdout, commandLine.helpText);
        return 0;
    }
    if (commandLine.showVersion) {
        printLine(stdout,
                  QStringLiteral("llamagate %1 (Qt %2)")
                      .arg(QStringLiteral(LLAMAGATE_VERSION), QString::fromLatin1(qVersion())));
        return 0;
    }

    const bool headless = commandLine.headless || !displayAvailable();
    std::unique_ptr<QCoreApplication> app =
        headless ? std::make_unique<QCoreApplication>(argc, argv) : std::make_unique<QApplication>(argc, argv);
    nameApplication();

    QSettings savedSettings;
    const QString newerSettings = SettingsVersion::upgrade(savedSettings);
    const ConfigResult loaded = loadConfig(commandLine, !headless);
    if (!loaded.config) {
        printLine(stderr, QStringLiteral("llamagate: %1").arg(loaded.error));
        return 2;
    }
    const GatewayConfig& config = *loaded.config;
    JsonLogger::instance().configure(loggingOptions(config));
    JsonLogger::installQtMessageHandler();
    if (!newerSettings.isEmpty())
        logWarning(newerSettings);
    if (headless && !commandLine.headless)
        logInfo(QStringLiteral("no display found; running headless"));

    GatewayHost host;
    SignalWatcher signalWatcher;
    std::unique_ptr<DesktopController> desktop;
    QObject::connect(&host, &GatewayHost::startFailed, app.get(), [&app, &desktop](const QString& error) {
        logError(QStringLiteral("cannot start"), {{QStringLiteral("error"), error}});
        if (!desktop) // the desktop app shows the reason and stays up, so that the settings can be fixed
            app->exit(1);
    });
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &host, [&host, &desktop](int signalNumber) {
        logInfo(QStringLiteral("termination requested"), {{QStringLiteral("signal"), signalNumber}});
        if (desktop)
            desktop->quit();
        else
            host.stop();
    });
    if (headless)
        QObject::connect(&host, &GatewayHost::stopped, app.get(), &QCoreApplication::quit);

    SingleInstance instance;
    if (!headless && !instance.claim()) {
        logInfo(QStringLiteral("LlamaGate is already running for this user; it was asked to show itself"));
        return 0;
    }
    if (!headless) {
        QApplication::setQuitOnLastWindowClosed(false);
        installTranslations(QLocale());
        desktop = std::make_unique<DesktopController>(
            host,
            QSettings().fileName(),
            [&commandLine](const QHash<QString, QString>& saved) { return loadConfig(commandLine, true, saved); },
            Autostart::forThisPlatform(QCoreApplication::applicationFilePath()));
        QObject::connect(desktop.get(), &DesktopController::quitReady, app.get(), &QCoreApplication::quit);
        QObject::connect(&instance, &SingleInstance::activationRequested, &desktop->panel(), &ControlPanel::present);
        auto* keychain = new KeychainSecretStore(desktop.get());
        keychain->checkAvailable([&desktop, keychain](bool available, const QString& error) {
            if (available)
                desktop->useSecretStore(keychain);
            else
                logWarning(QStringLiteral("no keychain: new API keys are shown once and stored nowhere"),
                           {{QStringLiteral("error"), error}});
        });
    }
    std::unique_ptr<ScreenshotTour> screenshots;
    if (desktop && !commandLine.screenshotsDir.isEmpty()) {
        screenshots = std::make_unique<ScreenshotTour>(*desktop, commandLine.screenshotsDir);
        QObject::connect(screenshots.get(), &ScreenshotTour::finished, app.get(), [&app, &desktop](int exitCode) {
            QObject::connect(
                desktop.get(), &DesktopController::quitReady, app.get(), [&app, exitCode] { app->exit(exitCode); });
            desktop->quit();
        });
    }

    host.useKeyStore(QSettings().fileName());
    if (desktop)
        desktop->run(
            config, QSystemTrayIcon::isSystemTrayAvailable() || screenshots, commandLine.autostart && !screenshots);
    else
        host.start(config);
    return app->exec();
}
