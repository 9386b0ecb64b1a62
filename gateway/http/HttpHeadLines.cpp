#include "gateway/http/HttpHeadLines.h"

#include <cstring>

namespace llamagate {

namespace {

/// What QByteArrayView::trimmed() drops at either end.
bool isSpace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/// QByteArrayView(begin, end).trimmed(), without a call into Qt.
QByteArrayView trimmed(const char* begin, const char* end)
{
    while (begin < end && isSpace(*begin))
        ++begin;
    while (end > begin && isSpace(end[-1]))
        --end;
    return QByteArrayView(begin, end - begin);
}

} // namespace

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

qint64 HttpHeadLines::toLongLong(QByteArrayView text, bool* ok)
{
    constexpr qsizetype kMaxPlainDigits = 18; // cannot overflow a qint64
    if (text.isEmpty() || text.size() > kMaxPlainDigits)
        return text.toLongLong(ok);
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return text.toLongLong(ok);
        value = value * 10 + (c - '0');
    }
    *ok = true;
    return value;
}

QByteArrayView HttpHeadLines::nextLine()
{
    if (m_position >= m_head.size())
        return {};
    const char* data = m_head.data();
    const char* begin = data + m_position;
    const char* end = data + m_head.size();
    const char* newline = static_cast<const char*>(std::memchr(begin, '\n', size_t(end - begin)));
    m_position = newline ? newline - data + 1 : m_head.size();
    return trimmed(begin, newline ? newline : end);
}

bool HttpHeadLines::next(Header& header)
{
    while (m_position < m_head.size()) {
        const QByteArrayView line = nextLine();
        if (line.isEmpty())
            continue;
        const char* colon = static_cast<const char*>(std::memchr(line.data(), ':', size_t(line.size())));
        header.wellFormed = colon && colon != line.data();
        header.name = header.wellFormed ? trimmed(line.data(), colon) : line;
        header.value = header.wellFormed ? trimmed(colon + 1, line.data() + line.size()) : QByteArrayView();
        return true;
    }
    return false;
}

} // namespace llamagate
