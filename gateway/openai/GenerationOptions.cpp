#include "gateway/openai/GenerationOptions.h"

#include "gateway/openai/NativeExtensions.h"
#include "gateway/openai/RequestFields.h"

#include <QJsonArray>

namespace llamagate {

namespace {

using Kind = RequestFields::Kind;

std::optional<ApiError> mapModelAndStream(const QJsonObject& request, NativeRequest& native)
{
    const Result<QString> model = RequestFields::model(request);
    if (!model.ok())
        return model.error();
    native.model = model.value();
    native.body.insert(QStringLiteral("model"), native.model);

    const QJsonValue stream = request.value(QStringLiteral("stream"));
    if (auto error = RequestFields::check(stream, Kind::Bool, QStringLiteral("stream")))
        return error;
    native.stream = stream.toBool(false);
    native.body.insert(QStringLiteral("stream"), native.stream);

    const QJsonValue streamOptions = request.value(QStringLiteral("stream_options"));
    if (auto error = RequestFields::check(streamOptions, Kind::Object, QStringLiteral("stream_options")))
        return error;
    const QJsonValue includeUsage = streamOptions.toObject().value(QStringLiteral("include_usage"));
    if (auto error = RequestFields::check(includeUsage, Kind::Bool, QStringLiteral("stream_options.include_usage")))
        return error;
    native.includeUsage = native.stream && includeUsage.toBool(false);
    return std::nullopt;
}

std::optional<ApiError> checkSingleChoice(const QJsonObject& request)
{
    for (const QString& name : {QStringLiteral("n"), QStringLiteral("best_of")}) {
        const QJsonValue value = request.value(name);
        if (auto error = RequestFields::check(value, Kind::Integer, name))
            return error;
        if (RequestFields::isSet(value) && value.toInteger() > 1)
            return ApiError::invalidRequest(
                QStringLiteral("%1>1 is not supported: LlamaGate returns one choice").arg(name), name);
        if (RequestFields::isSet(value) && value.toInteger() < 1)
            return ApiError::invalidRequest(QStringLiteral("'%1' must be 1").arg(name), name);
    }
    return std::nullopt;
}

std::optional<ApiError> mapStop(const QJsonValue& stop, QJsonObject& options)
{
    const QString param = QStringLiteral("stop");
    if (!RequestFields::isSet(stop))
        return std::nullopt;
    if (stop.isString()) {
        options.insert(param, QJsonArray{stop});
        return std::nullopt;
    }
    if (!stop.isArray())
        return ApiError::invalidRequest(
            QStringLiteral("Invalid type for 'stop': expected a string or an array of strings"), param);
    const QJsonArray items = stop.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString())
            return RequestFields::wrongType(items.at(i), Kind::String, QStringLiteral("stop[%1]").arg(i));
    }
    if (!items.isEmpty())
        options.insert(param, items);
    return std::nullopt;
}

/// Sampling and limit fields into `options`; these win over the same keys in the client's own `options`.
std::optional<ApiError> mapSampling(const QJsonObject& request, QJsonObject& options)
{
    struct Field
    {
        QString name;
        Kind kind;
    };
    const Field fields[] = {{QStringLiteral("temperature"), Kind::Number},
                            {QStringLiteral("top_p"), Kind::Number},
                            {QStringLiteral("seed"), Kind::Integer},
                            {QStringLiteral("frequency_penalty"), Kind::Number},
                            {QStringLiteral("presence_penalty"), Kind::Number}};
    for (const Field& field : fields) {
        const QJsonValue value = request.value(field.name);
        if (auto error = RequestFields::check(value, field.kind, field.name))
            return error;
        if (RequestFields::isSet(value))
            options.insert(field.name, value);
    }
    if (auto error = mapStop(request.value(QStringLiteral("stop")), options))
        return error;

    // max_completion_tokens is the current name; max_tokens the deprecated one, used only without it.
    for (const QString& name : {QStringLiteral("max_tokens"), QStringLiteral("max_completion_tokens")}) {
        const QJsonValue value = request.value(name);
        if (auto error = RequestFields::check(value, Kind::Integer, name))
            return error;
        if (RequestFields::isSet(value))
            options.insert(QStringLiteral("num_predict"), value.toInteger());
    }
    return std::nullopt;
}

