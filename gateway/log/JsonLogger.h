#pragma once

#include "gateway/log/LogFields.h"
#include "gateway/log/RotatingLogFile.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QString>
#include <QStringView>

#include <memory>

class QTimer;

namespace llamagate {

enum class LogLevel
{
    Debug,
    Info,
    Warn,
    Error
};

/// Writes structured log lines — one JSON object per line, `time`, `level` and `msg` first — to stdout and,
/// when configured, to a size-rotated file. Thread-safe; one per process.
class JsonLogger
{
public:
    struct Options
    {
        bool debug = false;
        QString filePath;
        qint64 maxFileSize = 10 * 1024 * 1024;
        int maxFiles = 5;
    };

    static JsonLogger& instance();

    void configure(const Options& options);
    /// Writes a line with `fields` and, among them as if inserted, `more` (sorted by name).
    void
    write(LogLevel level, const QString& message, const LogFields& fields = {}, std::span<const LogField> more = {});
    bool debugEnabled() const;

    /// From now on, info and debug lines written by the calling thread are collected and written out together once
    /// the oldest is 25 ms old (when the thread's event loop next waits, or by a timer), or when 32 KiB have piled
    /// up, instead of one system call per line. For a busy thread with an event loop (the gateway's, which writes a
    /// line per request); warnings and errors, and lines of other threads, still go out at once (after the
    /// collected ones, keeping the order).
    static void batchWritesOfThisThread();
    /// Writes out the collected lines now.
    void flush();

    /// Routes qDebug/qWarning/… through this logger so stdout stays one JSON object per line.
    static void installQtMessageHandler();

    /// The JSON line for a message (exposed for tests).
    static QByteArray
    formatLine(LogLevel level, const QString& message, const LogFields& fields, std::span<const LogField> more = {});

private:
    static void appendLine(QByteArray& out,
                           LogLevel level,
                           const QString& message,
                           const LogFields& fields,
                           std::span<const LogField> more);
    JsonLogger() { m_clock.start(); }
    ~JsonLogger();

    /// Writes the collected lines to stdout and the file; the mutex is held.
    void writePending();
    /// The collected lines are due: written now. Otherwise `timer` is set to write them when they are.
    void writeWhenDue(QTimer* timer);

    mutable QMutex m_mutex;
    QByteArray m_pending;
    qint64 m_pendingSinceMs = 0;
    Options m_options;
    std::unique_ptr<RotatingLogFile> m_file;
    bool m_fileErrorReported = false;
    QElapsedTimer m_clock;
};

inline void logInfo(const QString& message, const LogFields& fields = {})
{
    JsonLogger::instance().write(LogLevel::Info, message, fields);
}
inline void logWarning(const QString& message, const LogFields& fields = {})
{
    JsonLogger::instance().write(LogLevel::Warn, message, fields);
}
inline void logError(const QString& message, const LogFields& fields = {})
{
    JsonLogger::instance().write(LogLevel::Error, message, fields);
}
inline void logDebug(const QString& message, const LogFields& fields = {})
{
    JsonLogger::instance().write(LogLevel::Debug, message, fields);
}

} // namespace llamagate
