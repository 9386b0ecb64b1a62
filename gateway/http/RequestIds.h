#pragma once

#include <QString>

namespace llamagate {

/// Fresh request ids: random UUIDs (version 4) from Qt's fast generator, which the system's secure source seeds.
/// Unique, not secret, and cheap: QUuid::createUuid() reads the system source (RDRAND), 1–8 µs per id on this
/// project's virtual machines, depending on their load.
class RequestIds
{
public:
    static QString make();
};

} // namespace llamagate
