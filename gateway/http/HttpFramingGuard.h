#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace llamagate {

/// Follows the raw byte stream of one HTTP/1.1 connection and spots requests that break the size limits, before
/// QtHttpServer (which buffers whole requests without any cap) gets to read them.
class HttpFramingGuard
{
public:
    struct Limits
    {
        qint64 maxHeaderBytes = 32 * 1024; ///< request line + headers
        int maxHeaderCount = 100;
        qint64 maxBodyBytes = 32 * 1024 * 1024;
    };

    enum class Verdict
    {
        Ok,
        HeadersTooLarge,
        TooManyHeaders,
        BodyTooLarge,
        Malformed
    };
    enum class Phase
    {
        Idle,
        Headers,
        Body
    };

    explicit HttpFramingGuard(const Limits& limits);

    /// Feeds the next bytes of the stream; the first violation sticks.
    Verdict feed(QByteArrayView bytes);

    /// Current position: between requests, inside a request's headers, or inside its body.
    Phase phase() const;
    /// True once after the headers of a request that asked for `Expect: 100-continue` were accepted.
    bool takeContinueRequest();
    /// Requests whose last byte has been seen.
    int completedRequests() const { return m_completed; }

private:
    enum class State
    {
        Idle,
        Headers,
        FixedBody,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers
    };

    Verdict fail(Verdict verdict);
    Verdict acceptHeaders(QByteArrayView head);
    void finishRequest();

    Limits m_limits;
    State m_state = State::Idle;
    Verdict m_verdict = Verdict::Ok;
    QByteArray m_line;      ///< header block, chunk-size line or trailer line being collected
    qint64 m_remaining = 0; ///< body or chunk bytes still expected
    qint64 m_bodyBytes = 0; ///< body bytes of the current request so far
    int m_trailerLines = 0;
    bool m_continueRequested = false;
    int m_completed = 0;
};

} // namespace llamagate
