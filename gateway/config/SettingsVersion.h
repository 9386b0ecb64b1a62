#pragma once

#include <QString>

class QSettings;

namespace llamagate {

/// The format version of the saved settings file (`meta/version`), so that a later LlamaGate can tell what wrote a
/// file and upgrade it. Every writer stamps it; files from before the key existed hold the same keys as version 1.
class SettingsVersion
{
public:
    static constexpr int current = 1;
    static constexpr const char* key = "meta/version";

    /// Stamps the current version into settings about to be saved, unless a newer LlamaGate wrote them.
    static void stamp(QSettings& settings);
    /// At start: brings settings written by an earlier version up to this one and saves them. Returns a warning for
    /// settings from a newer LlamaGate (they are read as far as this version understands them, and left as they are).
    static QString upgrade(QSettings& settings);
};

} // namespace llamagate
