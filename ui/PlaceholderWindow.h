#pragma once

#include <QWidget>

class QLabel;

namespace llamagate {

/// A small status window shown when LlamaGate runs with a display, until the tray app exists.
class PlaceholderWindow : public QWidget
{
    Q_OBJECT
public:
    explicit PlaceholderWindow(QWidget* parent = nullptr);

    void setEndpoint(const QString& endpoint);

signals:
    void closed();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QLabel* m_endpointLabel = nullptr;
};

} // namespace llamagate
