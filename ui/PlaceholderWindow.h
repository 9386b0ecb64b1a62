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

private:
    QLabel* m_endpointLabel = nullptr;
};

} // namespace llamagate
