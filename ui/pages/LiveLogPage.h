#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace llamagate {

class RequestLogModel;

/// The Live Log page: the latest requests in a table with a filter, pause, clear and auto-scroll, and the chosen
/// request's full entry below.
class LiveLogPage : public QWidget
{
    Q_OBJECT
public:
    explicit LiveLogPage(RequestLogModel* model, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }

private:
    void showDetail();
    void refreshPending();

    RequestLogModel* m_model;
    QSortFilterProxyModel* m_filtered = nullptr;
    QLineEdit* m_filter = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_clear = nullptr;
    QCheckBox* m_autoScroll = nullptr;
    QLabel* m_pending = nullptr;
    QTableView* m_view = nullptr;
    QPlainTextEdit* m_detail = nullptr;
};

} // namespace llamagate
