#include "gateway/log/JsonLogger.h"

#include "gateway/json/CompactJson.h"

#include <QAbstractEventDispatcher>
#include <QDateTime>
#include <QMutexLocker>
#include <QTimer>

#include <cstdio>

namespace llamagate {

namespace {

constexpr qsizetype kMaxPendingBytes = 32 * 1024;
constexpr qint64 kMaxPendingMs = 25;

thread_local bool t_batchedThread = false;

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

/// Appends the time as ISO 8601 with milliseconds and a Z (what Qt::ISODateWithMs writes for UTC), without QString;
/// the date and time of day are formatted once per second.
void appendUtcTime(QByteArray& out, qint64 msecsSinceEpoch)
{
    thread_local qint64 cachedSecond = -1;
    thread_local char cachedText[20] = {}; // "yyyy-MM-ddThh:mm:ss"
    const qint64 second = msecsSinceEpoch / 1000;
    if (second != cachedSecond) {
        const QDateTime time = QDateTime::fromSecsSinceEpoch(second, Qt::UTC);
        const QDate date = time.date();
        const QTime clock = time.time();
        std::snprintf(cachedText,
                      sizeof cachedText,
                      "%04d-%02d-%02dT%02d:%02d:%02d",
                      date.year(),
                      date.month(),
                      date.day(),
                      clock.hour(),
                      clock.minute(),
                      clock.second());
        cachedSecond = second;
    }
    const int millis = int(msecsSinceEpoch % 1000);
    const char fraction[] = {'.', char('0' + millis / 100), char('0' + millis / 10 % 10), char('0' + millis % 10), 'Z'};
    out.append(cachedText, 19);
    out.append(fraction, sizeof fraction);
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
    writePending(); // to where the lines were meant to go
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

QByteArray
JsonLogger::formatLine(LogLevel level, const QString& message, const LogFields& fields, std::span<const LogField> more)
{
    QByteArray line;
    line.reserve(384);
    appendLine(line, level, message, fields, more);
    return line;
}

void JsonLogger::appendLine(
    QByteArray& out, LogLevel level, const QString& message, const LogFields& fields, std::span<const LogField> more)
{
    // Written by hand: this runs for every request, and a QJsonDocument per line (plus one per string) was a
    // noticeable part of the gateway's CPU time per request.
    out += "{\"time\":\"";
    appendUtcTime(out, QDateTime::currentMSecsSinceEpoch());
    out += '"';
    out += ",\"level\":";
    CompactJson::appendString(out, levelName(level));
    out += ",\"msg\":";
    CompactJson::appendString(out, message);
    fields.appendJsonMembers(out, more, {u"time", u"level", u"msg"});
    out += "}\n";
}

JsonLogger::~JsonLogger()
{
    flush();
}

void JsonLogger::batchWritesOfThisThread()
{
    QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance();
    if (t_batchedThread || !dispatcher)
        return;
    t_batchedThread = true;
    auto* timer = new QTimer(dispatcher);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, dispatcher, [] { instance().flush(); });
    QObject::connect(
        dispatcher, &QAbstractEventDispatcher::aboutToBlock, timer, [timer] { instance().writeWhenDue(timer); });
}

void JsonLogger::writeWhenDue(QTimer* timer)
{
    QMutexLocker lock(&m_mutex);
    if (m_pending.isEmpty())
        return;
    const qint64 age = m_clock.elapsed() - m_pendingSinceMs;
    if (age >= kMaxPendingMs)
        writePending();
    else if (!timer->isActive())
        timer->start(int(kMaxPendingMs - age));
}

void JsonLogger::flush()
{
    QMutexLocker lock(&m_mutex);
    writePending();
}

void JsonLogger::write(LogLevel level, const QString& message, const LogFields& fields, std::span<const LogField> more)
{
    QMutexLocker lock(&m_mutex);
    if (level == LogLevel::Debug && !m_options.debug)
        return;
    if (m_pending.isEmpty())
        m_pendingSinceMs = m_clock.elapsed();
    appendLine(m_pending, level, message, fields, more);
    const bool urgent = level >= LogLevel::Warn || !t_batchedThread;
    if (urgent || m_pending.size() >= kMaxPendingBytes || m_clock.elapsed() - m_pendingSinceMs >= kMaxPendingMs)
        writePending();
}

void JsonLogger::writePending()
{
    if (m_pending.isEmpty())
        return;
    // The lines go out from m_pending itself, which keeps its buffer for the next ones.
    std::fwrite(m_pending.constData(), 1, size_t(m_pending.size()), stdout);
    std::fflush(stdout);
    const bool written = !m_file || m_file->append(m_pending);
    m_pending.truncate(0);
    if (!written && !m_fileErrorReported) {
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
