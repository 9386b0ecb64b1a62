#include "ui/models/RequestLogModel.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <QJsonValue>

namespace llamagate {

namespace {

/// The first of these fields that the entry has, as text.
QString firstField(const LogFields& extra, std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        const QJsonValue value = extra.value(QLatin1String(name));
        if (value.isString())
            return value.toString();
        if (value.isDouble())
            return QString::number(value.toInteger());
        if (value.isBool())
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    }
    return {};
}

/// The MCP tools a chat ran, in order, each with its outcome unless that was "ok".
QString toolCalls(const LogFields& extra)
{
    QStringList calls;
    for (const QJsonValue& call : extra.value(QLatin1String("tool_calls")).toArray()) {
        const QString name = call[QLatin1String("name")].toString();
        const QString outcome = call[QLatin1String("outcome")].toString();
        calls.append(outcome.isEmpty() || outcome == u"ok" ? name : QStringLiteral("%1 (%2)").arg(name, outcome));
    }
    return calls.join(QStringLiteral(", "));
}

} // namespace

RequestLogModel::RequestLogModel(int capacity, QObject* parent) : QAbstractTableModel(parent), m_capacity(capacity) {}

int RequestLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RequestLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const RequestLogEntry& entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(entry, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Status && entry.status >= 400)
            return QBrush(entry.status >= 500 ? QColor(0xc6, 0x28, 0x28) : QColor(0xb0, 0x60, 0x00));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Status || index.column() == Latency || index.column() == Tokens)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Status:
        return tr("Status");
    case Method:
        return tr("Method");
    case Path:
        return tr("Path");
    case Model:
        return tr("Model");
    case Key:
        return tr("Key");
    case Latency:
        return tr("Latency");
    case Cache:
        return tr("Cache");
    case Tokens:
        return tr("Tokens");
    case Tools:
        return tr("Tools");
    default:
        return {};
    }
}

QString RequestLogModel::text(const RequestLogEntry& entry, int column) const
{
    switch (column) {
    case Time:
        return entry.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case Status:
        return QString::number(entry.status);
    case Method:
        return entry.method;
    case Path:
        return entry.path;
    case Model:
        return firstField(entry.extra, {"model"});
    case Key:
        return firstField(entry.extra, {"key"});
    case Latency:
        return tr("%1 ms").arg(entry.latencyMs);
    case Cache:
        return firstField(entry.extra, {"cache"});
    case Tokens: {
        const QString prompt = firstField(entry.extra, {"prompt_tokens", "prompt_eval_count"});
        const QString completion = firstField(entry.extra, {"completion_tokens", "eval_count"});
        if (prompt.isEmpty() && completion.isEmpty())
            return {};
        return tr("%1 + %2").arg(prompt.isEmpty() ? QStringLiteral("0") : prompt,
                                 completion.isEmpty() ? QStringLiteral("0") : completion);
    }
    case Tools:
        return toolCalls(entry.extra);
    default:
        return {};
    }
}

void RequestLogModel::append(const RequestLogEntry& entry)
{
    if (m_paused) {
        m_pending.append(entry);
        if (m_pending.size() > m_capacity)
            m_pending.removeFirst();
        emit pendingCountChanged(int(m_pending.size()));
        return;
    }
    appendShown({entry});
}

void RequestLogModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused) {
        appendShown(std::exchange(m_pending, {}));
        emit pendingCountChanged(0);
    }
}

void RequestLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_pending.clear();
    endResetModel();
    emit pendingCountChanged(0);
}

void RequestLogModel::appendShown(const QList<RequestLogEntry>& entries)
{
    if (entries.isEmpty())
        return;
    const qsizetype overflow = m_entries.size() + entries.size() - m_capacity;
    if (overflow > 0) {
        const int dropped = int(std::min(overflow, m_entries.size()));
        if (dropped > 0) {
            beginRemoveRows({}, 0, dropped - 1);
            m_entries.remove(0, dropped);
            endRemoveRows();
        }
    }
    const QList<RequestLogEntry> kept = entries.mid(std::max<qsizetype>(0, entries.size() - m_capacity));
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(kept.size()) - 1);
    m_entries.append(kept);
    endInsertRows();
}

} // namespace llamagate
