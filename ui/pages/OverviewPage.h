#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace llamagate {

class StatusTracker;

/// The Overview page: the gateway's state with start/stop, the endpoint with a copy button, Ollama's state and
/// version, requests served and per minute.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(const StatusTracker& status, QWidget* parent = nullptr);

signals:
    void startRequested();
    void stopRequested();

private:
    void refresh();

    const StatusTracker& m_status;
    QLabel* m_state = nullptr;
    QPushButton* m_startStop = nullptr;
    QLineEdit* m_endpoint = nullptr;
    QPushButton* m_copy = nullptr;
    QLabel* m_ollama = nullptr;
    QLabel* m_requests = nullptr;
};

} // namespace llamagate
