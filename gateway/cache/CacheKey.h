#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace llamagate {

class JsonMembers;

/// The response cache's key of one request: SHA-256 (hex) of the canonical JSON of the endpoint and the translated
/// native body — everything that changes the answer, already normalized by the translators — without the fields
/// that only change how or when it is delivered (`stream`, `keep_alive`). `stream_options` and `user` never reach
/// the native body.
class CacheKey
{
public:
    /// `answerShape`: choices that change the OpenAI answer but are not sent to Ollama (embeddings'
    /// encoding_format); empty for chat and completions.
    /// `nativeBody`: the members as written for Ollama (not serialized again).
    static QByteArray of(const QString& endpoint, const JsonMembers& nativeBody, const QJsonObject& answerShape = {});
    /// What is hashed: compact JSON with every object's keys sorted.
    static QByteArray
    canonicalJson(const QString& endpoint, const JsonMembers& nativeBody, const QJsonObject& answerShape = {});
};

} // namespace llamagate
