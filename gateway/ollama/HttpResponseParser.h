#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace llamagate {

/// Parses one HTTP/1.1 response as its bytes arrive: the status line and headers, then the body delimited by
/// Content-Length, chunked encoding, or the end of the connection. Interim 1xx responses are skipped.
class HttpResponseParser
{
public:
    enum class Event
    {
        NeedMore,
        Head,
        Complete,
        Error
    };

    /// Feeds bytes. Body bytes found are appended to `body`. Returns Head once when the headers are complete (call
    /// again with no new bytes to go on), Complete when the body ends, Error on bytes that are not HTTP.
    Event feed(QByteArrayView bytes, QByteArray& body);
    /// The connection closed: completes a body delimited by the close; anything else is cut off (Error).
    Event finishOnClose();

    /// Sets that the request was HEAD (no body whatever the headers say).
    void setHeadRequest(bool head) { m_headRequest = head; }

    int status() const { return m_status; }
    QByteArray contentType() const { return m_contentType; }
    /// The connection may carry another request after this response.
    bool keepAlive() const { return m_keepAlive; }
    QString error() const { return m_error; }

private:
    enum class State
    {
        Head,
        FixedBody,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        UntilClose,
        Done,
        Failed
    };

    Event fail(const QString& why);
    bool parseHead(QByteArrayView head);

    State m_state = State::Head;
    QByteArray m_buffer; ///< unconsumed bytes (head, chunk lines)
    qint64 m_remaining = 0;
    int m_status = 0;
    QByteArray m_contentType;
    bool m_keepAlive = true;
    bool m_headRequest = false;
    bool m_headReported = false;
    QString m_error;
};

} // namespace llamagate
