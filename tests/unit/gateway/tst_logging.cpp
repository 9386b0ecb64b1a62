#include "gateway/log/JsonLogger.h"
#include "gateway/log/RequestLogEntry.h"
#include "gateway/log/RotatingLogFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace llamagate;

/// The JSON line format and the size-rotated log file.
class TestLogging : public QObject
{
    Q_OBJECT
private slots:
    void lineIsOneJsonObjectWithFixedFirstKeys();
    void hostileTextStaysOnOneLine();
    void fieldsAreWrittenAsQJsonDocumentWouldWriteThem();
    void namedFieldsAreWrittenAsIfInserted();
    void borrowedFieldsAreWrittenAsIfInserted();
    void rotatesBySizeAndKeepsMaxFiles();
    void loggerWritesToFileAndHonoursDebug();
    void batchedThreadWritesWhenItsLoopWaits();
};

void TestLogging::lineIsOneJsonObjectWithFixedFirstKeys()
{
    const QByteArray line =
        JsonLogger::formatLine(LogLevel::Warn,
                               QStringLiteral("request"),
                               {{QStringLiteral("status"), 404}, {QStringLiteral("msg"), QStringLiteral("ignored")}});
    QVERIFY(line.startsWith("{\"time\":\""));
    QVERIFY(line.endsWith("}\n"));
    QVERIFY(line.indexOf("\"level\":\"warn\"") < line.indexOf("\"msg\""));
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    QCOMPARE(object.value(QStringLiteral("msg")).toString(), QStringLiteral("request"));
    QCOMPARE(object.value(QStringLiteral("status")).toInt(), 404);
    const QString time = object.value(QStringLiteral("time")).toString();
    const QDateTime parsed = QDateTime::fromString(time, Qt::ISODateWithMs);
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed.toUTC().toString(Qt::ISODateWithMs), time); // UTC, milliseconds, as Qt writes it
    QVERIFY(qAbs(parsed.msecsTo(QDateTime::currentDateTimeUtc())) < 60'000);
}

void TestLogging::hostileTextStaysOnOneLine()
{
    const QString nasty = QStringLiteral("a\"b\\c\nd\te\u0001");
    const QByteArray line = JsonLogger::formatLine(LogLevel::Info, nasty, {{QStringLiteral("path"), nasty}});
    QCOMPARE(line.count('\n'), 1);
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    QCOMPARE(object.value(QStringLiteral("msg")).toString(), nasty);
    QCOMPARE(object.value(QStringLiteral("path")).toString(), nasty);
}

