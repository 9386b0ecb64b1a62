#include "gateway/http/HttpResponder.h"
#include "gateway/http/HttpServer.h"
#include "gateway/http/RequestIds.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace llamagate;

/// The QtHttpServer adapter over real sockets: limits, deadlines, 100-continue, HEAD, streaming, late writes.
class TestHttpServer : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void answersAndKeepsTheConnectionAlive();
    void requestIdsAreFreshVersion4Uuids();
    void announcedOversizedBodyGets413WithoutReachingTheHandler();
    void streamedOversizedBodyGets413();
    void bodyJustUnderTheLimitIsDelivered();
    void headersTooLargeGet431();
    void tooManyHeadersGet431();
    void expectContinueIsAnswered();
    void stalledHeadersAreClosedWith408();
    void silentConnectionIsClosed();
    void deadlinesFollowTheLastResponse();
    void headHasLengthButNoBody();
    void streamFlushesHeadersAtOnceAndFramesChunks();
    void clientGoneBeforeAnswerDoesNotCrash();
    void connectionCloseIsHonoured();
    void headsAreWrittenByteForByte();
    void finishedResponsesAreSettledAfterTheNextDispatch();

private:
    QByteArray readResponse(QTcpSocket& socket, int timeoutMs = 5000);
    void connectClient(QTcpSocket& socket);

    HttpServer* m_server = nullptr;
    QList<HttpRequest> m_received;
    std::function<void(const HttpRequest&, HttpResponder*)> m_reply;
};

void TestHttpServer::init()
{
    m_received.clear();
    m_reply = [](const HttpRequest& request, HttpResponder* responder) {
        responder->send(200, "text/plain", "got " + QByteArray::number(request.body.size()));
    };
    m_server = new HttpServer;
    ConnectionGuard::Options options;
    options.limits.maxBodyBytes = 64 * 1024;
    options.limits.maxHeaderBytes = 2048;
    options.limits.maxHeaderCount = 10;
    options.headerTimeoutMs = 300;
    options.idleTimeoutMs = 300;
    m_server->setConnectionOptions(options);
    m_server->setHandler([this](const HttpRequest& request, HttpResponder* responder) {
        m_received.append(request);
        m_reply(request, responder);
    });
    QString error;
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
}

void TestHttpServer::cleanup()
{
    delete m_server;
    m_server = nullptr;
}

void TestHttpServer::connectClient(QTcpSocket& socket)
{
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(3000));
}

QByteArray TestHttpServer::readResponse(QTcpSocket& socket, int timeoutMs)
{
    QByteArray data;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        const qsizetype headerEnd = data.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const qsizetype lengthAt = data.toLower().indexOf("content-length: ");
            if (lengthAt >= 0 && lengthAt < headerEnd) {
                const qsizetype lineEnd = data.indexOf("\r\n", lengthAt);
                const qsizetype length = data.mid(lengthAt + 16, lineEnd - lengthAt - 16).toLongLong();
                if (data.size() >= headerEnd + 4 + length)
                    return data;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        QTest::qWait(5);
        data += socket.readAll();
    }
    return data;
}

void TestHttpServer::answersAndKeepsTheConnectionAlive()
{
    QTcpSocket client;
    connectClient(client);
    client.write("POST /a?x=1 HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nX-Thing: Yes\r\n\r\nhello");
    QByteArray response = readResponse(client);
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK\r\n"), response.constData());
    QVERIFY(response.endsWith("got 5"));
    client.write("GET /b HTTP/1.1\r\nHost: t\r\n\r\n");
    response = readResponse(client);
    QVERIFY2(response.endsWith("got 0"), response.constData());
    QCOMPARE(m_received.size(), 2);
    QCOMPARE(m_received.at(0).method, QByteArray("POST"));
    QCOMPARE(m_received.at(0).path, QStringLiteral("/a"));
    QCOMPARE(m_received.at(0).query.queryItemValue(QStringLiteral("x")), QStringLiteral("1"));
    QCOMPARE(m_received.at(0).header("x-thing"), QByteArray("Yes"));
    QCOMPARE(m_received.at(0).body, QByteArray("hello"));
    QVERIFY(m_received.at(0).peer.isLoopback());
}

