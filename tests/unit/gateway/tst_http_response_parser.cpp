#include "gateway/ollama/HttpResponseParser.h"

#include <QTest>

using namespace llamagate;
using Event = HttpResponseParser::Event;

/// The upstream client's response parser, fed whole and in every split.
class TestHttpResponseParser : public QObject
{
    Q_OBJECT
private slots:
    void responses_data();
    void responses();
    void closeDelimitedBody();
    void cutOffBodyIsAnError();
    void headRequestHasNoBody();
    void bytesAfterTheResponseSpoilReuse();
};

namespace {

struct Outcome
{
    Event last = Event::NeedMore;
    int heads = 0;
    QByteArray body;
};

/// Feeds `bytes` in pieces of `step`, going on after Head as a caller does.
Outcome run(HttpResponseParser& parser, const QByteArray& bytes, qsizetype step)
{
    Outcome outcome;
    for (qsizetype offset = 0; offset < bytes.size(); offset += step) {
        Event event =
            parser.feed(QByteArrayView(bytes).sliced(offset, qMin(step, bytes.size() - offset)), outcome.body);
        while (event == Event::Head) {
            ++outcome.heads;
            event = parser.feed({}, outcome.body);
        }
        outcome.last = event;
        if (event == Event::Complete || event == Event::Error)
            break;
    }
    return outcome;
}

} // namespace

void TestHttpResponseParser::responses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("event");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");

    QTest::newRow("content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}")
        << int(Event::Complete) << 200 << QByteArray("{\"a\":1}") << true;
    QTest::newRow("chunked ndjson")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "6\r\n{\"a\":1\r\n3;ext=1\r\n}\n\n\r\n0\r\n\r\n")
        << int(Event::Complete) << 200 << QByteArray("{\"a\":1}\n\n") << true;
    QTest::newRow("chunked with trailer")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\nX-T: 1\r\n\r\n")
        << int(Event::Complete) << 200 << QByteArray("hi") << true;
    QTest::newRow("error status with body")
        << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 11\r\n\r\n{\"error\":1}") << int(Event::Complete)
        << 404 << QByteArray("{\"error\":1}") << true;
    QTest::newRow("connection close") << QByteArray(
                                             "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")
                                      << int(Event::Complete) << 200 << QByteArray("ok") << false;
    QTest::newRow("names and values in any case")
        << QByteArray("HTTP/1.1 200 OK\r\nTRANSFER-ENCODING: Chunked\r\nCONNECTION: Close\r\n\r\n2\r\nhi\r\n0\r\n\r\n")
        << int(Event::Complete) << 200 << QByteArray("hi") << false;
    QTest::newRow("http/1.0 keep-alive")
        << QByteArray("HTTP/1.0 200 OK\r\nconnection:Keep-Alive\r\ncontent-length: 2\r\n\r\nok") << int(Event::Complete)
        << 200 << QByteArray("ok") << true;
    QTest::newRow("http/1.0") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok") << int(Event::Complete)
                              << 200 << QByteArray("ok") << false;
    QTest::newRow("interim 100 skipped")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")
        << int(Event::Complete) << 201 << QByteArray() << true;
    QTest::newRow("204 has no body") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << int(Event::Complete) << 204
                                     << QByteArray() << true;
    QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << int(Event::Error) << 0 << QByteArray()
                              << false;
    QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << int(Event::Error) << 200 << QByteArray() << false;
    QTest::newRow("bad content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n")
                                        << int(Event::Error) << 200 << QByteArray() << false;
}

void TestHttpResponseParser::responses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, event);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);
    for (qsizetype step : {qsizetype(1), qsizetype(2), qsizetype(5), bytes.size()}) {
        HttpResponseParser parser;
        const Outcome outcome = run(parser, bytes, step);
        QCOMPARE(int(outcome.last), event);
        if (event == int(Event::Complete)) {
            QCOMPARE(outcome.heads, 1);
            QCOMPARE(parser.status(), status);
            QCOMPARE(outcome.body, body);
            QCOMPARE(parser.keepAlive(), keepAlive);
        } else {
            QVERIFY(!parser.error().isEmpty());
            QVERIFY(!parser.keepAlive());
        }
    }
}

void TestHttpResponseParser::closeDelimitedBody()
{
    HttpResponseParser parser;
    const Outcome outcome = run(parser, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end", 3);
    QCOMPARE(outcome.last, Event::NeedMore);
    QCOMPARE(outcome.body, QByteArray("until the end"));
    QCOMPARE(parser.finishOnClose(), Event::Complete);
    QVERIFY(!parser.keepAlive());
    QCOMPARE(parser.contentType(), QByteArray("text/plain"));
}

void TestHttpResponseParser::cutOffBodyIsAnError()
{
    HttpResponseParser chunked;
    run(chunked, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", 4);
    QCOMPARE(chunked.finishOnClose(), Event::Error);
    QCOMPARE(chunked.error(), QStringLiteral("connection closed mid-response"));

    HttpResponseParser fixed;
    run(fixed, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf", 4);
    QCOMPARE(fixed.finishOnClose(), Event::Error);

    HttpResponseParser nothing;
    QCOMPARE(nothing.finishOnClose(), Event::Error);
    QCOMPARE(nothing.error(), QStringLiteral("connection closed before a response"));
}

void TestHttpResponseParser::headRequestHasNoBody()
{
    HttpResponseParser parser;
    parser.setHeadRequest(true);
    const Outcome outcome = run(parser, "HTTP/1.1 200 OK\r\nContent-Length: 120\r\n\r\n", 7);
    QCOMPARE(outcome.last, Event::Complete);
    QVERIFY(parser.keepAlive());
}

void TestHttpResponseParser::bytesAfterTheResponseSpoilReuse()
{
    HttpResponseParser parser;
    const Outcome outcome = run(parser, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA", 64);
    QCOMPARE(outcome.last, Event::Complete);
    QCOMPARE(outcome.body, QByteArray("ok"));
    QVERIFY(!parser.keepAlive());
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_http_response_parser.moc"
