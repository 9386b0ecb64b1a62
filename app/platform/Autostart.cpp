#include "app/platform/Autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace llamagate {

namespace {

QString quotedArguments()
{
    return Autostart::loginArguments().join(u' ');
}

bool writeAtomically(const QString& path, const QByteArray& contents, QString* error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool removeFile(const QString& path, QString* error)
{
    if (!QFile::exists(path) || QFile::remove(path))
        return true;
    if (error)
        *error = QStringLiteral("cannot remove %1").arg(path);
    return false;
}

/// The folder the entry goes to: the test override, or the OS's own.
QString entryDirectory(const QString& osDirectory)
{
    const QString redirected = qEnvironmentVariable("LLAMAGATE_AUTOSTART_DIR");
    return redirected.isEmpty() ? osDirectory : redirected;
}

} // namespace

std::unique_ptr<Autostart> Autostart::forThisPlatform(const QString& program)
{
#if defined(Q_OS_WIN)
    const QString redirected = qEnvironmentVariable("LLAMAGATE_AUTOSTART_DIR");
    return std::make_unique<WindowsRunAutostart>(
        redirected.isEmpty() ? registryKey() : redirected + QStringLiteral("/run.ini"), program);
#elif defined(Q_OS_MACOS)
    return std::make_unique<LaunchAgentAutostart>(
        entryDirectory(QDir::homePath() + QStringLiteral("/Library/LaunchAgents")), program);
#else
    const QString appImage = qEnvironmentVariable("APPIMAGE");
    return std::make_unique<XdgAutostart>(
        entryDirectory(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                       QStringLiteral("/autostart")),
        appImage.isEmpty() ? program : appImage);
#endif
}

XdgAutostart::XdgAutostart(QString directory, QString program)
    : m_directory(std::move(directory)), m_program(std::move(program))
{
}

QString XdgAutostart::location() const
{
    return m_directory + QStringLiteral("/llamagate.desktop");
}

bool XdgAutostart::isEnabled() const
{
    return QFile::exists(location());
}

bool XdgAutostart::setEnabled(bool enabled, QString* error)
{
    return enabled ? writeAtomically(location(), desktopEntry(m_program), error) : removeFile(location(), error);
}

QByteArray XdgAutostart::desktopEntry(const QString& program)
{
    // Exec quoting per the Desktop Entry spec: a path with spaces or specials goes in double quotes with \ " ` $
    // escaped.
    QString exec = program;
    if (exec.contains(QRegularExpression(QStringLiteral("[\\s\"'\\\\`$]")))) {
        exec.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'"', QStringLiteral("\\\""))
            .replace(u'`', QStringLiteral("\\`"))
            .replace(u'$', QStringLiteral("\\$"));
        exec = u'"' + exec + u'"';
    }
    const QString text = QStringLiteral("[Desktop Entry]\n"
                                        "Type=Application\n"
                                        "Name=LlamaGate\n"
                                        "Comment=OpenAI-compatible gateway for Ollama\n"
                                        "Exec=%1 %2\n"
                                        "Icon=llamagate\n"
                                        "Terminal=false\n"
                                        "Categories=Network;Development;\n"
                                        "X-GNOME-Autostart-enabled=true\n")
                             .arg(exec, quotedArguments());
    return text.toUtf8();
}

WindowsRunAutostart::WindowsRunAutostart(QString settingsPath, QString program)
    : m_settingsPath(std::move(settingsPath)), m_program(std::move(program))
{
}

QString WindowsRunAutostart::runValue(const QString& program)
{
    return QStringLiteral("\"%1\" %2").arg(QDir::toNativeSeparators(program), quotedArguments());
}

bool WindowsRunAutostart::isEnabled() const
{
    const QSettings run(m_settingsPath,
                        m_settingsPath.endsWith(u".ini") ? QSettings::IniFormat : QSettings::NativeFormat);
    return run.contains(QStringLiteral("LlamaGate"));
}

bool WindowsRunAutostart::setEnabled(bool enabled, QString* error)
{
    QSettings run(m_settingsPath, m_settingsPath.endsWith(u".ini") ? QSettings::IniFormat : QSettings::NativeFormat);
    if (enabled)
        run.setValue(QStringLiteral("LlamaGate"), runValue(m_program));
    else
        run.remove(QStringLiteral("LlamaGate"));
    run.sync();
    if (run.status() == QSettings::NoError)
        return true;
    if (error)
        *error = QStringLiteral("cannot write %1").arg(m_settingsPath);
    return false;
}

LaunchAgentAutostart::LaunchAgentAutostart(QString directory, QString program)
    : m_directory(std::move(directory)), m_program(std::move(program))
{
}

QString LaunchAgentAutostart::location() const
{
    return QStringLiteral("%1/%2.plist").arg(m_directory, label());
}

bool LaunchAgentAutostart::isEnabled() const
{
    return QFile::exists(location());
}

bool LaunchAgentAutostart::setEnabled(bool enabled, QString* error)
{
    return enabled ? writeAtomically(location(), plist(m_program), error) : removeFile(location(), error);
}

QByteArray LaunchAgentAutostart::plist(const QString& program)
{
    QString arguments = QStringLiteral("        <string>%1</string>\n").arg(program.toHtmlEscaped());
    for (const QString& argument : loginArguments())
        arguments += QStringLiteral("        <string>%1</string>\n").arg(argument.toHtmlEscaped());
    const QString text = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                                        "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                                        "<plist version=\"1.0\">\n"
                                        "<dict>\n"
                                        "    <key>Label</key>\n"
                                        "    <string>%1</string>\n"
                                        "    <key>ProgramArguments</key>\n"
                                        "    <array>\n"
                                        "%2"
                                        "    </array>\n"
                                        "    <key>RunAtLoad</key>\n"
                                        "    <true/>\n"
                                        "    <key>ProcessType</key>\n"
                                        "    <string>Interactive</string>\n"
                                        "</dict>\n"
                                        "</plist>\n")
                             .arg(label(), arguments);
    return text.toUtf8();
}

} // namespace llamagate