void TestHttpServer::announcedOversizedBodyGets413WithoutReachingTheHandler()
{
    QTcpSocket client;
    connectClient(client);
    client.write("POST /big HTTP/1.1\r\nHost: t\r\nContent-Length: 10000000\r\n\r\n");
    client.write(QByteArray(200 * 1024, 'x'));
    const QByteArray response = readResponse(client);
    QVERIFY2(response.startsWith("HTTP/1.1 413 Payload Too Large\r\n"), response.left(200).constData());
    QVERIFY(response.contains("\"type\":\"invalid_request_error\""));
    QVERIFY(response.contains("X-Request-ID: "));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(m_received.isEmpty());
}

void TestHttpServer::streamedOversizedBodyGets413()
{
    QTcpSocket client;
    connectClient(client);
    client.write("POST /big HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
    const QByteArray chunk = QByteArray::number(16 * 1024, 16) + "\r\n" + QByteArray(16 * 1024, 'y') + "\r\n";
    for (int index = 0; index < 8; ++index)
        client.write(chunk);
    const QByteArray response = readResponse(client);
    QVERIFY2(response.startsWith("HTTP/1.1 413 "), response.left(200).constData());
    QVERIFY(m_received.isEmpty());
}

void TestHttpServer::bodyJustUnderTheLimitIsDelivered()
{
    QTcpSocket client;
    connectClient(client);
    const QByteArray body(64 * 1024, 'z');
    client.write("POST /ok HTTP/1.1\r\nHost: t\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
    for (qsizetype offset = 0; offset < body.size(); offset += 4000) {
        client.write(body.mid(offset, 4000));
        client.flush();
        QTest::qWait(1);
    }
    const QByteArray response = readResponse(client);
    QVERIFY2(response.endsWith("got 65536"), response.left(300).constData());
}

void TestHttpServer::headersTooLargeGet431()
{
    QTcpSocket client;
    connectClient(client);
    client.write("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + QByteArray(4000, 'h') + "\r\n\r\n");
    const QByteArray response = readResponse(client);
    QVERIFY2(response.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"), response.left(200).constData());
    QVERIFY(m_received.isEmpty());
}

void TestHttpServer::tooManyHeadersGet431()
{
    QTcpSocket client;
    connectClient(client);
    QByteArray request = "GET / HTTP/1.1\r\nHost: t\r\n";
    for (int index = 0; index < 11; ++index)
        request += "X-H" + QByteArray::number(index) + ": v\r\n";
    client.write(request + "\r\n");
    const QByteArray response = readResponse(client);
    QVERIFY2(response.startsWith("HTTP/1.1 431 "), response.left(200).constData());
    QVERIFY(response.contains("more than 10 headers"));
}

void TestHttpServer::expectContinueIsAnswered()
{
    QTcpSocket client;
    connectClient(client);
    client.write("POST /c HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() > 0, 3000);
    QCOMPARE(client.readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    QVERIFY(m_received.isEmpty());
    client.write("abc");
    const QByteArray response = readResponse(client);
    QVERIFY2(response.endsWith("got 3"), response.constData());
}

void TestHttpServer::stalledHeadersAreClosedWith408()
{
    QTcpSocket client;
    connectClient(client);
    client.write("GET / HTTP/1.1\r\nHost: t\r\n");
    // Keep trickling header bytes: the header deadline is not renewed by progress.
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, &client, [&client] { client.write("X: 1\r\n"); });
    trickle.start(50);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 3000);
    trickle.stop();
    QVERIFY(client.readAll().startsWith("HTTP/1.1 408 Request Timeout\r\n"));
    QVERIFY(m_received.isEmpty());
}

void TestHttpServer::silentConnectionIsClosed()
{
    QTcpSocket client;
    connectClient(client);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 3000);
    QCOMPARE(client.readAll(), QByteArray());
}

void TestHttpServer::deadlinesFollowTheLastResponse()
{
    // The deadline timer is not restarted for every request: the idle deadline must still count from the last
    // response, and no deadline may cut a request the gateway is still answering.
    m_reply = [](const HttpRequest& request, HttpResponder* responder) {
        const int delayMs = request.path == u"/slow" ? 450 : 0;
        QTimer::singleShot(delayMs, responder, [responder] { responder->send(200, "text/plain", "done"); });
    };
    QTcpSocket client;
    connectClient(client);
    client.write("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n"); // longer than both timeouts (300 ms)
    QByteArray response = readResponse(client);
    QVERIFY2(response.endsWith("done"), response.constData());
    QTest::qWait(200);
    client.write("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n");
    response = readResponse(client);
    QVERIFY2(response.endsWith("done"), response.constData());
    QElapsedTimer sinceLastResponse;
    sinceLastResponse.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 3000);
    QVERIFY2(sinceLastResponse.elapsed() >= 250, qPrintable(QString::number(sinceLastResponse.elapsed())));
}

void TestHttpServer::headHasLengthButNoBody()
{
    m_reply = [](const HttpRequest&, HttpResponder* responder) { responder->send(200, "text/plain", "twelve bytes"); };
    QTcpSocket client;
    connectClient(client);
    client.write("HEAD / HTTP/1.1\r\nHost: t\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() > 0, 3000);
    QTest::qWait(50);
    const QByteArray head = client.readAll();
    QVERIFY2(head.contains("Content-Length: 12\r\n"), head.constData());
    QVERIFY2(head.endsWith("\r\n\r\n"), head.constData());
    // The connection is still in sync: the next answer is a whole response, not leftover body bytes.
    client.write("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    const QByteArray response = readResponse(client);
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK") && response.endsWith("twelve bytes"), response.constData());
}

void TestHttpServer::streamFlushesHeadersAtOnceAndFramesChunks()
{
    QPointer<HttpResponder> streaming;
    m_reply = [&streaming](const HttpRequest&, HttpResponder* responder) {
        responder->beginStream(200, "text/event-stream");
        streaming = responder;
    };
    QTcpSocket client;
    connectClient(client);
    client.write("GET /s HTTP/1.1\r\nHost: t\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() > 0, 3000);
    const QByteArray head = client.readAll();
    QVERIFY2(head.contains("Transfer-Encoding: chunked\r\n") && head.endsWith("\r\n\r\n"), head.constData());
    QVERIFY(streaming);
    streaming->writeChunk("data: one\n\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() > 0, 3000);
    QCOMPARE(client.readAll(), QByteArray("b\r\ndata: one\n\n\r\n"));
    streaming->endStream();
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() > 0, 3000);
    QCOMPARE(client.readAll(), QByteArray("0\r\n\r\n"));
}

void TestHttpServer::clientGoneBeforeAnswerDoesNotCrash()
{
    QPointer<HttpResponder> pending;
    m_reply = [&pending](const HttpRequest&, HttpResponder* responder) { pending = responder; };
    {
        QTcpSocket client;
        connectClient(client);
        client.write("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(!pending.isNull(), 3000);
        QSignalSpy gone(pending.data(), &HttpResponder::clientDisconnected);
        client.abort();
        QVERIFY(gone.wait(3000));
    }
    // The responder may already be gone; if not, every write is a harmless no-op.
    if (pending) {
        QVERIFY(!pending->isConnected());
        pending->send(200, "text/plain", "too late");
        pending->beginStream(200, "text/plain");
        pending->writeChunk("x");
        pending->endStream();
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->activeResponses(), 0, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(pending.isNull(), 3000);
    // And the server still serves.
    m_reply = [](const HttpRequest&, HttpResponder* responder) { responder->send(200, "text/plain", "alive"); };
    QTcpSocket again;
    connectClient(again);
    again.write("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    QVERIFY(readResponse(again).endsWith("alive"));
}

void TestHttpServer::connectionCloseIsHonoured()
{
    QTcpSocket client;
    connectClient(client);
    client.write("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    const QByteArray response = readResponse(client);
    QVERIFY(response.contains("Connection: close\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 3000);
}

void TestHttpServer::requestIdsAreFreshVersion4Uuids()
{
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString id = RequestIds::make();
        const QUuid uuid(id);
        QVERIFY2(!uuid.isNull(), qPrintable(id));
        QCOMPARE(uuid.version(), QUuid::Random);
        QCOMPARE(uuid.variant(), QUuid::DCE);
        QCOMPARE(uuid.toString(QUuid::WithoutBraces), id);
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 1000);
}

void TestHttpServer::finishedResponsesAreSettledAfterTheNextDispatch()
{
    // What happened, in order: "handler <path>" when a request is handed over, "settled <path>" when the
    // bookkeeping callback of its finished response runs. Responses are answered later, as Ollama's are.
    // Shared, not on the stack: callbacks may still run after a failed check has returned from this function.
    const auto eventList = std::make_shared<QStringList>();
    const auto waitingList = std::make_shared<QList<QPointer<HttpResponder>>>();
    QStringList& events = *eventList;
    QList<QPointer<HttpResponder>>& waiting = *waitingList;
    m_reply = [eventList, waitingList](const HttpRequest& request, HttpResponder* responder) {
        eventList->append(QStringLiteral("handler ") + request.path);
        responder->whenFinished([eventList, path = request.path, responder] {
            eventList->append((responder->isFinished() ? QStringLiteral("settled ") : QStringLiteral("unfinished ")) +
                              path);
        });
        if (request.path == u"/second" && waitingList->size() == 1 && waitingList->first()) {
            waitingList->first()->send(
                200, "text/plain", "first"); // the first answer comes while the second is handled
            eventList->append(QStringLiteral("answered /first"));
        }
        waitingList->append(responder);
    };
    QTcpSocket client;
    connectClient(client);
    client.write("GET /first HTTP/1.1\r\nHost: t\r\n\r\nGET /second HTTP/1.1\r\nHost: t\r\n\r\n");
    QTRY_COMPARE(waiting.size(), 2);
    // The first response finished inside the second request's handler; its bookkeeping came after that handler.
    QCOMPARE(events,
             (QStringList{QStringLiteral("handler /first"),
                          QStringLiteral("handler /second"),
                          QStringLiteral("answered /first"),
                          QStringLiteral("settled /first")}));

    // settleFinished() settles at once what has finished.
    QVERIFY(waiting.at(1));
    waiting.at(1)->send(200, "text/plain", "second");
    QCOMPARE(events.size(), 4); // finished, not settled yet
    m_server->settleFinished();
    QCOMPARE(events.last(), QStringLiteral("settled /second"));

    // With no request after it, a finished response is settled on its own shortly after.
    client.write("GET /alone HTTP/1.1\r\nHost: t\r\n\r\n");
    QTRY_COMPARE(waiting.size(), 3);
    QVERIFY(waiting.at(2));
    waiting.at(2)->send(200, "text/plain", "alone");
    QCOMPARE(events.last(), QStringLiteral("handler /alone"));
    QTRY_COMPARE(events.last(), QStringLiteral("settled /alone"));
    QVERIFY(readResponse(client).endsWith("alone"));
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_http_server.moc"

void TestHttpServer::headsAreWrittenByteForByte()
{
    // The head is assembled from pieces in one buffer: every byte, in this order, for a whole response and a stream.
    m_reply = [](const HttpRequest& request, HttpResponder* responder) {
        responder->addHeader("X-Request-ID", "id-1");
        responder->addHeader("Access-Control-Allow-Origin", "*");
        if (request.path == u"/stream") {
            responder->beginStream(201, "text/event-stream", {{"Cache-Control", "no-cache"}});
            responder->endStream();
        } else {
            responder->send(429, "application/json", "{}", {{"Retry-After", "7"}, {"X-Empty", ""}});
        }
    };
    QTcpSocket client;
    connectClient(client);
    client.write("GET /whole HTTP/1.1\r\nHost: t\r\n\r\n");
    QCOMPARE(
        readResponse(client),
        QByteArray("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                   "X-Request-ID: id-1\r\nAccess-Control-Allow-Origin: *\r\nRetry-After: 7\r\nX-Empty: \r\n\r\n{}"));
    client.write("GET /stream HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    const QByteArray expected =
        "HTTP/1.1 201 Created\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
        "X-Request-ID: id-1\r\nAccess-Control-Allow-Origin: *\r\nCache-Control: no-cache\r\n"
        "Connection: close\r\n\r\n0\r\n\r\n";
    QByteArray stream;
    QTRY_VERIFY_WITH_TIMEOUT((stream += client.readAll()).size() >= expected.size(), 3000);
    QCOMPARE(stream, expected);
}
