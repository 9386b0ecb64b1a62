#include "gateway/http/HttpFramingGuard.h"

#include "gateway/http/HttpHeadLines.h"

#include <QList>

namespace llamagate {

namespace {

constexpr qsizetype kMaxChunkLine = 1024;

} // namespace

HttpFramingGuard::HttpFramingGuard(const Limits& limits) : m_limits(limits) {}

HttpFramingGuard::Phase HttpFramingGuard::phase() const
{
    switch (m_state) {
    case State::Idle:
        return Phase::Idle;
    case State::Headers:
        return Phase::Headers;
    default:
        return Phase::Body;
    }
}

bool HttpFramingGuard::takeContinueRequest()
{
    return std::exchange(m_continueRequested, false);
}

HttpFramingGuard::Verdict HttpFramingGuard::fail(Verdict verdict)
{
    m_verdict = verdict;
    m_line.clear();
    return verdict;
}

HttpFramingGuard::Verdict HttpFramingGuard::feed(QByteArrayView bytes)
{
    qsizetype position = 0;
    while (m_verdict == Verdict::Ok && position < bytes.size()) {
        switch (m_state) {
        case State::Idle: {
            const char c = bytes.at(position);
            if (c == '\r' || c == '\n') {
                ++position; // stray line breaks between requests are allowed
                break;
            }
            m_state = State::Headers;
            break;
        }
        case State::Headers: {
            if (m_line.isEmpty()) {
                // A head that is here whole (the common case) is read where it is, not collected first.
                const QByteArrayView rest = bytes.sliced(position);
                const qsizetype end =
                    HttpHeadLines::headEnd(rest.first(qMin<qint64>(rest.size(), m_limits.maxHeaderBytes + 1)), true);
                if (end >= 0 && end <= m_limits.maxHeaderBytes) {
                    position += end;
                    if (const Verdict verdict = acceptHeaders(rest.first(end)); verdict != Verdict::Ok)
                        return fail(verdict);
                    break;
                }
            }
            const qsizetype before = m_line.size();
            const qsizetype room = m_limits.maxHeaderBytes - before;
            const qsizetype take = qMin(bytes.size() - position, room + 1);
            m_line.append(bytes.sliced(position, take));
            const qsizetype end = HttpHeadLines::headEnd(m_line, true);
            if (end < 0) {
                if (m_line.size() > m_limits.maxHeaderBytes)
                    return fail(Verdict::HeadersTooLarge);
                position += take;
                break;
            }
            position += end - before;
            m_line.truncate(end);
            if (m_line.size() > m_limits.maxHeaderBytes)
                return fail(Verdict::HeadersTooLarge);
            if (const Verdict verdict = acceptHeaders(m_line); verdict != Verdict::Ok)
                return fail(verdict);
            break;
        }
        case State::FixedBody:
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_remaining, bytes.size() - position);
            position += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                if (m_state == State::FixedBody)
                    finishRequest();
                else
                    m_state = State::ChunkDataEnd;
            }
            break;
        }
        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::Trailers: {
            const char c = bytes.at(position++);
            if (c != '\n') {
                m_line.append(c);
                if (m_line.size() > kMaxChunkLine)
                    return fail(Verdict::Malformed);
                break;
            }
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            const QByteArray line = std::exchange(m_line, {});
            if (m_state == State::ChunkDataEnd) {
                if (!line.isEmpty())
                    return fail(Verdict::Malformed);
                m_state = State::ChunkSize;
            } else if (m_state == State::ChunkSize) {
                bool ok = false;
                const qint64 size = line.split(';').constFirst().trimmed().toLongLong(&ok, 16);
                if (!ok || size < 0)
                    return fail(Verdict::Malformed);
                m_bodyBytes += size;
                if (m_bodyBytes > m_limits.maxBodyBytes)
                    return fail(Verdict::BodyTooLarge);
                m_remaining = size;
                m_state = size == 0 ? State::Trailers : State::ChunkData;
            } else if (line.isEmpty()) {
                finishRequest();
            } else if (++m_trailerLines > m_limits.maxHeaderCount) {
                return fail(Verdict::TooManyHeaders);
            }
            break;
        }
        }
    }
    return m_verdict;
}

HttpFramingGuard::Verdict HttpFramingGuard::acceptHeaders(QByteArrayView head)
{
    HttpHeadLines lines(head);
    qint64 contentLength = -1;
    bool chunked = false;
    int headerCount = 0;
    bool expectContinue = false;
    HttpHeadLines::Header header;
    while (lines.next(header)) {
        if (++headerCount > m_limits.maxHeaderCount)
            return Verdict::TooManyHeaders;
        if (!header.wellFormed)
            return Verdict::Malformed;
        if (header.is("content-length")) {
            bool ok = false;
            const qint64 length = HttpHeadLines::toLongLong(header.value, &ok);
            if (!ok || length < 0 || (contentLength >= 0 && contentLength != length))
                return Verdict::Malformed;
            contentLength = length;
        } else if (header.is("transfer-encoding")) {
            chunked = header.valueContains(QLatin1StringView("chunked"));
        } else if (header.is("expect")) {
            expectContinue = header.value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    m_line.clear(); // after the last use of `head`, which may be m_line
    m_bodyBytes = 0;
    m_trailerLines = 0;
    if (chunked) {
        m_state = State::ChunkSize;
    } else if (contentLength > 0) {
        if (contentLength > m_limits.maxBodyBytes)
            return Verdict::BodyTooLarge;
        m_remaining = contentLength;
        m_state = State::FixedBody;
    } else {
        finishRequest();
    }
    m_continueRequested = expectContinue && m_state != State::Idle;
    return Verdict::Ok;
}

void HttpFramingGuard::finishRequest()
{
    m_state = State::Idle;
    m_remaining = 0;
    ++m_completed;
}

} // namespace llamagate
