#pragma once

#include "gateway/cache/CacheFile.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <optional>

namespace llamagate {

class ResponseCache;

/// Keeps a ResponseCache in a CacheFile: reads the file into the cache when opened, writes a snapshot a short while
/// after the cache changed (encoded and written on a worker thread, off the gateway's hot path), and writes once
/// more, waiting for it, on flush().
class CachePersistence : public QObject
{
    Q_OBJECT
public:
    /// The longest a change waits before it is written.
    static constexpr std::chrono::milliseconds kWriteDelay{2000};

    explicit CachePersistence(ResponseCache* cache, QObject* parent = nullptr);
    ~CachePersistence() override;

    /// Flushes the current file, if any; then reads `path` into the cache and writes changes to it from now on.
    void open(const QString& path);
    /// Flushes, then stops writing.
    void close();
    /// Waits for a write in progress and writes what changed since, at once.
    void flush();
    /// The file written to; empty when closed.
    QString path() const { return m_file ? m_file->path() : QString(); }

private:
    void onCacheChanged();
    void writeInBackground();
    /// Runs on the writer thread (or, from flush(), on the caller's): touches only its arguments and the flag.
    void write(const CacheFile& file, const QList<ResponseCache::Entry>& entries);

    ResponseCache* m_cache;
    std::optional<CacheFile> m_file;
    QTimer m_delay;
    QThreadPool m_writer;
    bool m_dirty = false;
    std::atomic<bool> m_lastWriteFailed = false; ///< logs a failing write once, not every few seconds
};

} // namespace llamagate