std::optional<ApiError> mapResponseFormat(const QJsonValue& responseFormat, QJsonObject& body)
{
    if (auto error = RequestFields::check(responseFormat, Kind::Object, QStringLiteral("response_format")))
        return error;
    if (!RequestFields::isSet(responseFormat))
        return std::nullopt;
    const QJsonObject format = responseFormat.toObject();
    const QJsonValue type = format.value(QStringLiteral("type"));
    if (auto error = RequestFields::check(type, Kind::String, QStringLiteral("response_format.type")))
        return error;
    const QString typeName = type.toString();
    if (typeName == u"text")
        return std::nullopt;
    if (typeName == u"json_object") {
        body.insert(QStringLiteral("format"), QStringLiteral("json"));
        return std::nullopt;
    }
    if (typeName == u"json_schema") {
        const QJsonValue jsonSchema = format.value(QStringLiteral("json_schema"));
        if (auto error = RequestFields::check(jsonSchema, Kind::Object, QStringLiteral("response_format.json_schema")))
            return error;
        const QJsonValue schema = jsonSchema.toObject().value(QStringLiteral("schema"));
        const QString param = QStringLiteral("response_format.json_schema.schema");
        if (!schema.isObject())
            return ApiError::invalidRequest(QStringLiteral("'%1' must be a JSON schema object").arg(param), param);
        body.insert(QStringLiteral("format"), schema);
        return std::nullopt;
    }
    return ApiError::invalidRequest(
        QStringLiteral("Unsupported response_format type '%1': use text, json_object or json_schema").arg(typeName),
        QStringLiteral("response_format.type"));
}

std::optional<ApiError> thinkFromEffort(const QJsonValue& effort, const QString& param, QJsonObject& body)
{
    if (auto error = RequestFields::check(effort, Kind::String, param))
        return error;
    if (!RequestFields::isSet(effort))
        return std::nullopt;
    const QString level = effort.toString();
    QJsonValue think;
    if (level == u"none")
        think = false;
    else if (level == u"minimal")
        think = QStringLiteral("low");
    else if (level == u"low" || level == u"medium" || level == u"high")
        think = level;
    else if (level == u"xhigh")
        think = QStringLiteral("max");
    else
        return ApiError::invalidRequest(
            QStringLiteral("Unsupported value for '%1': '%2' (none, minimal, low, medium, high, xhigh)")
                .arg(param, level),
            param);
    body.insert(QStringLiteral("think"), think);
    return std::nullopt;
}

/// reasoning_effort wins over reasoning.effort, and both over the native `think` extension.
std::optional<ApiError> mapReasoning(const QJsonObject& request, QJsonObject& body)
{
    const QJsonValue reasoning = request.value(QStringLiteral("reasoning"));
    if (auto error = RequestFields::check(reasoning, Kind::Object, QStringLiteral("reasoning")))
        return error;
    if (auto error = thinkFromEffort(
            reasoning.toObject().value(QStringLiteral("effort")), QStringLiteral("reasoning.effort"), body))
        return error;
    return thinkFromEffort(request.value(QStringLiteral("reasoning_effort")), QStringLiteral("reasoning_effort"), body);
}

/// True when the request holds nothing but `model`, `stream` and the endpoint's own fields: then none of the optional
/// fields below is there to be looked up (most requests).
bool holdsOnly(const QJsonObject& request, std::initializer_list<QLatin1StringView> ownFields)
{
    qsizetype held = request.contains(QLatin1StringView("model")) + request.contains(QLatin1StringView("stream"));
    for (const QLatin1StringView field : ownFields)
        held += request.contains(field);
    return held == request.size();
}

} // namespace

Result<NativeRequest> GenerationOptions::map(const QJsonObject& request,
                                             std::initializer_list<QLatin1StringView> ownFields)
{
    NativeRequest native;
    if (auto error = mapModelAndStream(request, native))
        return *error;
    if (holdsOnly(request, ownFields))
        return native;
    if (auto error = checkSingleChoice(request))
        return *error;
    if (auto error = NativeExtensions::forward(request, native.body, NativeExtensions::Think::Forward))
        return *error;
    // The client's own `options` first; the OpenAI fields mapped below win on the same key.
    QJsonObject options = native.body.take(QStringLiteral("options")).toObject();
    if (auto error = mapSampling(request, options))
        return *error;
    if (auto error = mapResponseFormat(request.value(QStringLiteral("response_format")), native.body))
        return *error;
    if (auto error = mapReasoning(request, native.body))
        return *error;
    if (!options.isEmpty())
        native.body.insert(QStringLiteral("options"), options);
    return native;
}

} // namespace llamagate
