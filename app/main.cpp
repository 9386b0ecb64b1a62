#include "app/CommandLine.h"
#include "app/KeysCommand.h"
#include "app/platform/SignalWatcher.h"
#include "app/platform/SingleInstance.h"
#include "gateway/GatewayHost.h"
#include "gateway/access/KeyStore.h"
#include "gateway/config/ConfigLoader.h"
#include "gateway/log/JsonLogger.h"
#include "ui/PlaceholderWindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QProcessEnvironment>
#include <QSettings>
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

ConfigResult loadConfig(const CommandLine& commandLine)
{
    QSettings saved;
    ConfigInputs inputs;
    inputs.saved = ConfigLoader::readSaved(saved);
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

} // namespace

int main(int argc, char** argv)
{
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
        printLine(stderr, QStringLiteral("llamagate: %1\nRun llamagate --help for the options.").arg(commandLine.error));
        return 2;
    }
    if (commandLine.showHelp) {
        printLine(stdout, commandLine.helpText);
        return 0;
    }
    if (commandLine.showVersion) {
        printLine(stdout, QStringLiteral("llamagate %1 (Qt %2)").arg(QStringLiteral(LLAMAGATE_VERSION), QString::fromLatin1(qVersion())));
        return 0;
    }

    const bool headless = commandLine.headless || !displayAvailable();
    std::unique_ptr<QCoreApplication> app =
        headless ? std::make_unique<QCoreApplication>(argc, argv) : std::make_unique<QApplication>(argc, argv);
    nameApplication();

    const ConfigResult loaded = loadConfig(commandLine);
    if (!loaded.config) {
        printLine(stderr, QStringLiteral("llamagate: %1").arg(loaded.error));
        return 2;
    }
    const GatewayConfig& config = *loaded.config;
    JsonLogger::Options logOptions;
    logOptions.debug = config.flag(Setting::Debug);
    logOptions.filePath = config.text(Setting::LogFile);
    logOptions.maxFileSize = config.integer(Setting::LogMaxSize);
    logOptions.maxFiles = int(config.integer(Setting::LogMaxFiles));
    JsonLogger::instance().configure(logOptions);
    JsonLogger::installQtMessageHandler();
    if (headless && !commandLine.headless)
        logInfo(QStringLiteral("no display found; running headless"));

    GatewayHost host;
    SignalWatcher signalWatcher;
    QObject::connect(&host, &GatewayHost::startFailed, app.get(), [&app](const QString& error) {
        logError(QStringLiteral("cannot start"), {{QStringLiteral("error"), error}});
        app->exit(1);
    });
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &host, [&host](int signalNumber) {
        logInfo(QStringLiteral("termination requested"), {{QStringLiteral("signal"), signalNumber}});
        host.stop();
    });
    QObject::connect(&host, &GatewayHost::stopped, app.get(), &QCoreApplication::quit);

    std::unique_ptr<PlaceholderWindow> window;
    SingleInstance instance;
    if (!headless && !instance.claim()) {
        logInfo(QStringLiteral("LlamaGate is already running for this user; it was asked to show itself"));
        return 0;
    }
    if (!headless) {
        QApplication::setQuitOnLastWindowClosed(false);
        window = std::make_unique<PlaceholderWindow>();
        QObject::connect(&host, &GatewayHost::started, window.get(), [&window](const QString& address, quint16 port) {
            window->setEndpoint(QStringLiteral("http://%1:%2/v1").arg(address).arg(port));
        });
        QObject::connect(window.get(), &PlaceholderWindow::closed, &host, &GatewayHost::stop);
        QObject::connect(&instance, &SingleInstance::activationRequested, window.get(), [&window] {
            window->show();
            window->raise();
            window->activateWindow();
        });
        window->show();
    }

    host.useKeyStore(QSettings().fileName());
    host.start(config);
    return app->exec();
}
