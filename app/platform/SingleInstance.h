#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace llamagate {

/// One LlamaGate window app per user: the first start listens on a local socket; a later start tells it to show
/// itself and then exits. The socket name is derived from the user's settings folder.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(QObject* parent = nullptr);

    /// The first instance gets true and starts listening; a later one gets false after the first acknowledged.
    bool claim();

    /// The socket name for this user (exposed for tests).
    static QString socketName();

signals:
    /// Another start asked this instance to come to the front.
    void activationRequested();

private:
    bool notifyRunningInstance() const;

    QLocalServer* m_server = nullptr;
};

} // namespace llamagate
