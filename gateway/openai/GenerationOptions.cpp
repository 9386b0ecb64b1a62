#include "gateway/openai/GenerationOptions.h"

#include "gateway/json/CompactJson.h"
#include "gateway/openai/NativeExtensions.h"
#include "gateway/openai/RequestFields.h"

namespace llamagate {

namespace {

using Kind = RequestFields::Kind;

/// Appends a JSON string of ASCII `text` that needs no escapes.
void appendPlainString(QByteArray& out, QLatin1StringView text)
{
    out += '"';
    out += QByteArrayView(text.data(), text.size());
    out += '"';
}

std::optional<ApiError> mapModelAndStream(JsonRef request, NativeRequest& native)
{
    const JsonRef modelValue = request.value(QLatin1StringView("model"));
    const Result<QString> model = RequestFields::model(modelValue);
    if (!model.ok())
        return model.error();
    native.model = model.value();
    native.body.reserve(request.source().size() + 32); // the client's fields, `stream` and the members' commas
    native.body.insert(QLatin1StringView("model"), [modelValue](QByteArray& out) { modelValue.appendCompact(out); });

    const JsonRef stream = request.value(QLatin1StringView("stream"));
    if (auto error = RequestFields::check(stream, Kind::Bool, QStringLiteral("stream")))
        return error;
    native.stream = stream.toBool(false);
    native.body.insertJson(QLatin1StringView("stream"), native.stream ? "true" : "false");

    const JsonRef streamOptions = request.value(QLatin1StringView("stream_options"));
    if (auto error = RequestFields::check(streamOptions, Kind::Object, QStringLiteral("stream_options")))
        return error;
    const JsonRef includeUsage = streamOptions.value(QLatin1StringView("include_usage"));
    if (auto error = RequestFields::check(includeUsage, Kind::Bool, QStringLiteral("stream_options.include_usage")))
        return error;
    native.includeUsage = native.stream && includeUsage.toBool(false);
    return std::nullopt;
}

std::optional<ApiError> checkSingleChoice(JsonRef request)
{
    for (const QLatin1StringView name : {QLatin1StringView("n"), QLatin1StringView("best_of")}) {
        const JsonRef value = request.value(name);
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

std::optional<ApiError> mapStop(JsonRef stop, JsonMembers& options)
{
    const QLatin1StringView param("stop");
    if (!RequestFields::isSet(stop))
        return std::nullopt;
    if (stop.isString()) {
        options.insert(param, [stop](QByteArray& out) {
            out += '[';
            stop.appendCompact(out);
            out += ']';
        });
        return std::nullopt;
    }
    if (!stop.isArray())
        return ApiError::invalidRequest(
            QStringLiteral("Invalid type for 'stop': expected a string or an array of strings"), param);
    qsizetype i = 0;
    for (const JsonRef item : stop) {
        if (!item.isString())
            return RequestFields::wrongType(item, Kind::String, QStringLiteral("stop[%1]").arg(i));
        ++i;
    }
    if (stop.size() > 0)
        options.insert(param, [stop](QByteArray& out) { stop.appendCompact(out); });
    return std::nullopt;
}

/// Sampling and limit fields into `options`; these win over the same keys in the client's own `options`.
std::optional<ApiError> mapSampling(JsonRef request, JsonMembers& options)
{
    struct Field
    {
        QLatin1StringView name;
        Kind kind;
    };
    const Field fields[] = {{QLatin1StringView("temperature"), Kind::Number},
                            {QLatin1StringView("top_p"), Kind::Number},
                            {QLatin1StringView("seed"), Kind::Integer},
                            {QLatin1StringView("frequency_penalty"), Kind::Number},
                            {QLatin1StringView("presence_penalty"), Kind::Number}};
    for (const Field& field : fields) {
        const JsonRef value = request.value(field.name);
        if (auto error = RequestFields::check(value, field.kind, field.name))
            return error;
        if (RequestFields::isSet(value))
            options.insert(field.name, [value](QByteArray& out) { value.appendCompact(out); });
    }
    if (auto error = mapStop(request.value(QLatin1StringView("stop")), options))
        return error;

    // max_completion_tokens is the current name; max_tokens the deprecated one, used only without it.
    for (const QLatin1StringView name : {QLatin1StringView("max_tokens"), QLatin1StringView("max_completion_tokens")}) {
        const JsonRef value = request.value(name);
        if (auto error = RequestFields::check(value, Kind::Integer, name))
            return error;
        if (RequestFields::isSet(value))
            options.insert(QLatin1StringView("num_predict"), [value](QByteArray& out) {
                CompactJson::appendInteger(out, value.toInteger()); // as QJsonDocument writes a qint64, however large
            });
    }
    return std::nullopt;
}

/// The native `options`: the client's own, with the OpenAI fields of `sampling` winning on the same key; dropped
/// when empty.
void mergeOptions(JsonRef clientOptions, const JsonMembers& sampling, JsonMembers& body)
{
    const QLatin1StringView name("options");
    if (sampling.isEmpty()) {
        if (clientOptions.size() == 0)
            body.remove(name); // `options: {}` (or null) is not forwarded; a set one already is, as it is
        return;
    }
    if (clientOptions.size() == 0) {
        body.insert(name, [&sampling](QByteArray& out) {
            sampling.writeObject({}, [&out](QByteArrayView piece) { out += piece; });
        });
        return;
    }
    // Both (rare): merged in Qt's model, which orders any keys the client used.
    QJsonObject options = clientOptions.toJsonValue().toObject();
    const QJsonObject overrides = sampling.toJsonObject();
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        options.insert(it.key(), it.value());
    body.insert(name, [&options](QByteArray& out) { CompactJson::appendValue(out, options); });
}

std::optional<ApiError> mapResponseFormat(JsonRef format, JsonMembers& body)
{
    if (auto error = RequestFields::check(format, Kind::Object, QStringLiteral("response_format")))
        return error;
    if (!RequestFields::isSet(format))
        return std::nullopt;
    const JsonRef type = format.value(QLatin1StringView("type"));
    if (auto error = RequestFields::check(type, Kind::String, QStringLiteral("response_format.type")))
        return error;
    if (type.equals(QLatin1StringView("text")))
        return std::nullopt;
    if (type.equals(QLatin1StringView("json_object"))) {
        body.insertJson(QLatin1StringView("format"), "\"json\"");
        return std::nullopt;
    }
    if (type.equals(QLatin1StringView("json_schema"))) {
        const JsonRef jsonSchema = format.value(QLatin1StringView("json_schema"));
        if (auto error = RequestFields::check(jsonSchema, Kind::Object, QStringLiteral("response_format.json_schema")))
            return error;
        const JsonRef schema = jsonSchema.value(QLatin1StringView("schema"));
        const QString param = QStringLiteral("response_format.json_schema.schema");
        if (!schema.isObject())
            return ApiError::invalidRequest(QStringLiteral("'%1' must be a JSON schema object").arg(param), param);
        body.insert(QLatin1StringView("format"), [schema](QByteArray& out) { schema.appendCompact(out); });
        return std::nullopt;
    }
    return ApiError::invalidRequest(
        QStringLiteral("Unsupported response_format type '%1': use text, json_object or json_schema")
            .arg(type.toString()),
        QStringLiteral("response_format.type"));
}

std::optional<ApiError> thinkFromEffort(JsonRef effort, const QString& param, JsonMembers& body)
{
    if (auto error = RequestFields::check(effort, Kind::String, param))
        return error;
    if (!RequestFields::isSet(effort))
        return std::nullopt;
    // The native `think` of each effort level; none for `false`.
    static constexpr std::pair<QLatin1StringView, QLatin1StringView> levels[] = {
        {QLatin1StringView("none"), QLatin1StringView()},
        {QLatin1StringView("minimal"), QLatin1StringView("low")},
        {QLatin1StringView("low"), QLatin1StringView("low")},
        {QLatin1StringView("medium"), QLatin1StringView("medium")},
        {QLatin1StringView("high"), QLatin1StringView("high")},
        {QLatin1StringView("xhigh"), QLatin1StringView("max")}};
    for (const auto& [level, think] : levels) {
        if (!effort.equals(level))
            continue;
        body.insert(QLatin1StringView("think"), [think](QByteArray& out) {
            if (think.isNull())
                out += "false";
            else
                appendPlainString(out, think);
        });
        return std::nullopt;
    }
    return ApiError::invalidRequest(
        QStringLiteral("Unsupported value for '%1': '%2' (none, minimal, low, medium, high, xhigh)")
            .arg(param, effort.toString()),
        param);
}

/// reasoning_effort wins over reasoning.effort, and both over the native `think` extension.
std::optional<ApiError> mapReasoning(JsonRef request, JsonMembers& body)
{
    const JsonRef reasoning = request.value(QLatin1StringView("reasoning"));
    if (auto error = RequestFields::check(reasoning, Kind::Object, QStringLiteral("reasoning")))
        return error;
    if (auto error =
            thinkFromEffort(reasoning.value(QLatin1StringView("effort")), QStringLiteral("reasoning.effort"), body))
        return error;
    return thinkFromEffort(
        request.value(QLatin1StringView("reasoning_effort")), QStringLiteral("reasoning_effort"), body);
}

/// True when the request holds nothing but `model`, `stream` and the endpoint's own fields: then none of the optional
/// fields below is there to be looked up (most requests).
bool holdsOnly(JsonRef request, std::initializer_list<QLatin1StringView> ownFields)
{
    for (auto it = request.begin(); it != request.end(); ++it) {
        const JsonRef key = it.key();
        if (!key.equals(QLatin1StringView("model")) && !key.equals(QLatin1StringView("stream")) &&
            std::none_of(
                ownFields.begin(), ownFields.end(), [&key](QLatin1StringView field) { return key.equals(field); }))
            return false;
    }
    return true;
}

} // namespace

Result<NativeRequest> GenerationOptions::map(JsonRef request, std::initializer_list<QLatin1StringView> ownFields)
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
    JsonMembers sampling;
    if (auto error = mapSampling(request, sampling))
        return *error;
    if (auto error = mapResponseFormat(request.value(QLatin1StringView("response_format")), native.body))
        return *error;
    if (auto error = mapReasoning(request, native.body))
        return *error;
    mergeOptions(request.value(QLatin1StringView("options")), sampling, native.body);
    return native;
}

} // namespace llamagate
