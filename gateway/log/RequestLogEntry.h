#pragma once

#include "gateway/log/LogFields.h"
#include <QDateTime>

#include <QMetaType>
#include <QString>

#include <array>

namespace llamagate {

/// What the gateway records about one request: the JSON log line and the control panel's live log row.
struct RequestLogEntry
{
    QDateTime time;
    QString requestId;
    QString method;
    QString path;
    int status = 0;
    qint64 latencyMs = 0;
    QString ip;
    LogFields extra; ///< model, stream, cache, tokens, key, error … when they exist

    /// The fields of its log line: `extra` and the others (not the time, level or message).
    LogFields lineFields() const;
    /// The others alone, sorted by name and borrowed from this entry: written among `extra` without copying it.
    std::array<LogField, 6> ownFields() const;
    /// The log line's fields with its message, as an object (for showing one entry).
    QJsonObject toJson() const;
};

} // namespace llamagate

Q_DECLARE_METATYPE(llamagate::RequestLogEntry)
