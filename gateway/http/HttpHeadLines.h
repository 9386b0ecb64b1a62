#pragma once

#include <QByteArrayView>
#include <QLatin1StringView>

namespace llamagate {

/// Walks an HTTP head (status or request line, then header lines; LF or CRLF) as views into it, without copies.
class HttpHeadLines
{
public:
    /// One header line, trimmed; `wellFormed` is false for a line without a name and a colon.
    struct Header
    {
        QByteArrayView name;
        QByteArrayView value;
        bool wellFormed = true;

        /// The name is `lowerCaseName` (in ASCII lower case), ignoring case: what compare(Qt::CaseInsensitive)
        /// says, without its call per header.
        bool is(QByteArrayView lowerCaseName) const
        {
            if (name.size() != lowerCaseName.size())
                return false;
            for (qsizetype index = 0; index < name.size(); ++index) {
                const char c = name[index];
                if ((c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c) != lowerCaseName[index])
                    return false;
            }
            return true;
        }
        /// The value contains this text, ignoring case ("Chunked", "keep-alive, Upgrade").
        bool valueContains(QLatin1StringView text) const
        {
            return QLatin1StringView(value.data(), value.size()).contains(text, Qt::CaseInsensitive);
        }
    };

    explicit HttpHeadLines(QByteArrayView head);

    /// Where a head in `bytes` ends: just after the first "\r\n\r\n" or, with `bareLf` and none of those, the first
    /// "\n\n"; -1 without one. What indexOf() finds, at a fraction of its cost (a memchr() per line).
    static qsizetype headEnd(QByteArrayView bytes, bool bareLf = false);

    /// What QByteArrayView::toLongLong() reads in a header value (or a status code), with plain digits read in
    /// place.
    static qint64 toLongLong(QByteArrayView text, bool* ok);

    /// The first line (status or request line), trimmed.
    QByteArrayView firstLine() const { return m_firstLine; }
    /// The next non-empty header line; false after the last.
    bool next(Header& header);

private:
    QByteArrayView nextLine();

    QByteArrayView m_head;
    qsizetype m_position = 0;
    QByteArrayView m_firstLine;
};

} // namespace llamagate
