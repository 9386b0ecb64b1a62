#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <initializer_list>

namespace llamagate {

/// An HTTP head (and whatever follows it) gathered as views of its pieces, then written with one resize and a copy
/// of each: an append per piece cost more than the copying. The viewed bytes must live until appendTo().
class HttpHeadWriter
{
public:
    /// A number as decimal text, for a piece.
    class Decimal
    {
    public:
        explicit Decimal(qint64 number) : m_end(std::to_chars(m_digits, m_digits + sizeof m_digits, number).ptr) {}
        QByteArrayView view() const { return QByteArrayView(m_digits, m_end); }

    private:
        char m_digits[24];
        const char* m_end;
    };

    void add(std::initializer_list<QByteArrayView> pieces) { m_pieces.append(pieces.begin(), pieces.size()); }
    void addHeader(QByteArrayView name, QByteArrayView value) { add({name, ": ", value, "\r\n"}); }

    /// Appends the pieces to `out`, growing it once.
    void appendTo(QByteArray& out) const
    {
        qsizetype size = 0;
        for (const QByteArrayView piece : m_pieces)
            size += piece.size();
        const qsizetype start = out.size();
        out.resize(start + size);
        char* next = out.data() + start;
        for (const QByteArrayView piece : m_pieces)
            next = std::copy_n(piece.data(), piece.size(), next);
    }

private:
    QVarLengthArray<QByteArrayView, 64> m_pieces;
};

} // namespace llamagate
