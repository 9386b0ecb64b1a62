#pragma once

#include <QObject>

class QSocketNotifier;

namespace llamagate {

/// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe). A second one ends the process at once.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace llamagate
