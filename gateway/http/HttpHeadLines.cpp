#include "gateway/http/HttpHeadLines.h"

#include <cstring>

namespace llamagate {

qsizetype HttpHeadLines::headEnd(QByteArrayView bytes, bool bareLf)
{
    const char* data = bytes.data();
    qsizetype bareLfEnd = -1;
    for (qsizetype from = 0; from < bytes.size();) {
        const void* found = std::memchr(data + from, '\n', size_t(bytes.size() - from));
        if (!found)
            break;
        const qsizetype at = static_cast<const char*>(found) - data;
        if (at >= 3 && data[at - 1] == '\r' && data[at - 2] == '\n' && data[at - 3] == '\r')
            return at + 1;
        if (bareLfEnd < 0 && at >= 1 && data[at - 1] == '\n')
            bareLfEnd = at + 1;
        from = at + 1;
    }
    return bareLf ? bareLfEnd : -1;
}

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
