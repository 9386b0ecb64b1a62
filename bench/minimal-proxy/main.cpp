// The floor of the QtHttpServer stack, for bench/analysis.md: a QAbstractHttpServer that forwards each request's
// body to POST /api/chat on one kept-alive QTcpSocket per client connection and returns the reply's body. No JSON,
// no logging, no limits, no error handling — a measuring stick, not a product.
//
//   cmake -S bench/minimal-proxy -B /tmp/minimal-proxy -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build /tmp/minimal-proxy && /tmp/minimal-proxy/minimal-proxy <fake port> <listen port>
#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QHash>
#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>

namespace {

quint16 upstreamPort = 0;

/// One kept-alive connection to the upstream; answers go back to the client that asked last.
struct Upstream : QObject
{
    QTcpSocket socket;
    QByteArray buffer;
    QPointer<QTcpSocket> client;

    Upstream()
    {
        socket.connectToHost(QHostAddress::LocalHost, upstreamPort);
        socket.waitForConnected();
        socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(&socket, &QTcpSocket::readyRead, this, [this] {
            buffer += socket.readAll();
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            const qsizetype field = buffer.indexOf("Content-Length: ");
            if (headEnd < 0 || field < 0)
                return;
            const qsizetype length = buffer.mid(field + 16, buffer.indexOf("\r\n", field) - field - 16).toLongLong();
            if (buffer.size() < headEnd + 4 + length)
                return;
            const QByteArray body = buffer.mid(headEnd + 4, length);
            buffer.remove(0, headEnd + 4 + length);
            if (client) {
                client->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\n\r\n" + body);
                client->flush();
            }
        });
    }
};

class MinimalProxy : public QAbstractHttpServer
{
protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* client) override
    {
        Upstream*& upstream = m_upstreams[client];
        if (!upstream)
            upstream = new Upstream;
        upstream->client = client;
        const QByteArray body = request.body();
        upstream->socket.write("POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "Content-Length: " +
                               QByteArray::number(body.size()) + "\r\n\r\n" + body);
        upstream->socket.flush();
        return true;
    }
    void missingHandler(const QHttpServerRequest&, QTcpSocket*) override {}

private:
    QHash<QTcpSocket*, Upstream*> m_upstreams;
};

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_NO_THREADED_GLIB", "1"); // Qt's own event dispatcher, as LlamaGate's gateway thread uses
    QCoreApplication app(argc, argv);
    if (argc < 3)
        qFatal("usage: minimal-proxy <upstream port> <listen port>");
    upstreamPort = QByteArray(argv[1]).toUShort();
    MinimalProxy proxy;
    proxy.listen(QHostAddress::LocalHost, QByteArray(argv[2]).toUShort());
    return app.exec();
}