namespace {

/// The members of a compact JSON object's text, without its braces.
QByteArray membersOf(const QJsonObject& object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

/// What a log line has after its time, level and message.
QByteArray fieldsOfLine(const QByteArray& line)
{
    const qsizetype afterMessage = line.indexOf(",\"msg\":\"request\"") + int(sizeof(",\"msg\":\"request\"")) - 1;
    return line.mid(afterMessage + 1, line.size() - afterMessage - 3);
}

} // namespace

void TestLogging::fieldsAreWrittenAsQJsonDocumentWouldWriteThem()
{
    // The line is written by hand (it is on every request's path): after the three fixed keys, the fields must read
    // exactly as QJsonDocument writes them — order of keys, numbers, text, nested values — whether a field was set
    // as text, number, flag or JSON value.
    LogFields fields;
    fields.insert(QStringLiteral("status"), 200);
    fields.insert(QStringLiteral("latency_ms"), qint64(1234567890123));
    fields.insert(QStringLiteral("ratio"), QJsonValue(0.25));
    fields.insert(QStringLiteral("negative"), -3);
    fields.insert(QStringLiteral("zero"), qsizetype(0));
    fields.insert(QStringLiteral("stream"), false);
    fields.insert(QStringLiteral("client_closed"), true);
    fields.insert(QStringLiteral("none"), QJsonValue(QJsonValue::Null));
    fields.insert(QStringLiteral("model"), QStringLiteral("llama3.2:latest"));
    fields.insert(QStringLiteral("text"), QStringLiteral("Grüße \"quoted\" \\ tab\t line\n \u0001 日本"));
    fields.insert(QStringLiteral("nested"),
                  QJsonValue(QJsonObject{{QStringLiteral("a"), QJsonArray{1, QStringLiteral("b"), true}}}));
    fields.insert(QStringLiteral("model"), QStringLiteral("replaced")); // a second insert replaces the first
    const QJsonObject expected{
        {QStringLiteral("status"), 200},
        {QStringLiteral("latency_ms"), qint64(1234567890123)},
        {QStringLiteral("ratio"), 0.25},
        {QStringLiteral("negative"), -3},
        {QStringLiteral("zero"), 0},
        {QStringLiteral("stream"), false},
        {QStringLiteral("client_closed"), true},
        {QStringLiteral("none"), QJsonValue::Null},
        {QStringLiteral("model"), QStringLiteral("replaced")},
        {QStringLiteral("text"), QStringLiteral("Grüße \"quoted\" \\ tab\t line\n \u0001 日本")},
        {QStringLiteral("nested"), QJsonObject{{QStringLiteral("a"), QJsonArray{1, QStringLiteral("b"), true}}}},
    };
    QCOMPARE(fields.size(), expected.size());
    QCOMPARE(fields.toJsonObject(), expected);
    const QByteArray line = JsonLogger::formatLine(LogLevel::Info, QStringLiteral("request"), fields);
    QCOMPARE(fieldsOfLine(line), membersOf(expected));
    QCOMPARE(fields.text(u"model"), QStringLiteral("replaced"));
    QCOMPARE(fields.value(u"status").toInteger(), 200);
    LogFields numbers = fields;
    numbers.insert(QStringLiteral("whole"), QJsonValue(42.0));
    numbers.insert(QStringLiteral("digits"), QStringLiteral("12"));
    for (const QString& name : numbers.toJsonObject().keys() + QStringList{QStringLiteral("absent")})
        QCOMPARE(numbers.integer(name), numbers.value(name).toInteger()); // numbers, text, flags, JSON values
    QCOMPARE(numbers.integer(u"whole"), 42);
    QVERIFY(fields.value(u"absent").isUndefined());
}

namespace {

/// A finished request's entry with its own fields set.
RequestLogEntry requestEntry(
    const QString& id, const QString& method, const QString& path, int status, qint64 latencyMs, const QString& ip)
{
    RequestLogEntry entry;
    entry.requestId = id;
    entry.method = method;
    entry.path = path;
    entry.status = status;
    entry.latencyMs = latencyMs;
    entry.ip = ip;
    return entry;
}

} // namespace

void TestLogging::namedFieldsAreWrittenAsIfInserted()
{
    // A request's line: its own fields go among the extra ones, in key order, and replace an extra field of the
    // same name — the same line as from the merged object.
    RequestLogEntry entry = requestEntry(QStringLiteral("req-1"),
                                         QStringLiteral("POST"),
                                         QStringLiteral("/v1/chat/completions"),
                                         200,
                                         12,
                                         QStringLiteral("127.0.0.1"));
    entry.extra = {{QStringLiteral("a_first"), 1},
                   {QStringLiteral("model"), QStringLiteral("m")},
                   {QStringLiteral("path"), QStringLiteral("replaced")},
                   {QStringLiteral("zz_last"), true}};
    QJsonObject merged = entry.extra.toJsonObject();
    merged.insert(QStringLiteral("ip"), entry.ip);
    merged.insert(QStringLiteral("latency_ms"), entry.latencyMs);
    merged.insert(QStringLiteral("method"), entry.method);
    merged.insert(QStringLiteral("path"), entry.path);
    merged.insert(QStringLiteral("request_id"), entry.requestId);
    merged.insert(QStringLiteral("status"), entry.status);
    const QByteArray line = JsonLogger::formatLine(LogLevel::Info, QStringLiteral("request"), entry.lineFields());
    QCOMPARE(fieldsOfLine(line), membersOf(merged));
    QVERIFY(line.contains(R"("ip":"127.0.0.1","latency_ms":12,"method":"POST","model":"m","path":"/v1/chat/)"));
}

void TestLogging::borrowedFieldsAreWrittenAsIfInserted()
{
    // A request's own fields are written among the extra ones without inserting them (a copy of the fields per
    // request): the line must be the one of the fields with them inserted — before, between, after and over extra
    // fields of the same name, with the fixed keys left out and text that needs escaping.
    RequestLogEntry entry = requestEntry(QStringLiteral("req-2"),
                                         QStringLiteral("GET"),
                                         QStringLiteral("/v1/mödels/\"x\""),
                                         404,
                                         7,
                                         QStringLiteral("::1"));
    const QList<LogFields> extras{
        {},
        {{QStringLiteral("a_first"), 1}, {QStringLiteral("zz_last"), QStringLiteral("z")}},
        {{QStringLiteral("ip"), QStringLiteral("replaced")},
         {QStringLiteral("j"), false},
         {QStringLiteral("msg"), QStringLiteral("ignored")},
         {QStringLiteral("path"), QStringLiteral("replaced")},
         {QStringLiteral("request_id"), QJsonValue(QJsonObject{{QStringLiteral("n"), 1}})},
         {QStringLiteral("status"), 1},
         {QStringLiteral("statuses"), 2},
         {QStringLiteral("time"), QStringLiteral("ignored")}},
    };
    for (const LogFields& extra : extras) {
        entry.extra = extra;
        QCOMPARE(
            fieldsOfLine(JsonLogger::formatLine(LogLevel::Info, QStringLiteral("request"), extra, entry.ownFields())),
            fieldsOfLine(JsonLogger::formatLine(LogLevel::Info, QStringLiteral("request"), entry.lineFields())));
    }
    const QByteArray line =
        JsonLogger::formatLine(LogLevel::Info, QStringLiteral("request"), extras.last(), entry.ownFields());
    QVERIFY(line.contains(
        R"("ip":"::1","j":false,"latency_ms":7,"method":"GET","path":"/v1/mödels/\"x\"","request_id":"req-2","status":404,"statuses":2})"));
}

void TestLogging::rotatesBySizeAndKeepsMaxFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gateway.log"));
    RotatingLogFile file(path, 100, 2);
    const QByteArray line(40, 'x');
    for (int index = 0; index < 10; ++index)
        QVERIFY(file.append(line + QByteArray::number(index % 10) + '\n'));
    // 42-byte lines, 100-byte files: two lines per file; the 10th line is in the live file.
    QVERIFY(QFile::exists(path));
    QVERIFY(QFile::exists(path + QStringLiteral(".1")));
    QVERIFY(QFile::exists(path + QStringLiteral(".2")));
    QVERIFY(!QFile::exists(path + QStringLiteral(".3")));
    for (const QString& name : {path, path + QStringLiteral(".1"), path + QStringLiteral(".2")})
        QVERIFY(QFileInfo(name).size() <= 100);
    QFile live(path);
    QVERIFY(live.open(QIODevice::ReadOnly));
    QVERIFY(live.readAll().endsWith("x9\n"));
}

void TestLogging::loggerWritesToFileAndHonoursDebug()
{
    QTemporaryDir dir;
    JsonLogger::Options options;
    options.filePath = dir.filePath(QStringLiteral("lg.log"));
    JsonLogger::instance().configure(options);
    logDebug(QStringLiteral("hidden"));
    logInfo(QStringLiteral("shown"));
    options.debug = true;
    JsonLogger::instance().configure(options);
    logDebug(QStringLiteral("debug now"));
    JsonLogger::instance().configure({});
    QFile file(options.filePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).contains("\"msg\":\"shown\""));
    QVERIFY(lines.at(1).contains("\"level\":\"debug\""));
}

