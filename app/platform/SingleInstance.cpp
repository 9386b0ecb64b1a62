#include "app/platform/SingleInstance.h"

#include <QCryptographicHash>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace llamagate {

namespace {

constexpr int kHandshakeMs = 2000;
const QByteArray kActivate = QByteArrayLiteral("activate\n");
const QByteArray kAcknowledged = QByteArrayLiteral("ok\n");

} // namespace

SingleInstance::SingleInstance(QObject* parent) : QObject(parent) {}

QString SingleInstance::socketName()
{
    const QByteArray folder = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation).toUtf8();
    return QStringLiteral("llamagate-%1")
        .arg(QString::fromLatin1(QCryptographicHash::hash(folder, QCryptographicHash::Sha256).toHex().left(16)));
}

bool SingleInstance::claim()
{
    if (notifyRunningInstance())
        return false;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(socketName())) {
        // Nobody answered, so the socket is left over from a crash: take it over.
        QLocalServer::removeServer(socketName());
        m_server->listen(socketName());
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* client = m_server->nextPendingConnection()) {
            connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
            connect(client, &QLocalSocket::readyRead, this, [this, client] {
                if (!client->canReadLine())
                    return;
                if (client->readLine() == kActivate) {
                    client->write(kAcknowledged);
                    client->flush();
                    emit activationRequested();
                }
                client->disconnectFromServer();
            });
        }
    });
    return true;
}

bool SingleInstance::notifyRunningInstance() const
{
    // Blocking waits are fine here: this runs once at start, before any event loop or gateway exists.
    QLocalSocket socket;
    socket.connectToServer(socketName());
    if (!socket.waitForConnected(kHandshakeMs))
        return false;
    socket.write(kActivate);
    if (!socket.waitForBytesWritten(kHandshakeMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(kHandshakeMs))
            return false;
    }
    return socket.readLine() == kAcknowledged;
}

} // namespace llamagate
