#include "TestJson.h"

#include "gateway/openai/NdjsonLineBuffer.h"

#include <QtTest>

using namespace llamagate;

/// NDJSON bodies arriving in arbitrary chunks → complete lines; the per-line cap; line parsing.
class NdjsonLineBufferTest : public QObject
{
    Q_OBJECT

private slots:
    void lines_data();
    void lines();
    void fixtureByteByByte_data();
    void fixtureByteByByte();
    void lineTooLong_data();
    void lineTooLong();
    void parse_data();
    void parse();
};

void NdjsonLineBufferTest::lines_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QByteArrayList>("fed");      // lines returned by feed(), in order
    QTest::addColumn<QByteArrayList>("finished"); // lines returned by finish()

    QTest::newRow("one chunk, two lines")
        << QByteArrayList{"{\"a\":1}\n{\"b\":2}\n"} << QByteArrayList{"{\"a\":1}", "{\"b\":2}"} << QByteArrayList{};
    QTest::newRow("line split across chunks") << QByteArrayList{"{\"a\"", ":1", "}\n{\"b", "\":2}\n"}
                                              << QByteArrayList{"{\"a\":1}", "{\"b\":2}"} << QByteArrayList{};
    QTest::newRow("CRLF endings, CR split from LF") << QByteArrayList{"{\"a\":1}\r", "\n{\"b\":2}\r\n"}
                                                    << QByteArrayList{"{\"a\":1}", "{\"b\":2}"} << QByteArrayList{};
    QTest::newRow("blank lines skipped") << QByteArrayList{"\n\r\n{\"a\":1}\n \n\n"} << QByteArrayList{"{\"a\":1}"}
                                         << QByteArrayList{};
    QTest::newRow("last line without newline comes on finish")
        << QByteArrayList{"{\"a\":1}\n{\"b\"", ":2}"} << QByteArrayList{"{\"a\":1}"} << QByteArrayList{"{\"b\":2}"};
    QTest::newRow("empty chunks") << QByteArrayList{"", "{\"a\":1}", "", "\n", ""} << QByteArrayList{"{\"a\":1}"}
                                  << QByteArrayList{};
    QTest::newRow("nothing at all") << QByteArrayList{} << QByteArrayList{} << QByteArrayList{};
}

void NdjsonLineBufferTest::lines()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QByteArrayList, fed);
    QFETCH(QByteArrayList, finished);
    NdjsonLineBuffer buffer;
    QByteArrayList actual;
    for (const QByteArray& chunk : std::as_const(chunks)) {
        const Result<QList<QByteArray>> lines = buffer.feed(chunk);
        QVERIFY(lines.ok());
        actual += lines.value();
    }
    QCOMPARE(actual, fed);
    const Result<QList<QByteArray>> rest = buffer.finish();
    QVERIFY(rest.ok());
    QCOMPARE(rest.value(), finished);
}

void NdjsonLineBufferTest::fixtureByteByByte_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("lineCount");
    QTest::newRow("chat stream") << "fixtures:native/chat-stream.ndjson" << 2;
    QTest::newRow("tool call stream") << "fixtures:native/chat-tool-call-stream.ndjson" << 2;
    QTest::newRow("mid-stream error") << "fixtures:native/error-midstream-generate.ndjson" << 5;
}

void NdjsonLineBufferTest::fixtureByteByByte()
{
    QFETCH(QString, fixture);
    QFETCH(int, lineCount);
    QString error;
    const QByteArray bytes = testjson::readFile(fixture, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    NdjsonLineBuffer buffer;
    QByteArrayList lines;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const Result<QList<QByteArray>> fed = buffer.feed(bytes.mid(i, 1));
        QVERIFY(fed.ok());
        lines += fed.value();
    }
    const Result<QList<QByteArray>> rest = buffer.finish();
    QVERIFY(rest.ok());
    lines += rest.value();

    QCOMPARE(lines.size(), lineCount);
    QCOMPARE(lines, bytes.trimmed().split('\n'));
    for (const QByteArray& line : std::as_const(lines))
        QVERIFY(NdjsonLineBuffer::parse(line).ok());
}

void NdjsonLineBufferTest::lineTooLong_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<int>("failingChunk"); // -1: only finish() sees it; -2: never fails

    QTest::newRow("exactly the cap is fine") << QByteArrayList{"12345678\n"} << -2;
    QTest::newRow("exactly the cap with CRLF is fine") << QByteArrayList{"12345678\r", "\n"} << -2;
    QTest::newRow("over the cap in one chunk") << QByteArrayList{"123456789\n"} << 0;
    QTest::newRow("over the cap across chunks, before its newline") << QByteArrayList{"ok\n1234", "56789", "\n"} << 1;
    QTest::newRow("a long line after a good one in the same chunk") << QByteArrayList{"ok\n123456789012\n"} << 0;
}

void NdjsonLineBufferTest::lineTooLong()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(int, failingChunk);
    NdjsonLineBuffer buffer(8);
    for (int i = 0; i < chunks.size(); ++i) {
        const Result<QList<QByteArray>> lines = buffer.feed(chunks.at(i));
        QCOMPARE(lines.ok(), i < failingChunk || failingChunk < 0);
        if (!lines.ok()) {
            QCOMPARE(lines.error().status, 502);
            QCOMPARE(lines.error().code, QStringLiteral("upstream_line_too_long"));
            QVERIFY2(lines.error().message.contains(u"8 bytes"), qPrintable(lines.error().message));
            // The buffer stays failed.
            QVERIFY(!buffer.feed("{}\n").ok());
            QVERIFY(!buffer.finish().ok());
            return;
        }
    }
    QCOMPARE(failingChunk, -2);
    QVERIFY(buffer.finish().ok());
}

void NdjsonLineBufferTest::parse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("ok");
    QTest::newRow("object") << QByteArray(R"({"done":true})") << true;
    QTest::newRow("error object") << QByteArray(R"({"error":"boom"})") << true;
    QTest::newRow("array") << QByteArray("[1]") << false;
    QTest::newRow("truncated") << QByteArray(R"({"done":)") << false;
    QTest::newRow("text") << QByteArray("Internal Server Error") << false;
}

void NdjsonLineBufferTest::parse()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, ok);
    const Result<QJsonObject> object = NdjsonLineBuffer::parse(line);
    QCOMPARE(object.ok(), ok);
    if (!ok) {
        QCOMPARE(object.error().status, 502);
        QCOMPARE(object.error().type, QStringLiteral("api_error"));
        QVERIFY(object.error().message.contains(u"not a JSON object"));
    }
}

QTEST_GUILESS_MAIN(NdjsonLineBufferTest)
#include "tst_ndjson_line_buffer.moc"
