#pragma once

#include "gateway/openai/AnswerJson.h"

#include <QByteArray>

#include <optional>

namespace llamagate {

class ResponseCache;
struct HttpRequest;

/// One request's use of the response cache: its key and what its `Cache-Control` allows. `no-cache` skips the
/// lookup but stores the fresh answer (it replaces the stored one); `no-store` skips both.
class CacheLookup
{
public:
    /// `cache` is null when caching is off (then nothing is read or stored).
    CacheLookup(ResponseCache* cache, const HttpRequest& request, QByteArray key);

    /// The stored answer, when the request may use one (a hit is counted).
    std::optional<AnswerJson> find() const;
    /// The request goes upstream: counts a miss if the cache was looked at.
    void countMiss() const;
    /// Stores a complete answer, when the request allows it.
    void store(const AnswerJson& answer) const;

    /// The `X-Cache` value of an answer that did not come from the cache: MISS, or BYPASS when the cache is off or
    /// the request's Cache-Control skipped it. (An answer from the cache says HIT.)
    QByteArray uncachedLabel() const { return m_read ? QByteArrayLiteral("MISS") : QByteArrayLiteral("BYPASS"); }

private:
    ResponseCache* m_cache;
    QByteArray m_key;
    bool m_read = false;
    bool m_write = false;
};

} // namespace llamagate
