#include "gateway/openai/EmbeddingsTranslator.h"

#include "gateway/json/CompactJson.h"
#include "gateway/openai/NativeExtensions.h"
#include "gateway/openai/RequestFields.h"

#include <QJsonArray>
#include <QtEndian>

namespace llamagate {

namespace {

using Kind = RequestFields::Kind;

std::optional<ApiError> mapInput(JsonRef input, JsonMembers& body)
{
    const QString param = QStringLiteral("input");
    if (!RequestFields::isSet(input))
        return ApiError::invalidRequest(QStringLiteral("'input' is required"), param);
    if (input.isString()) {
        if (input.source().size() == 2) // ""
            return ApiError::invalidRequest(QStringLiteral("'input' must not be empty"), param);
        body.insert(QLatin1StringView("input"), [input](QByteArray& out) { input.appendCompact(out); });
        return std::nullopt;
    }
    if (!input.isArray())
        return ApiError::invalidRequest(
            QStringLiteral("Invalid type for 'input': expected a string or an array of strings"), param);
    if (input.size() == 0)
        return ApiError::invalidRequest(QStringLiteral("'input' must not be empty"), param);
    qsizetype i = 0;
    for (const JsonRef item : input) {
        if (item.isDouble() || item.isArray())
            return ApiError::invalidRequest(QStringLiteral("Token arrays are not supported in 'input': send text"),
                                            param);
        if (!item.isString())
            return RequestFields::wrongType(item, Kind::String, QStringLiteral("input[%1]").arg(i));
        ++i;
    }
    body.insert(QLatin1StringView("input"), [input](QByteArray& out) { input.appendCompact(out); });
    return std::nullopt;
}

std::optional<ApiError> mapOptions(JsonRef request, NativeEmbedRequest& native)
{
    const JsonRef dimensions = request.value(QLatin1StringView("dimensions"));
    if (auto error = RequestFields::check(dimensions, Kind::Integer, QStringLiteral("dimensions")))
        return error;
    if (RequestFields::isSet(dimensions) && dimensions.toInteger() < 1)
        return ApiError::invalidRequest(QStringLiteral("'dimensions' must be at least 1"),
                                        QStringLiteral("dimensions"));
    if (RequestFields::isSet(dimensions))
        native.body.insert(QLatin1StringView("dimensions"), [dimensions](QByteArray& out) {
            CompactJson::appendInteger(out, dimensions.toInteger()); // as QJsonDocument writes a qint64, however large
        });

    const JsonRef encoding = request.value(QLatin1StringView("encoding_format"));
    if (auto error = RequestFields::check(encoding, Kind::String, QStringLiteral("encoding_format")))
        return error;
    native.base64 = encoding.equals(QLatin1StringView("base64"));
    if (encoding.isString() && !native.base64 && !encoding.equals(QLatin1StringView("float")))
        return ApiError::invalidRequest(
            QStringLiteral("Unsupported encoding_format '%1': use float or base64").arg(encoding.toString()),
            QStringLiteral("encoding_format"));

    return NativeExtensions::forward(request, native.body, NativeExtensions::Think::Drop);
}

QString base64Floats(const QJsonArray& vector)
{
    QByteArray bytes(vector.size() * qsizetype(sizeof(float)), Qt::Uninitialized);
    for (qsizetype i = 0; i < vector.size(); ++i)
        qToLittleEndian(float(vector.at(i).toDouble()), bytes.data() + i * qsizetype(sizeof(float)));
    return QString::fromLatin1(bytes.toBase64());
}

} // namespace

Result<NativeEmbedRequest> EmbeddingsTranslator::translateRequest(const JsonTree& body)
{
    const JsonRef request = body.root();
    NativeEmbedRequest native;
    const JsonRef modelValue = request.value(QLatin1StringView("model"));
    const Result<QString> model = RequestFields::model(modelValue);
    if (!model.ok())
        return model.error();
    native.model = model.value();
    native.body.reserve(request.source().size() + 8); // the client's fields and the members' commas
    native.body.insert(QLatin1StringView("model"), [modelValue](QByteArray& out) { modelValue.appendCompact(out); });
    if (auto error = mapInput(request.value(QLatin1StringView("input")), native.body))
        return *error;
    if (auto error = mapOptions(request, native))
        return *error;
    return native;
}

QJsonObject EmbeddingsTranslator::translateResponse(const QJsonObject& reply, bool base64)
{
    QJsonArray data;
    const QJsonArray embeddings = reply.value(QStringLiteral("embeddings")).toArray();
    for (qsizetype i = 0; i < embeddings.size(); ++i) {
        const QJsonArray vector = embeddings.at(i).toArray();
        data.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("embedding")},
                                {QStringLiteral("embedding"), base64 ? QJsonValue(base64Floats(vector)) : vector},
                                {QStringLiteral("index"), i}});
    }
    const qint64 tokens = reply.value(QStringLiteral("prompt_eval_count")).toInteger();
    return QJsonObject{
        {QStringLiteral("object"), QStringLiteral("list")},
        {QStringLiteral("data"), data},
        {QStringLiteral("model"), reply.value(QStringLiteral("model")).toString()},
        {QStringLiteral("usage"),
         QJsonObject{{QStringLiteral("prompt_tokens"), tokens}, {QStringLiteral("total_tokens"), tokens}}}};
}

} // namespace llamagate
