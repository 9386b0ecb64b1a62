#include "gateway/log/JsonLogger.h"

#include "gateway/json/CompactJson.h"

#include <QDateTime>
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

/// Appends the time as ISO 8601 with milliseconds and a Z (what Qt::ISODateWithMs writes for UTC), without QString.
void appendUtcTime(QByteArray& out, const QDateTime& time)
{
    const QDate date = time.date();
    const QTime clock = time.time();
    char text[32];
    const int length = std::snprintf(text,
                                     sizeof text,
                                     "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                                     date.year(),
                                     date.month(),
                                     date.day(),
                                     clock.hour(),
                                     clock.minute(),
                                     clock.second(),
                                     clock.msec());
    out.append(text, length);
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

QByteArray JsonLogger::formatLine(LogLevel level, const QString& message, const QJsonObject& fields, NamedFields named)
{
    // Written by hand: this runs for every request, and a QJsonDocument per line (plus one per string) was a
    // noticeable part of the gateway's CPU time per request.
    QByteArray line;
    line.reserve(384);
    line += "{\"time\":\"";
    appendUtcTime(line, QDateTime::currentDateTimeUtc());
    line += '"';
    line += ",\"level\":";
    CompactJson::appendString(line, levelName(level));
    line += ",\"msg\":";
    CompactJson::appendString(line, message);
    const auto append = [&line](QStringView key, const QJsonValue& value) {
        if (key == u"time" || key == u"level" || key == u"msg")
            return;
        line += ',';
        CompactJson::appendString(line, key);
        line += ':';
        CompactJson::appendValue(line, value);
    };
    auto field = fields.begin();
    auto namedField = named.begin();
    while (field != fields.end() || namedField != named.end()) {
        const int order = field == fields.end()       ? 1
                          : namedField == named.end() ? -1
                                                      : QStringView(field.key()).compare(namedField->first);
        if (order < 0) {
            append(field.key(), field.value());
            ++field;
            continue;
        }
        append(namedField->first, namedField->second);
        ++namedField;
        if (order == 0)
            ++field;
    }
    line += "}\n";
    return line;
}

void JsonLogger::write(LogLevel level, const QString& message, const QJsonObject& fields, NamedFields named)
{
    QMutexLocker lock(&m_mutex);
    if (level == LogLevel::Debug && !m_options.debug)
        return;
    const QByteArray line = formatLine(level, message, fields, named);
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
