#include "gateway/openai/EmbeddingsTranslator.h"

#include "gateway/openai/NativeExtensions.h"
#include "gateway/openai/RequestFields.h"

#include <QJsonArray>
#include <QtEndian>

namespace llamagate {

namespace {

using Kind = RequestFields::Kind;

std::optional<ApiError> mapInput(const QJsonValue& input, QJsonObject& body)
{
    const QString param = QStringLiteral("input");
    if (!RequestFields::isSet(input))
        return ApiError::invalidRequest(QStringLiteral("'input' is required"), param);
    if (input.isString()) {
        if (input.toString().isEmpty())
            return ApiError::invalidRequest(QStringLiteral("'input' must not be empty"), param);
        body.insert(param, input);
        return std::nullopt;
    }
    if (!input.isArray())
        return ApiError::invalidRequest(
            QStringLiteral("Invalid type for 'input': expected a string or an array of strings"), param);
    const QJsonArray items = input.toArray();
    if (items.isEmpty())
        return ApiError::invalidRequest(QStringLiteral("'input' must not be empty"), param);
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items.at(i).isDouble() || items.at(i).isArray())
            return ApiError::invalidRequest(QStringLiteral("Token arrays are not supported in 'input': send text"),
                                            param);
        if (!items.at(i).isString())
            return RequestFields::wrongType(items.at(i), Kind::String, QStringLiteral("input[%1]").arg(i));
    }
    body.insert(param, items);
    return std::nullopt;
}

std::optional<ApiError> mapOptions(const QJsonObject& request, NativeEmbedRequest& native)
{
    const QJsonValue dimensions = request.value(QStringLiteral("dimensions"));
    if (auto error = RequestFields::check(dimensions, Kind::Integer, QStringLiteral("dimensions")))
        return error;
    if (RequestFields::isSet(dimensions) && dimensions.toInteger() < 1)
        return ApiError::invalidRequest(QStringLiteral("'dimensions' must be at least 1"),
                                        QStringLiteral("dimensions"));
    if (RequestFields::isSet(dimensions))
        native.body.insert(QStringLiteral("dimensions"), dimensions.toInteger());

    const QJsonValue encoding = request.value(QStringLiteral("encoding_format"));
    if (auto error = RequestFields::check(encoding, Kind::String, QStringLiteral("encoding_format")))
        return error;
    const QString format = encoding.toString(QStringLiteral("float"));
    if (format != u"float" && format != u"base64")
        return ApiError::invalidRequest(
            QStringLiteral("Unsupported encoding_format '%1': use float or base64").arg(format),
            QStringLiteral("encoding_format"));
    native.base64 = format == u"base64";

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

Result<NativeEmbedRequest> EmbeddingsTranslator::translateRequest(const QJsonObject& request)
{
    NativeEmbedRequest native;
    const Result<QString> model = RequestFields::model(request);
    if (!model.ok())
        return model.error();
    native.model = model.value();
    native.body.insert(QStringLiteral("model"), native.model);
    if (auto error = mapInput(request.value(QStringLiteral("input")), native.body))
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
