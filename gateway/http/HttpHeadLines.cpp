#include "gateway/http/HttpHeadLines.h"

namespace llamagate {

HttpHeadLines::HttpHeadLines(QByteArrayView head) : m_head(head)
{
    m_firstLine = nextLine();
}

QByteArrayView HttpHeadLines::nextLine()
{
    const qsizetype end = m_head.indexOf('\n', m_position);
    const qsizetype lineEnd = end < 0 ? m_head.size() : end;
    const QByteArrayView line = m_head.sliced(m_position, lineEnd - m_position);
    m_position = end < 0 ? m_head.size() : end + 1;
    return line.trimmed();
}

bool HttpHeadLines::next(Header& header)
{
    while (m_position < m_head.size()) {
        const QByteArrayView line = nextLine();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        header.wellFormed = colon > 0;
        header.name = header.wellFormed ? line.first(colon).trimmed() : line;
        header.value = header.wellFormed ? line.sliced(colon + 1).trimmed() : QByteArrayView();
        return true;
    }
    return false;
}

} // namespace llamagate