void TestLogging::batchedThreadWritesWhenItsLoopWaits()
{
    QTemporaryDir dir;
    JsonLogger::Options options;
    options.filePath = dir.filePath(QStringLiteral("lg.log"));
    JsonLogger::instance().configure(options);
    const auto linesInFile = [&options] {
        QFile file(options.filePath);
        return file.open(QIODevice::ReadOnly) ? file.readAll().count('\n') : qsizetype(-1);
    };
    logInfo(QStringLiteral("from an ordinary thread")); // out at once
    QCOMPARE(linesInFile(), 1);

    QThread thread;
    QObject worker;
    worker.moveToThread(&thread);
    thread.start();
    qsizetype afterInfo = -1;
    qsizetype afterWarning = -1;
    qsizetype afterLastInfo = -1;
    QMetaObject::invokeMethod(
        &worker,
        [&] {
            JsonLogger::batchWritesOfThisThread();
            logInfo(QStringLiteral("a"));
            logInfo(QStringLiteral("b"));
            afterInfo = linesInFile();
            logWarning(QStringLiteral("w")); // a warning takes the collected lines out with it, in order
            afterWarning = linesInFile();
            logInfo(QStringLiteral("c"));
            afterLastInfo = linesInFile();
        },
        Qt::BlockingQueuedConnection);
    QCOMPARE(afterInfo, 1);
    QCOMPARE(afterWarning, 4);
    QCOMPARE(afterLastInfo, 4);
    QTRY_COMPARE(linesInFile(), 5); // written once the oldest collected line is 25 ms old
    thread.quit();
    thread.wait();
    JsonLogger::instance().configure({});
    QFile file(options.filePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> messages;
    for (const QByteArray& line : file.readAll().trimmed().split('\n'))
        messages.append(QJsonDocument::fromJson(line).object().value(QStringLiteral("msg")).toString().toUtf8());
    QCOMPARE(messages, (QList<QByteArray>{"from an ordinary thread", "a", "b", "w", "c"}));
}

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
