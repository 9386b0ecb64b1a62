#include "gateway/ollama/OllamaCall.h"
#include "gateway/ollama/OllamaClient.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace llamagate;

/// The bytes OllamaClient sends upstream: request line, headers in order, body.
class TestOllamaRequest : public QObject
{
    Q_OBJECT
private slots:
    void requestsAreWrittenByteForByte();
    void whenDoneEndsACallAsTheSignalsDo();

private:
    /// How a collected call ends when its server answers `answer` and closes (closes without answering when empty,
    /// never answers when null): heard through the finished/failed signals, or through whenDone().
    QString ending(const QByteArray& answer, bool viaWhenDone);
    /// What arrives at a local server when `send` starts a request to it, once `expectedSize` bytes are there.
    QByteArray received(const std::function<void(OllamaClient&, const QString& base)>& send, qsizetype expectedSize);
};

QByteArray TestOllamaRequest::received(const std::function<void(OllamaClient&, const QString& base)>& send,
                                       qsizetype expectedSize)
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return "cannot listen";
    OllamaClient client;
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort());
    send(client, base);
    QByteArray bytes;
    QTcpSocket* socket = nullptr;
    QElapsedTimer clock;
    clock.start();
    while (bytes.size() < expectedSize && clock.elapsed() < 3000) {
        QTest::qWait(5);
        if (!socket)
            socket = server.nextPendingConnection();
        if (socket)
            bytes += socket->readAll();
    }
    return bytes;
}

void TestOllamaRequest::requestsAreWrittenByteForByte()
{
    // The request is assembled from pieces in one buffer: every byte, in this order.
    const QByteArray post = "POST /base/api/chat HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nX-One: 1\r\nuser-agent: mine\r\n"
                            "Content-Type: application/x-test\r\nContent-Length: 7\r\n\r\n{\"a\":1}";
    QString base;
    QByteArray bytes = received(
        [&base](OllamaClient& client, const QString& url) {
            base = url;
            client.setBaseUrl(QUrl(url + QStringLiteral("/base")));
            client.send("POST",
                        QStringLiteral("/api/chat"),
                        "{\"a\":1}",
                        5000,
                        false,
                        &client,
                        "application/x-test",
                        {{"X-One", "1"}, {"user-agent", "mine"}});
        },
        post.size());
    const QByteArray port = base.section(u':', -1).toLatin1();
    QCOMPARE(bytes, QByteArray(post).replace("PORT", port));

    const QByteArray get =
        "GET /api/show%20me HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nUser-Agent: LlamaGate/" LLAMAGATE_VERSION "\r\n\r\n";
    bytes = received(
        [&base](OllamaClient& client, const QString& url) {
            base = url;
            client.setBaseUrl(QUrl(url));
            client.get(QStringLiteral("/api/show me"), 5000, &client);
        },
        get.size());
    QCOMPARE(bytes, QByteArray(get).replace("PORT", base.section(u':', -1).toLatin1()));
}

QString TestOllamaRequest::ending(const QByteArray& answer, bool viaWhenDone)
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return QStringLiteral("cannot listen");
    connect(&server, &QTcpServer::newConnection, &server, [&server, answer] {
        QTcpSocket* socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket, answer] {
            socket->readAll();
            if (answer.isNull())
                return;
            socket->write(answer);
            socket->disconnectFromHost();
        });
    });
    OllamaClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())));
    OllamaCall* call = client.postJson(QStringLiteral("/api/chat"), "{}", 500, false, &client);
    QString result;
    int signalsHeard = 0;
    const auto describeFailure = [&result](const ApiError& error) {
        result = QStringLiteral("failed %1 %2 %3").arg(error.status).arg(error.code, error.message);
    };
    const auto describeSuccess = [&result, call] {
        result = QStringLiteral("finished %1 %2").arg(call->status()).arg(QString::fromUtf8(call->body()));
    };
    connect(call, &OllamaCall::finished, call, [&] {
        ++signalsHeard;
        describeSuccess();
    });
    connect(call, &OllamaCall::failed, call, [&](const ApiError& error) {
        ++signalsHeard;
        describeFailure(error);
    });
    if (viaWhenDone)
        call->whenDone([&](const ApiError* error) { error ? describeFailure(*error) : describeSuccess(); });
    QElapsedTimer clock;
    clock.start();
    while (result.isEmpty() && clock.elapsed() < 3000)
        QTest::qWait(5);
    if (viaWhenDone && signalsHeard > 0)
        result += QStringLiteral(" (and the signals)");
    return result;
}

void TestOllamaRequest::whenDoneEndsACallAsTheSignalsDo()
{
    // whenDone() is the plain-call twin of the finished/failed signals: the same endings, and no signal besides.
    const QList<QByteArray> answers = {
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"done\":true}",
        "HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n5\r\noops!\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\ncut",
        QByteArray(""),
        QByteArray(),
    };
    for (const QByteArray& answer : answers) {
        const QString bySignals = ending(answer, false);
        QVERIFY2(!bySignals.isEmpty(), answer.constData());
        QCOMPARE(ending(answer, true), bySignals);
    }
}

QTEST_GUILESS_MAIN(TestOllamaRequest)
#include "tst_ollama_request.moc"
