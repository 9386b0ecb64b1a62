#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace llamagate {

/// Launch at login: one interface with a backend per OS (XDG autostart entry, HKCU Run value, LaunchAgent plist).
/// Off by default. The environment variable LLAMAGATE_AUTOSTART_DIR redirects where the entry is written (tests).
class Autostart
{
public:
    virtual ~Autostart() = default;

    virtual bool isEnabled() const = 0;
    /// Writes or removes the entry; false with a reason when that fails.
    virtual bool setEnabled(bool enabled, QString* error) = 0;
    /// Where the entry lives (a file, or a registry path), for messages.
    virtual QString location() const = 0;

    /// The backend of the OS this build runs on, starting `program` with the arguments of a login start.
    static std::unique_ptr<Autostart> forThisPlatform(const QString& program);

    /// The arguments a login start passes: LlamaGate then goes straight to the tray.
    static QStringList loginArguments() { return {QStringLiteral("--autostart")}; }
};

/// Linux and other XDG desktops: `$XDG_CONFIG_HOME/autostart/llamagate.desktop` (uses $APPIMAGE when set).
class XdgAutostart : public Autostart
{
public:
    XdgAutostart(QString directory, QString program);

    bool isEnabled() const override;
    bool setEnabled(bool enabled, QString* error) override;
    QString location() const override;

    /// The desktop entry's text.
    static QByteArray desktopEntry(const QString& program);

private:
    QString m_directory;
    QString m_program;
};

/// Windows: the value "LlamaGate" under HKCU\Software\Microsoft\Windows\CurrentVersion\Run.
class WindowsRunAutostart : public Autostart
{
public:
    /// `settingsPath` is the registry key, or an INI file standing in for it in tests.
    WindowsRunAutostart(QString settingsPath, QString program);

    bool isEnabled() const override;
    bool setEnabled(bool enabled, QString* error) override;
    QString location() const override { return m_settingsPath; }

    /// The Run value: the quoted native path and the login arguments.
    static QString runValue(const QString& program);
    static QString registryKey()
    {
        return QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
    }

private:
    QString m_settingsPath;
    QString m_program;
};

/// macOS: `~/Library/LaunchAgents/<id>.plist` with RunAtLoad and, on purpose, no KeepAlive (launchd would restart
/// an app the user quit).
class LaunchAgentAutostart : public Autostart
{
public:
    LaunchAgentAutostart(QString directory, QString program);

    bool isEnabled() const override;
    bool setEnabled(bool enabled, QString* error) override;
    QString location() const override;

    static QString label() { return QStringLiteral("io.llamagate.LlamaGate"); }
    /// The property list's text.
    static QByteArray plist(const QString& program);

private:
    QString m_directory;
    QString m_program;
};

} // namespace llamagate
