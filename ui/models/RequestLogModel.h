#pragma once

#include "gateway/log/RequestLogEntry.h"

#include <QAbstractTableModel>
#include <QList>

namespace llamagate {

/// The live log's rows: the last `capacity` requests the gateway logged, oldest first. Older rows drop off, so
/// memory stays bounded. While paused, new entries wait (bounded too) and appear on resume.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Status,
        Method,
        Path,
        Model,
        Key,
        Latency,
        Cache,
        Tokens,
        Tools,
        ColumnCount
    };

    explicit RequestLogModel(int capacity = 1000, QObject* parent = nullptr);

    int capacity() const { return m_capacity; }
    bool isPaused() const { return m_paused; }
    /// Entries received while paused, not shown yet.
    int pendingCount() const { return int(m_pending.size()); }
    const RequestLogEntry& entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    void append(const llamagate::RequestLogEntry& entry);
    void setPaused(bool paused);
    void clear();

signals:
    void pendingCountChanged(int count);

private:
    void appendShown(const QList<RequestLogEntry>& entries);
    QString text(const RequestLogEntry& entry, int column) const;

    int m_capacity;
    bool m_paused = false;
    QList<RequestLogEntry> m_entries;
    QList<RequestLogEntry> m_pending;
};

} // namespace llamagate
