#pragma once

#include <QString>

namespace llamagate {

/// Unique ids for answers and generated tool calls: a prefix plus 24 random alphanumerics (~142 bits) from the
/// system's secure random source.
class ResponseIds
{
public:
    static QString chatCompletion() { return make(QStringLiteral("chatcmpl-")); }
    static QString completion() { return make(QStringLiteral("cmpl-")); }
    static QString toolCall() { return make(QStringLiteral("call_")); }

private:
    static QString make(const QString& prefix);
};

} // namespace llamagate
