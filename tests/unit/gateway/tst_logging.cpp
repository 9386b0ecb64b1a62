#include "gateway/log/JsonLogger.h"
#include "gateway/log/RequestLogEntry.h"
#include "gateway/log/RotatingLogFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

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
    void rotatesBySizeAndKeepsMaxFiles();
    void loggerWritesToFileAndHonoursDebug();
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

void TestLogging::fieldsAreWrittenAsQJsonDocumentWouldWriteThem()
{
    // The line is written by hand (it is on every request's path): after the three fixed keys, the fields must read
    // exactly as QJsonDocument writes them — order of keys, numbers, text, nested values.
    const QJsonObject fields{
        {QStringLiteral("status"), 200},
        {QStringLiteral("latency_ms"), qint64(1234567890123)},
        {QStringLiteral("ratio"), 0.25},
        {QStringLiteral("negative"), -3},
        {QStringLiteral("zero"), 0},
        {QStringLiteral("stream"), false},
        {QStringLiteral("client_closed"), true},
        {QStringLiteral("none"), QJsonValue::Null},
        {QStringLiteral("model"), QStringLiteral("llama3.2:latest")},
        {QStringLiteral("text"), QStringLiteral("Grüße \"quoted\" \\ tab\t line\n \u0001 日本")},
        {QStringLiteral("nested"), QJsonObject{{QStringLiteral("a"), QJsonArray{1, QStringLiteral("b"), true}}}},
    };
    const QByteArray line = JsonLogger::formatLine(LogLevel::Info, QStringLiteral("request"), fields);
    const QByteArray expected = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    const qsizetype rest = line.indexOf(",\"client_closed\"");
    QVERIFY(rest > 0);
    QCOMPARE(line.mid(rest + 1, line.size() - rest - 3), expected.mid(1, expected.size() - 2));
}

void TestLogging::namedFieldsAreWrittenAsIfInserted()
{
    // A request's line: its named fields go among the extra ones, in key order, and replace an extra field of the
    // same name — the same line as from the merged object.
    RequestLogEntry entry;
    entry.requestId = QStringLiteral("req-1");
    entry.method = QStringLiteral("POST");
    entry.path = QStringLiteral("/v1/chat/completions");
    entry.status = 200;
    entry.latencyMs = 12;
    entry.ip = QStringLiteral("127.0.0.1");
    entry.extra = QJsonObject{{QStringLiteral("a_first"), 1},
                              {QStringLiteral("model"), QStringLiteral("m")},
                              {QStringLiteral("path"), QStringLiteral("replaced")},
                              {QStringLiteral("zz_last"), true}};
    const QByteArray merged = JsonLogger::formatLine(LogLevel::Info, QStringLiteral("request"), entry.toJson());
    const QByteArray named =
        JsonLogger::formatLine(LogLevel::Info, QStringLiteral("request"), entry.extra, entry.namedFields());
    const qsizetype afterTime = merged.indexOf(",\"level\"");
    QCOMPARE(named.mid(afterTime), merged.mid(afterTime));
    QVERIFY(named.contains(R"("ip":"127.0.0.1","latency_ms":12,"method":"POST","model":"m","path":"/v1/chat/)"));
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

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
