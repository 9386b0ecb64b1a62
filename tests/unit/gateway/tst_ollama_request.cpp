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

private:
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

QTEST_GUILESS_MAIN(TestOllamaRequest)
#include "tst_ollama_request.moc"
