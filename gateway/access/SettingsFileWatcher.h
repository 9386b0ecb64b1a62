#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace llamagate {

/// Tells when a settings file may have changed — edited in place, or replaced by renaming a new file over it (how
/// QSettings saves) — by watching the file and its folder. A burst of events gives one changed() signal.
class SettingsFileWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SettingsFileWatcher(const QString& file, QObject* parent = nullptr);

signals:
    void changed();

private:
    void watchFile();

    QString m_file;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
};

} // namespace llamagate
