#include "gateway/ollama/HttpResponseParser.h"

#include "gateway/http/HttpHeadLines.h"

#include <QList>

namespace llamagate {

namespace {

constexpr qsizetype kMaxHeadBytes = 64 * 1024;
constexpr qsizetype kMaxChunkLine = 1024;

} // namespace

HttpResponseParser::Event HttpResponseParser::fail(const QString& why)
{
    m_state = State::Failed;
    m_error = why;
    m_keepAlive = false;
    return Event::Error;
}

bool HttpResponseParser::parseHead(QByteArrayView head)
{
    HttpHeadLines lines(head);
    const QByteArrayView statusLine = lines.firstLine();
    if (!statusLine.startsWith("HTTP/1."))
        return false;
    const qsizetype codeStart = statusLine.indexOf(' ');
    const qsizetype codeEnd = codeStart < 0 ? -1 : statusLine.indexOf(' ', codeStart + 1);
    bool ok = false;
    const QByteArrayView codeText =
        codeStart < 0 ? QByteArrayView()
                      : statusLine.sliced(codeStart + 1, (codeEnd < 0 ? statusLine.size() : codeEnd) - codeStart - 1);
    const qint64 code = codeStart < 0 ? 0 : HttpHeadLines::toLongLong(codeText, &ok);
    m_status = ok && code >= 100 && code <= 999 ? int(code) : 0;
    if (m_status == 0)
        return false;
    m_keepAlive = statusLine.startsWith("HTTP/1.1");
    m_contentType.clear();
    qint64 contentLength = -1;
    bool chunked = false;
    HttpHeadLines::Header header;
    while (lines.next(header)) {
        if (!header.wellFormed)
            continue;
        if (header.is("content-type")) {
            m_contentType = header.value.toByteArray();
        } else if (header.is("content-length")) {
            contentLength = HttpHeadLines::toLongLong(header.value, &ok);
            if (!ok || contentLength < 0)
                return false;
        } else if (header.is("transfer-encoding")) {
            chunked = header.valueContains(QLatin1StringView("chunked"));
        } else if (header.is("connection")) {
            if (header.valueContains(QLatin1StringView("close")))
                m_keepAlive = false;
            else if (header.valueContains(QLatin1StringView("keep-alive")))
                m_keepAlive = true;
        }
    }
    if (m_status < 200) {
        m_state = State::Head; // an interim response: the real one follows
    } else if (m_headRequest || m_status == 204 || m_status == 304) {
        m_state = State::Done;
    } else if (chunked) {
        m_state = State::ChunkSize;
    } else if (contentLength >= 0) {
        m_remaining = contentLength;
        m_state = contentLength == 0 ? State::Done : State::FixedBody;
    } else {
        m_state = State::UntilClose;
        m_keepAlive = false;
    }
    return true;
}

HttpResponseParser::Event HttpResponseParser::feed(QByteArrayView bytes, QByteArray& body)
{
    if (m_state == State::Failed)
        return Event::Error;
    m_buffer.append(bytes);
    while (true) {
        switch (m_state) {
        case State::Head: {
            const qsizetype end = HttpHeadLines::headEnd(m_buffer);
            if (end < 0) {
                if (m_buffer.size() > kMaxHeadBytes)
                    return fail(QStringLiteral("response headers too large"));
                return Event::NeedMore;
            }
            const bool parsed = parseHead(QByteArrayView(m_buffer).first(end - 4));
            m_buffer.remove(0, end);
            if (!parsed)
                return fail(QStringLiteral("not an HTTP response"));
            if (m_status >= 200 && !m_headReported) {
                m_headReported = true;
                return Event::Head;
            }
            break;
        }
        case State::FixedBody:
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_remaining, m_buffer.size());
            body.append(m_buffer.constData(), take);
            m_buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining > 0)
                return Event::NeedMore;
            m_state = m_state == State::FixedBody ? State::Done : State::ChunkDataEnd;
            break;
        }
        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::Trailers: {
            const qsizetype end = m_buffer.indexOf('\n');
            if (end < 0) {
                if (m_buffer.size() > kMaxChunkLine)
                    return fail(QStringLiteral("malformed chunked body"));
                return Event::NeedMore;
            }
            const QByteArray line = m_buffer.left(end).trimmed();
            m_buffer.remove(0, end + 1);
            if (m_state == State::ChunkDataEnd) {
                if (!line.isEmpty())
                    return fail(QStringLiteral("malformed chunked body"));
                m_state = State::ChunkSize;
            } else if (m_state == State::ChunkSize) {
                bool ok = false;
                m_remaining = line.split(';').constFirst().trimmed().toLongLong(&ok, 16);
                if (!ok || m_remaining < 0)
                    return fail(QStringLiteral("malformed chunk size"));
                m_state = m_remaining == 0 ? State::Trailers : State::ChunkData;
            } else if (line.isEmpty()) {
                m_state = State::Done;
            }
            break;
        }
        case State::UntilClose:
            body.append(m_buffer);
            m_buffer.clear();
            return Event::NeedMore;
        case State::Done:
            if (!m_buffer.isEmpty())
                m_keepAlive = false; // bytes nobody asked for: do not reuse this connection
            return Event::Complete;
        case State::Failed:
            return Event::Error;
        }
    }
}

HttpResponseParser::Event HttpResponseParser::finishOnClose()
{
    if (m_state == State::UntilClose || m_state == State::Done) {
        m_state = State::Done;
        m_keepAlive = false;
        return Event::Complete;
    }
    return fail(m_state == State::Head && m_buffer.isEmpty() && !m_headReported
                    ? QStringLiteral("connection closed before a response")
                    : QStringLiteral("connection closed mid-response"));
}

} // namespace llamagate
