#pragma once

#include <QJsonObject>
#include <QString>

namespace llamagate {

/// Translates native model listings to OpenAI model objects: /api/tags → the `GET /v1/models` list,
/// /api/show → the `GET /v1/models/{id}` object.
class ModelsTranslator
{
public:
    /// {"object":"list","data":[…]}; `data` is `[]` when Ollama has no models (it sends null).
    static QJsonObject fromTags(const QJsonObject& tags);
    /// {"id","object":"model","created","owned_by"} for `id` from its /api/show reply.
    static QJsonObject fromShow(const QString& id, const QJsonObject& show);
    /// The namespace of "ns/name:tag" or "host/ns/name:tag", or "library" for plain names.
    static QString ownedBy(const QString& name);
};

} // namespace llamagate
