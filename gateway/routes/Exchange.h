#pragma once

#include "gateway/http/HttpRequest.h"
#include "gateway/http/HttpResponder.h"
#include "gateway/log/LogFields.h"

#include <QPointer>

#include <memory>

namespace llamagate {

/// One request on its way through the gateway: the request, where its answer goes, and the extra fields its
/// log line will carry (model, stream, tokens, …). Shared by the callbacks that serve it.
struct Exchange
{
    HttpRequest request;
    QPointer<HttpResponder> responder; ///< null once the response is finished or the client is gone
    QString route;                     ///< the matched route pattern; empty for 404/405
    LogFields logFields;

    /// The responder if the client can still be answered, else null.
    HttpResponder* live() const { return responder && !responder->isFinished() ? responder.data() : nullptr; }
};

using ExchangePtr = std::shared_ptr<Exchange>;

} // namespace llamagate
