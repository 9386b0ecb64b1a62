#include "gateway/access/SettingsFileWatcher.h"

#include <QDir>
#include <QFileInfo>

namespace llamagate {

namespace {

constexpr int kSettleMs = 50;

} // namespace

SettingsFileWatcher::SettingsFileWatcher(const QString& file, QObject* parent)
    : QObject(parent), m_file(file), m_watcher(this), m_settle(this)
{
    const QString folder = QFileInfo(file).absolutePath();
    QDir().mkpath(folder); // a folder that does not exist yet cannot be watched
    m_watcher.addPath(folder);
    watchFile();
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        watchFile(); // a file replaced by a rename is a new file to watch
        emit changed();
    });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_settle, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_settle, qOverload<>(&QTimer::start));
}

void SettingsFileWatcher::watchFile()
{
    if (QFileInfo::exists(m_file) && !m_watcher.files().contains(m_file))
        m_watcher.addPath(m_file);
}

} // namespace llamagate
