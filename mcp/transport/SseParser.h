#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace mcp {

/// One dispatched server-sent event.
struct SseEvent
{
    QString type = QStringLiteral("message");
    QString data;
    QString id;

    bool operator==(const SseEvent&) const = default;
};

/// Incremental text/event-stream parser (WHATWG rules): CR, LF and CRLF line ends, multi-line data,
/// id, event, retry and comments. Feed it bytes as they arrive; it keeps partial lines between calls.
class SseParser
{
public:
    /// Parses what `bytes` completes and returns the events it dispatched, in order.
    QList<SseEvent> feed(const QByteArray& bytes);

    /// The last event id seen (survives events without an id, as the spec says).
    QString lastEventId() const { return m_lastEventId; }
    /// The reconnection delay the server asked for with `retry:`, if any.
    std::optional<int> retryMs() const { return m_retryMs; }

private:
    void processLine(const QByteArray& line, QList<SseEvent>& events);
    void dispatch(QList<SseEvent>& events);

    QByteArray m_buffer;
    bool m_pendingCr = false;
    bool m_bomChecked = false;
    QString m_eventType;
    QString m_data;
    bool m_hasData = false;
    QString m_lastEventId;
    std::optional<int> m_retryMs;
};

} // namespace mcp
