#pragma once

#include "gateway/log/RotatingLogFile.h"

#include <QJsonObject>
#include <QMutex>
#include <QString>

#include <memory>

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
    void write(LogLevel level, const QString& message, const QJsonObject& fields = {});
    bool debugEnabled() const;

    /// Routes qDebug/qWarning/… through this logger so stdout stays one JSON object per line.
    static void installQtMessageHandler();

    /// The JSON line for a message (exposed for tests).
    static QByteArray formatLine(LogLevel level, const QString& message, const QJsonObject& fields);

private:
    JsonLogger() = default;

    mutable QMutex m_mutex;
    Options m_options;
    std::unique_ptr<RotatingLogFile> m_file;
    bool m_fileErrorReported = false;
};

inline void logInfo(const QString& message, const QJsonObject& fields = {})
{
    JsonLogger::instance().write(LogLevel::Info, message, fields);
}
inline void logWarning(const QString& message, const QJsonObject& fields = {})
{
    JsonLogger::instance().write(LogLevel::Warn, message, fields);
}
inline void logError(const QString& message, const QJsonObject& fields = {})
{
    JsonLogger::instance().write(LogLevel::Error, message, fields);
}
inline void logDebug(const QString& message, const QJsonObject& fields = {})
{
    JsonLogger::instance().write(LogLevel::Debug, message, fields);
}

} // namespace llamagate
