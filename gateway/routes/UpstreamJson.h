#pragma once

#include "gateway/routes/Exchange.h"

#include <QJsonObject>

#include <functional>

namespace llamagate {

class OllamaCall;

/// Waits for a collected Ollama call and hands its JSON object to `onSuccess`; answers the client with the right
/// OpenAI error envelope instead when Ollama is unreachable, too slow, answers an error, or answers garbage.
void whenUpstreamJson(OllamaCall* call, const ExchangePtr& exchange, std::function<void(const QJsonObject&)> onSuccess);

} // namespace llamagate
