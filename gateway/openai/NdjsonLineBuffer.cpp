#include "gateway/openai/NdjsonLineBuffer.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace llamagate {

NdjsonLineBuffer::NdjsonLineBuffer(qsizetype maxLineBytes) : m_maxLineBytes(maxLineBytes) {}

Result<QList<QByteArray>> NdjsonLineBuffer::feed(const QByteArray& bytes)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (!m_failed && start < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const qsizetype end = newline < 0 ? bytes.size() : newline;
        m_pending.append(bytes.constData() + start, end - start);
        // The cap counts the line without its terminator, so a "\r" before "\n" is allowed on top.
        const qsizetype length = m_pending.size() - (m_pending.endsWith('\r') ? 1 : 0);
        m_failed = length > m_maxLineBytes;
        if (newline >= 0 && !m_failed)
            take(std::exchange(m_pending, {}), lines);
        start = end + 1;
    }
    if (m_failed) {
        m_pending.clear();
        return tooLong();
    }
    return lines;
}

Result<QList<QByteArray>> NdjsonLineBuffer::finish()
{
    if (m_failed)
        return tooLong();
    QList<QByteArray> lines;
    take(std::exchange(m_pending, {}), lines);
    return lines;
}

Result<QJsonObject> NdjsonLineBuffer::parse(const QByteArray& line)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (document.isObject())
        return document.object();
    ApiError error = ApiError::upstreamError(502,
                                             QStringLiteral("Ollama sent a stream line that is not a JSON object: %1")
                                                 .arg(parseError.error == QJsonParseError::NoError
                                                          ? QStringLiteral("another JSON type")
                                                          : parseError.errorString()));
    error.code = QStringLiteral("upstream_invalid_response");
    return error;
}

void NdjsonLineBuffer::take(QByteArray line, QList<QByteArray>& lines) const
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (!line.trimmed().isEmpty())
        lines.append(std::move(line));
}

ApiError NdjsonLineBuffer::tooLong() const
{
    ApiError error = ApiError::upstreamError(
        502, QStringLiteral("Ollama sent a stream line longer than the limit of %1 bytes").arg(m_maxLineBytes));
    error.code = QStringLiteral("upstream_line_too_long");
    return error;
}

} // namespace llamagate
