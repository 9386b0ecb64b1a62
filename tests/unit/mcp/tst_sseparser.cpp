#include "mcp/transport/SseParser.h"

#include <QTest>

using namespace mcp;

Q_DECLARE_METATYPE(SseEvent)

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
};

void TestSseParser::parses_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QList<SseEvent>>("expected");
    QTest::addColumn<QString>("lastEventId");
    QTest::addColumn<int>("retry"); // -1: none

    const auto event = [](const QString& type, const QString& data, const QString& id = {}) {
        return SseEvent{type, data, id};
    };
    const QString message = QStringLiteral("message");

    QTest::newRow("LF") << QList<QByteArray>{"data: hello\n\n"} << QList<SseEvent>{event(message, "hello")} << QString()
                        << -1;
    QTest::newRow("CRLF") << QList<QByteArray>{"data: hello\r\n\r\n"} << QList<SseEvent>{event(message, "hello")}
                          << QString() << -1;
    QTest::newRow("CR") << QList<QByteArray>{"data: hello\r\r"} << QList<SseEvent>{event(message, "hello")} << QString()
                        << -1;
    QTest::newRow("CRLF split between chunks")
        << QList<QByteArray>{"data: a\r", "\n\r", "\ndata: b\r\n\r\n"}
        << QList<SseEvent>{event(message, "a"), event(message, "b")} << QString() << -1;
    QTest::newRow("byte by byte")
        << QList<QByteArray>{"e", "v", "e", "n", "t", ":", " ", "x", "\n", "d", "a", "t", "a", ":", "1", "\n", "\n"}
        << QList<SseEvent>{event("x", "1")} << QString() << -1;
    QTest::newRow("multi-line data") << QList<QByteArray>{"data: line one\ndata: line two\n\n"}
                                     << QList<SseEvent>{event(message, "line one\nline two")} << QString() << -1;
    QTest::newRow("no space after colon")
        << QList<QByteArray>{"data:{\"a\":1}\n\n"} << QList<SseEvent>{event(message, "{\"a\":1}")} << QString() << -1;
    QTest::newRow("only the first space is dropped")
        << QList<QByteArray>{"data:  two\n\n"} << QList<SseEvent>{event(message, " two")} << QString() << -1;
    QTest::newRow("event, id and retry")
        << QList<QByteArray>{"event: endpoint\nid: 7\nretry: 500\ndata: /message?sessionId=1\n\n"}
        << QList<SseEvent>{event("endpoint", "/message?sessionId=1", "7")} << QStringLiteral("7") << 500;
    QTest::newRow("comments and unknown fields are ignored") << QList<QByteArray>{": keep-alive\nfoo: bar\ndata: x\n\n"}
                                                             << QList<SseEvent>{event(message, "x")} << QString() << -1;
    QTest::newRow("priming event: id and retry with empty data")
        << QList<QByteArray>{"id: event-1\nretry: 500\ndata: \n\n"} << QList<SseEvent>{event(message, "", "event-1")}
        << QStringLiteral("event-1") << 500;
    QTest::newRow("id without data updates the last id only")
        << QList<QByteArray>{"id: 42\n\n"} << QList<SseEvent>{} << QStringLiteral("42") << -1;
    QTest::newRow("id persists to later events")
        << QList<QByteArray>{"id: 1\ndata: a\n\ndata: b\n\n"}
        << QList<SseEvent>{event(message, "a", "1"), event(message, "b", "1")} << QStringLiteral("1") << -1;
    QTest::newRow("invalid retry is ignored")
        << QList<QByteArray>{"retry: soon\ndata: x\n\n"} << QList<SseEvent>{event(message, "x")} << QString() << -1;
    QTest::newRow("incomplete event is not dispatched")
        << QList<QByteArray>{"data: partial\n"} << QList<SseEvent>{} << QString() << -1;
    QTest::newRow("event type resets after dispatch")
        << QList<QByteArray>{"event: a\ndata: 1\n\ndata: 2\n\n"}
        << QList<SseEvent>{event("a", "1"), event(message, "2")} << QString() << -1;
    QTest::newRow("UTF-8 BOM at stream start") << QList<QByteArray>{"\xEF\xBB\xBF"
                                                                    "data: x\n\n"}
                                               << QList<SseEvent>{event(message, "x")} << QString() << -1;
    QTest::newRow("UTF-8 payload split mid-character")
        << QList<QByteArray>{"data: h\xC3", "\xA9llo\n\n"} << QList<SseEvent>{event(message, QStringLiteral("héllo"))}
        << QString() << -1;
}

void TestSseParser::parses()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QList<SseEvent>, expected);
    QFETCH(QString, lastEventId);
    QFETCH(int, retry);

    SseParser parser;
    QList<SseEvent> events;
    for (const QByteArray& chunk : chunks)
        events += parser.feed(chunk);
    QCOMPARE(events.size(), expected.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events.at(i).type, expected.at(i).type);
        QCOMPARE(events.at(i).data, expected.at(i).data);
        QCOMPARE(events.at(i).id, expected.at(i).id);
    }
    QCOMPARE(parser.lastEventId(), lastEventId);
    QCOMPARE(parser.retryMs().value_or(-1), retry);
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
