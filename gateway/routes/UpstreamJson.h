#pragma once

#include "gateway/json/JsonTree.h"
#include "gateway/routes/Exchange.h"

#include <functional>

namespace llamagate {

class OllamaCall;

/// Waits for a collected Ollama call and hands its JSON object (read in place) to `onSuccess`; answers the client with the right
/// OpenAI error envelope instead when Ollama is unreachable, too slow, answers an error, or answers garbage.
void whenUpstreamJson(OllamaCall* call, const ExchangePtr& exchange, std::function<void(const JsonRef&)> onSuccess);

} // namespace llamagate
