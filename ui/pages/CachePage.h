#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace llamagate {

class StatusTracker;

/// The Cache page: whether the response cache is on and kept across restarts, its entries, size, hits, misses and
/// hit ratio against its limits, fresh every two seconds while the page is shown; Clear empties it after asking.
class CachePage : public QWidget
{
    Q_OBJECT
public:
    explicit CachePage(const StatusTracker& status, QWidget* parent = nullptr);

    /// How often fresh numbers are asked for while the page is shown.
    static constexpr int kRefreshMs = 2000;

signals:
    /// Fresh numbers are wanted (they arrive through the StatusTracker).
    void reportWanted();
    /// The user confirmed that the cache should be emptied.
    void clearRequested();

private:
    void refresh();
    void confirmClear();
    QLabel* addValue(const QString& objectName);

    const StatusTracker& m_status;
    QLabel* m_state = nullptr;
    QLabel* m_entries = nullptr;
    QLabel* m_bytes = nullptr;
    QLabel* m_hits = nullptr;
    QLabel* m_misses = nullptr;
    QLabel* m_hitRatio = nullptr;
    QLabel* m_ttl = nullptr;
    QPushButton* m_clear = nullptr;
};

} // namespace llamagate
