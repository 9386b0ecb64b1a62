#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace llamagate {

/// What the command line asked for: the mode, and the settings given as flags (generated from the settings table).
struct CommandLine
{
    bool headless = false;
    bool autostart = false; ///< started at login: straight to the tray, no window
    QString screenshotsDir; ///< render the windows to PNG files here, then quit
    bool showHelp = false;
    bool showVersion = false;
    QHash<QString, QString> settings; ///< flag (without dashes) → text
    QString error;                    ///< non-empty when the arguments do not parse
    QString helpText;

    static CommandLine parse(const QStringList& arguments);
};

} // namespace llamagate
