#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <array>
#include <utility>

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
    QJsonObject extra; ///< model, stream, cache, tokens, key, error … when they exist

    /// The fields other than `extra` (and the message), in the order of their names.
    std::array<std::pair<QStringView, QJsonValue>, 6> namedFields() const;
    /// The log line's fields (without the level), in a stable order of keys.
    QJsonObject toJson() const;
};

} // namespace llamagate

Q_DECLARE_METATYPE(llamagate::RequestLogEntry)
