#include "gateway/cache/CacheLookup.h"

#include "gateway/cache/ResponseCache.h"
#include "gateway/http/HttpRequest.h"

namespace llamagate {

CacheLookup::CacheLookup(ResponseCache* cache, const HttpRequest& request, QByteArray key)
    : m_cache(cache), m_key(std::move(key))
{
    if (!m_cache)
        return;
    bool noCache = false;
    bool noStore = false;
    for (const QByteArray& directive : request.header("cache-control").split(',')) {
        const QByteArray name = directive.trimmed().toLower();
        noCache = noCache || name == "no-cache";
        noStore = noStore || name == "no-store";
    }
    m_read = !noCache && !noStore;
    m_write = !noStore;
}

std::optional<AnswerJson> CacheLookup::find() const
{
    return m_read ? m_cache->find(m_key) : std::nullopt;
}

void CacheLookup::countMiss() const
{
    if (m_read)
        m_cache->countMiss();
}

void CacheLookup::store(const AnswerJson& answer) const
{
    if (m_write)
        m_cache->insert(m_key, answer);
}

} // namespace llamagate
