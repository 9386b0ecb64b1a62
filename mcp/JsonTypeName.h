#pragma once

#include <QJsonValue>
#include <QString>

namespace mcp {

/// The kind of a JSON value as it reads in an error message: "a string", "an array", "null", … (shared with the
/// gateway's request checks, which sit on top of this library).
QString jsonTypeName(const QJsonValue& value);

} // namespace mcp
