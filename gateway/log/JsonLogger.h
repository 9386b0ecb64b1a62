#pragma once

#include "gateway/log/RotatingLogFile.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMutex>
#include <QString>
#include <QStringView>

#include <memory>
#include <span>
#include <utility>

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
    /// Fields named in the code, in the order of their names (as a QJsonObject keeps its keys).
    using NamedFields = std::span<const std::pair<QStringView, QJsonValue>>;

    /// `named` are written among `fields` as if inserted into them (in key order; a named field replaces one of
    /// `fields` with the same key), without building a merged QJsonObject.
    void write(LogLevel level, const QString& message, const QJsonObject& fields = {}, NamedFields named = {});
    bool debugEnabled() const;

    /// Routes qDebug/qWarning/… through this logger so stdout stays one JSON object per line.
    static void installQtMessageHandler();

    /// The JSON line for a message (exposed for tests).
    static QByteArray
    formatLine(LogLevel level, const QString& message, const QJsonObject& fields, NamedFields named = {});

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
