#pragma once

#include <QString>

namespace llamagate {

/// Unique ids for answers and generated tool calls: a prefix plus 24 random alphanumerics (~142 bits) from Qt's fast
/// generator, which the system's secure source seeds. Ids are unique, not secrets; the system source itself (RDRAND)
/// takes 0.3–1.3 µs per value on this project's virtual machines, depending on their load, and an id needs 24.
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
