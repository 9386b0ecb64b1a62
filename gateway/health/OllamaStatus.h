#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace llamagate {

/// What the gateway last learned about its Ollama server: reachable (with its version and models) or why not. A plain
/// value.
struct OllamaStatus
{
    enum class State
    {
        Unknown,
        Reachable,
        Unreachable
    };

    State state = State::Unknown;
    QString version;    ///< Ollama's version when reachable
    QString error;      ///< why not, when unreachable
    QStringList models; ///< the names of the models Ollama has (/api/tags), when reachable

    friend bool operator==(const OllamaStatus&, const OllamaStatus&) = default;
};

} // namespace llamagate

Q_DECLARE_METATYPE(llamagate::OllamaStatus)
