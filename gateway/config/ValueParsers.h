#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace llamagate {

/// Parsers for the textual forms settings accept: durations, byte sizes, booleans, lists.
namespace ValueParsers {

/// "1500ms", "30s", "5m", "1h", "1m30s", "1.5s" → milliseconds. A unit is required.
std::optional<qint64> parseDuration(const QString& text);
/// "1048576", "512KB", "64MB", "1GB" (binary multiples, also K/M/G/KiB/MiB/GiB) → bytes.
std::optional<qint64> parseSize(const QString& text);
/// true/false, 1/0, yes/no, on/off (any case).
std::optional<bool> parseBool(const QString& text);
/// "a, b,,c" → {"a","b","c"}.
QStringList parseList(const QString& text);

/// Milliseconds back to the shortest exact text ("90s" → "1m30s").
QString formatDuration(qint64 milliseconds);
/// Bytes back to the shortest exact text ("1048576" → "1MB").
QString formatSize(qint64 bytes);

} // namespace ValueParsers
} // namespace llamagate
