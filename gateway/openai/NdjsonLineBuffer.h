#pragma once

#include "gateway/openai/ApiError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace llamagate {

/// Cuts a native NDJSON body that arrives in arbitrary chunks into complete lines (without "\n" or "\r\n";
/// blank lines skipped). A line longer than the cap is an error, and the buffer stays failed.
class NdjsonLineBuffer
{
public:
    static constexpr qsizetype defaultMaxLineBytes = 16 * 1024 * 1024;

    explicit NdjsonLineBuffer(qsizetype maxLineBytes = defaultMaxLineBytes);

    /// The lines completed by `bytes`.
    Result<QList<QByteArray>> feed(const QByteArray& bytes);
    /// End of the body: the last line if it had no newline (empty list if none).
    Result<QList<QByteArray>> finish();

    /// One line as a JSON object; a 502 api_error when it is not one.
    static Result<QJsonObject> parse(const QByteArray& line);

private:
    void take(QByteArray line, QList<QByteArray>& lines) const;
    ApiError tooLong() const;

    QByteArray m_pending;
    qsizetype m_maxLineBytes;
    bool m_failed = false;
};

} // namespace llamagate
