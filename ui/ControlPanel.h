#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace llamagate {

/// The control panel: a list of pages on the left, the chosen page on the right. Closing it hides it (LlamaGate
/// keeps running in the tray) unless closing quits, as it does where there is no system tray.
class ControlPanel : public QMainWindow
{
    Q_OBJECT
public:
    explicit ControlPanel(QWidget* parent = nullptr);

    /// Adds a page; the first nine open with Ctrl+1 … Ctrl+9 too.
    void addPage(const QString& title, QWidget* page);
    int pageCount() const;
    QWidget* page(int index) const;
    int currentPage() const;
    void showPage(int index);
    /// Brings the window to the front, shown and focused.
    void present();
    /// Without a tray, closing the window is the way to quit.
    void setClosingQuits(bool closingQuits) { m_closingQuits = closingQuits; }

signals:
    /// The window was closed while closing quits; the caller stops the gateway and quits.
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QListWidget* m_pageList = nullptr;
    QStackedWidget* m_pages = nullptr;
    bool m_closingQuits = false;
};

} // namespace llamagate
