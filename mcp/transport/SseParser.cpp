#include "mcp/transport/SseParser.h"

namespace mcp {

QList<SseEvent> SseParser::feed(const QByteArray& bytes)
{
    QList<SseEvent> events;
    m_buffer.append(bytes);
    if (!m_bomChecked && m_buffer.size() >= 3) {
        if (m_buffer.startsWith("\xEF\xBB\xBF"))
            m_buffer.remove(0, 3);
        m_bomChecked = true;
    }
    qsizetype start = 0;
    for (qsizetype i = 0; i < m_buffer.size(); ++i) {
        const char c = m_buffer.at(i);
        if (m_pendingCr) {
            m_pendingCr = false;
            if (c == '\n' && i == start) { // the LF of a CRLF split from its CR
                start = i + 1;
                continue;
            }
        }
        if (c == '\r' || c == '\n') {
            processLine(m_buffer.mid(start, i - start), events);
            if (c == '\r') {
                if (i + 1 < m_buffer.size()) {
                    if (m_buffer.at(i + 1) == '\n')
                        ++i;
                } else {
                    m_pendingCr = true;
                }
            }
            start = i + 1;
        }
    }
    m_buffer.remove(0, start);
    return events;
}

void SseParser::processLine(const QByteArray& line, QList<SseEvent>& events)
{
    if (line.isEmpty()) {
        dispatch(events);
        return;
    }
    if (line.startsWith(':'))
        return; // comment
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);

    if (field == "data") {
        if (m_hasData)
            m_data.append(QLatin1Char('\n'));
        m_data.append(QString::fromUtf8(value));
        m_hasData = true;
    } else if (field == "event") {
        m_eventType = QString::fromUtf8(value);
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = QString::fromUtf8(value);
    } else if (field == "retry") {
        bool ok = false;
        const int retry = value.toInt(&ok);
        if (ok && retry >= 0 && !value.startsWith('+'))
            m_retryMs = retry;
    }
}

void SseParser::dispatch(QList<SseEvent>& events)
{
    if (m_hasData) {
        SseEvent event;
        if (!m_eventType.isEmpty())
            event.type = m_eventType;
        event.data = m_data;
        event.id = m_lastEventId;
        events.append(event);
    }
    m_eventType.clear();
    m_data.clear();
    m_hasData = false;
}

} // namespace mcp
