#include "gateway/log/JsonLogger.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <cstdio>

namespace llamagate {

namespace {

QString levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return QStringLiteral("debug");
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warn:
        return QStringLiteral("warn");
    case LogLevel::Error:
        return QStringLiteral("error");
    }
    return {};
}

QByteArray quoted(const QString& text)
{
    // A one-element array is the simplest way to get QJsonDocument's string escaping.
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

void qtMessageHandler(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    LogLevel level = LogLevel::Warn;
    if (type == QtDebugMsg)
        level = LogLevel::Debug;
    else if (type == QtInfoMsg)
        level = LogLevel::Info;
    else if (type == QtCriticalMsg || type == QtFatalMsg)
        level = LogLevel::Error;
    JsonLogger::instance().write(level, message, {{QStringLiteral("source"), QStringLiteral("qt")}});
}

} // namespace

JsonLogger& JsonLogger::instance()
{
    static JsonLogger logger;
    return logger;
}

void JsonLogger::configure(const Options& options)
{
    QMutexLocker lock(&m_mutex);
    m_options = options;
    m_file.reset(options.filePath.isEmpty()
                     ? nullptr
                     : new RotatingLogFile(options.filePath, options.maxFileSize, options.maxFiles));
    m_fileErrorReported = false;
}

bool JsonLogger::debugEnabled() const
{
    QMutexLocker lock(&m_mutex);
    return m_options.debug;
}

QByteArray JsonLogger::formatLine(LogLevel level, const QString& message, const QJsonObject& fields)
{
    QByteArray line = "{\"time\":" + quoted(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)) +
                      ",\"level\":" + quoted(levelName(level)) + ",\"msg\":" + quoted(message);
    QJsonObject rest = fields;
    rest.remove(QStringLiteral("time"));
    rest.remove(QStringLiteral("level"));
    rest.remove(QStringLiteral("msg"));
    if (!rest.isEmpty()) {
        const QByteArray object = QJsonDocument(rest).toJson(QJsonDocument::Compact);
        line += ',' + object.mid(1, object.size() - 2);
    }
    line += "}\n";
    return line;
}

void JsonLogger::write(LogLevel level, const QString& message, const QJsonObject& fields)
{
    QMutexLocker lock(&m_mutex);
    if (level == LogLevel::Debug && !m_options.debug)
        return;
    const QByteArray line = formatLine(level, message, fields);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
    if (m_file && !m_file->append(line) && !m_fileErrorReported) {
        m_fileErrorReported = true;
        const QByteArray problem = formatLine(
            LogLevel::Error,
            QStringLiteral("cannot write the log file"),
            {{QStringLiteral("file"), m_options.filePath}, {QStringLiteral("error"), m_file->errorString()}});
        std::fwrite(problem.constData(), 1, size_t(problem.size()), stdout);
        std::fflush(stdout);
    }
}

void JsonLogger::installQtMessageHandler()
{
    qInstallMessageHandler(qtMessageHandler);
}

} // namespace llamagate
