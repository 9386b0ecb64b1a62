#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace llamagate {

class StatusTracker;

/// The Overview page: the gateway's state with start/stop, the endpoint with a copy button, Ollama's state, version
/// and models, the cache's hit ratio, how many MCP servers are ready, requests served and per minute.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(const StatusTracker& status, QWidget* parent = nullptr);

    /// How often the cache's numbers are asked for while the page is shown.
    static constexpr int kRefreshMs = 2000;

signals:
    void startRequested();
    void stopRequested();
    /// Fresh cache numbers are wanted (they arrive through the StatusTracker).
    void cacheReportWanted();

private:
    void refresh();
    QString cacheText() const;
    QString mcpText() const;

    const StatusTracker& m_status;
    QLabel* m_state = nullptr;
    QPushButton* m_startStop = nullptr;
    QLineEdit* m_endpoint = nullptr;
    QPushButton* m_copy = nullptr;
    QLabel* m_ollama = nullptr;
    QLabel* m_models = nullptr;
    QLabel* m_cache = nullptr;
    QLabel* m_mcp = nullptr;
    QLabel* m_requests = nullptr;
};

} // namespace llamagate
