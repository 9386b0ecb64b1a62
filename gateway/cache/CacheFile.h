#pragma once

#include "gateway/cache/ResponseCache.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace llamagate {

/// The response cache on disk: a versioned NDJSON file — a header line, then one entry per line, least recently
/// used first — written atomically (QSaveFile). A file that is not exactly that is set aside, never trusted.
class CacheFile
{
public:
    static constexpr int kVersion = 1;

    explicit CacheFile(QString path) : m_path(std::move(path)) {}
    const QString& path() const { return m_path; }

    /// The entries in the file (none when there is no file). A corrupt or foreign file is renamed to
    /// "<path>.bad-<UTC time>" with a warning log line, and no entries come from it.
    QList<ResponseCache::Entry> load() const;
    /// Writes the entries atomically (creating the folder); false with `error` set when that fails. Safe to call
    /// from a worker thread.
    bool save(const QList<ResponseCache::Entry>& entries, QString* error) const;

    static QByteArray encode(const QList<ResponseCache::Entry>& entries);
    /// The entries of an encoded file; nullopt with `reason` set when it is corrupt or not ours.
    static std::optional<QList<ResponseCache::Entry>> decode(const QByteArray& bytes, QString* reason);

private:
    void setAside(const QString& reason) const;

    QString m_path;
};

} // namespace llamagate
