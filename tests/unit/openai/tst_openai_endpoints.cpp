#include "TestJson.h"

#include "gateway/openai/CompletionTranslator.h"
#include "gateway/openai/EmbeddingsTranslator.h"
#include "gateway/openai/ModelsTranslator.h"
#include "gateway/openai/NativeErrorTranslator.h"
#include "gateway/openai/NdjsonLineBuffer.h"
#include "gateway/openai/ResponseIds.h"

#include <QSet>
#include <QtTest>

using namespace llamagate;

/// /v1/completions, /v1/embeddings and /v1/models translation, native error answers, and response ids.
class OpenAiEndpointsTest : public QObject
{
    Q_OBJECT

private slots:
    void completionRequests_data();
    void completionRequests();
    void completionRequestErrors_data();
    void completionRequestErrors();
    void completionResponse_data();
    void completionResponse();
    void completionStreamFixture();
    void completionStreamWithUsage();
    void embeddingRequests_data();
    void embeddingRequests();
    void embeddingRequestErrors_data();
    void embeddingRequestErrors();
    void embeddingResponses_data();
    void embeddingResponses();
    void modelsFromTags_data();
    void modelsFromTags();
    void modelFromShow_data();
    void modelFromShow();
    void ownedBy_data();
    void ownedBy();
    void nativeErrors_data();
    void nativeErrors();
    void responseIds_data();
    void responseIds();
};

namespace {

QString mismatch(const QString& where, const QJsonValue& expected, const QJsonValue& actual)
{
    return QStringLiteral("at %1\nexpected %2\nactual   %3")
        .arg(where, testjson::compact(expected), testjson::compact(actual));
}

QJsonObject fixture(const char* reference)
{
    QString error;
    const QJsonObject object = testjson::load(QString::fromLatin1(reference), &error).toObject();
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return object;
}

QList<QJsonObject> fixtureLines(const char* reference)
{
    QString error;
    NdjsonLineBuffer buffer;
    const Result<QList<QByteArray>> lines = buffer.feed(testjson::readFile(QString::fromLatin1(reference), &error));
    QList<QJsonObject> objects;
    for (const QByteArray& line : lines.value())
        objects.append(NdjsonLineBuffer::parse(line).value());
    return objects;
}

} // namespace

void OpenAiEndpointsTest::completionRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("includeUsage");

    QTest::newRow("minimal: stream false explicit, nothing injected")
        << QByteArray(R"({"model":"m","prompt":"Once"})")
        << QByteArray(R"({"model":"m","prompt":"Once","stream":false})") << false << false;
    QTest::newRow("same option mapping as chat, suffix, one-element prompt array")
        << QByteArray(
               R"({"model":"m","prompt":["Once"],"suffix":"end","stream":true,"stream_options":{"include_usage":true},
                         "temperature":0.5,"top_p":0.8,"seed":1,"frequency_penalty":0.1,"presence_penalty":0.2,
                         "stop":"\n","max_tokens":16,"options":{"num_ctx":4096},"keep_alive":"1m","echo":false,
                         "best_of":1,"n":1,"logprobs":null,"user":"u"})")
        << QByteArray(R"({"model":"m","prompt":"Once","suffix":"end","stream":true,"keep_alive":"1m",
                          "options":{"num_ctx":4096,"temperature":0.5,"top_p":0.8,"seed":1,"frequency_penalty":0.1,
                                     "presence_penalty":0.2,"stop":["\n"],"num_predict":16}})")
        << true << true;
    QTest::newRow("response_format and reasoning_effort on generate too")
        << QByteArray(
               R"({"model":"m","prompt":"p","response_format":{"type":"json_object"},"reasoning_effort":"none"})")
        << QByteArray(R"({"model":"m","prompt":"p","stream":false,"format":"json","think":false})") << false << false;
    QTest::newRow("max_tokens written as an integer, however large")
        << QByteArray(R"({"model":"m","prompt":"p","max_tokens":10000000000000001,"options":{"num_ctx":8}})")
        << QByteArray(
               R"({"model":"m","prompt":"p","stream":false,"options":{"num_ctx":8,"num_predict":10000000000000001}})")
        << false << false;
}

void OpenAiEndpointsTest::completionRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, expected);
    QFETCH(bool, stream);
    QFETCH(bool, includeUsage);
    const Result<NativeRequest> native = CompletionTranslator::translateRequest(testjson::request(request));
    QVERIFY2(native.ok(), qPrintable(native.error().message));
    const QJsonObject expectedObject = testjson::object(expected.constData());
    QVERIFY(!expectedObject.isEmpty());
    const QJsonObject body = native.value().body.toJsonObject();
    QString where;
    QVERIFY2(testjson::matches(expectedObject, body, &where), qPrintable(mismatch(where, expectedObject, body)));
    QCOMPARE(native.value().body.object(), testjson::qtCompact(expected));
    QCOMPARE(native.value().body.object(), QJsonDocument(body).toJson(QJsonDocument::Compact));
    const Result<NativeRequest> rewritten =
        CompletionTranslator::translateRequest(testjson::indented(testjson::object(request.constData())));
    QVERIFY(rewritten.ok());
    QCOMPARE(rewritten.value().body.object(), native.value().body.object());
    QCOMPARE(native.value().model, QStringLiteral("m"));
    QCOMPARE(native.value().stream, stream);
    QCOMPARE(native.value().includeUsage, includeUsage);
}

void OpenAiEndpointsTest::completionRequestErrors_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("messageFragment");
    QTest::newRow("model missing") << QByteArray(R"({"prompt":"p"})") << "model"
                                   << "model";
    QTest::newRow("prompt missing") << QByteArray(R"({"model":"m"})") << "prompt"
                                    << "required";
    QTest::newRow("prompt a token array") << QByteArray(R"({"model":"m","prompt":[1,2,3]})") << "prompt"
                                          << "token arrays";
    QTest::newRow("prompt nested token arrays") << QByteArray(R"({"model":"m","prompt":[[1,2]]})") << "prompt"
                                                << "token arrays";
    QTest::newRow("several prompts") << QByteArray(R"({"model":"m","prompt":["a","b"]})") << "prompt"
                                     << "Several";
    QTest::newRow("prompt a number") << QByteArray(R"({"model":"m","prompt":5})") << "prompt"
                                     << "expected a string";
    QTest::newRow("suffix a number") << QByteArray(R"({"model":"m","prompt":"p","suffix":1})") << "suffix"
                                     << "expected a string";
    QTest::newRow("echo true") << QByteArray(R"({"model":"m","prompt":"p","echo":true})") << "echo"
                               << "not supported";
    QTest::newRow("n greater than 1") << QByteArray(R"({"model":"m","prompt":"p","n":3})") << "n"
                                      << "n>1 is not supported";
    QTest::newRow("best_of greater than 1") << QByteArray(R"({"model":"m","prompt":"p","best_of":2})") << "best_of"
                                            << "best_of>1 is not supported";
    QTest::newRow("stop a number (Ollama's own sample)")
        << QByteArray(R"({"model":"m","prompt":"p","stop":1.5})") << "stop"
        << "stop";
    QTest::newRow("temperature a string")
        << QByteArray(R"({"model":"m","prompt":"p","temperature":"x"})") << "temperature"
        << "expected a number";
}

void OpenAiEndpointsTest::completionRequestErrors()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, param);
    QFETCH(QString, messageFragment);
    const Result<NativeRequest> native = CompletionTranslator::translateRequest(testjson::request(request));
    QVERIFY(!native.ok());
    QCOMPARE(native.error().status, 400);
    QCOMPARE(native.error().type, QStringLiteral("invalid_request_error"));
    QCOMPARE(native.error().param, param);
    QVERIFY2(native.error().message.contains(messageFragment), qPrintable(native.error().message));
}

void OpenAiEndpointsTest::completionResponse_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("stop with counts")
        << QByteArray(R"({"model":"m","created_at":"2024-01-02T03:04:05Z","response":"Hi there","done":true,
                          "done_reason":"stop","prompt_eval_count":3,"eval_count":2,"context":[1,2]})")
        << QByteArray(R"({"id":"cmpl-x","object":"text_completion","created":1704164645,"model":"m",
                          "choices":[{"text":"Hi there","index":0,"logprobs":null,"finish_reason":"stop"}],
                          "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}})");
    QTest::newRow("length")
        << QByteArray(
               R"({"model":"m","created_at":"2024-01-02T03:04:05Z","response":"Hi","done":true,"done_reason":"length"})")
        << QByteArray(R"({"id":"cmpl-x","object":"text_completion","created":1704164645,"model":"m",
                          "choices":[{"text":"Hi","index":0,"logprobs":null,"finish_reason":"length"}],
                          "usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}})");
}

void OpenAiEndpointsTest::completionResponse()
{
    QFETCH(QByteArray, reply);
    QFETCH(QByteArray, expected);
    const AnswerJson answer = CompletionTranslator::translateResponse(
        JsonTree::of(testjson::object(reply.constData())).root(), QStringLiteral("cmpl-x"));
    QCOMPARE(answer.bytes(), testjson::qtCompact(answer.bytes()));
    const QJsonObject actual = answer.object();
    const QJsonObject expectedObject = testjson::object(expected.constData());
    QString where;
    QVERIFY2(testjson::matches(expectedObject, actual, &where), qPrintable(mismatch(where, expectedObject, actual)));
}

void OpenAiEndpointsTest::completionStreamFixture()
{
    QString error;
    const QJsonArray cases =
        testjson::load(QStringLiteral("tests:unit/openai/expected/completion-streams.json"), &error).toArray();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue& testCase : cases) {
        const QList<QJsonObject> lines = fixtureLines(qPrintable(testCase[QStringLiteral("ndjson")].toString()));
        QVERIFY(!lines.isEmpty());
        CompletionStreamTranslator translator(QStringLiteral("cmpl-stream"),
                                              testCase[QStringLiteral("model")].toString(),
                                              testCase[QStringLiteral("includeUsage")].toBool());
        QJsonArray actual;
        for (const QJsonObject& line : lines) {
            QJsonArray frames;
            for (const QByteArray& payload : testjson::ssePayloads(translator.feed(line), &error))
                frames.append(testjson::payloadValue(payload));
            actual.append(frames);
        }
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonValue expected = testCase[QStringLiteral("framesPerLine")];
        QString where;
        QVERIFY2(testjson::matches(expected, actual, &where), qPrintable(mismatch(where, expected, actual)));
        QVERIFY(translator.isFinished());
    }
}

void OpenAiEndpointsTest::completionStreamWithUsage()
{
    CompletionStreamTranslator translator(QStringLiteral("cmpl-s"), QStringLiteral("m"), true);
    QByteArray bytes = translator.feed(
        testjson::object(R"({"model":"m","created_at":"2024-01-02T03:04:05Z","response":"Hi","done":false})"));
    bytes += translator.feed(testjson::object(R"({"model":"m","created_at":"2024-01-02T03:04:06Z","response":"",
        "done":true,"done_reason":"length","prompt_eval_count":2,"eval_count":1})"));
    QString error;
    const QList<QByteArray> payloads = testjson::ssePayloads(bytes, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QJsonArray actual;
    for (const QByteArray& payload : payloads)
        actual.append(testjson::payloadValue(payload));
    const QJsonArray expected = QJsonDocument::fromJson(R"([
        {"id":"cmpl-s","object":"text_completion","created":1704164645,"model":"m",
         "choices":[{"text":"Hi","index":0,"logprobs":null,"finish_reason":null}]},
        {"id":"cmpl-s","object":"text_completion","created":1704164645,"model":"m",
         "choices":[{"text":"","index":0,"logprobs":null,"finish_reason":"length"}]},
        {"id":"cmpl-s","object":"text_completion","created":1704164645,"model":"m","choices":[],
         "usage":{"prompt_tokens":2,"completion_tokens":1,"total_tokens":3}},
        "[DONE]"])")
                                    .array();
    QString where;
    QVERIFY2(testjson::matches(expected, actual, &where), qPrintable(mismatch(where, expected, actual)));
    QVERIFY(translator.isFinished());
    QVERIFY(translator.fail(QStringLiteral("late")).isEmpty());
}

void OpenAiEndpointsTest::embeddingRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("base64");
    QTest::newRow("string input, default float")
        << QByteArray(R"({"model":"e","input":"hello"})") << QByteArray(R"({"model":"e","input":"hello"})") << false;
    QTest::newRow("array input, dimensions, base64, extensions")
        << QByteArray(R"({"model":"e","input":["a","b"],"dimensions":256,"encoding_format":"base64","user":"u",
                          "options":{"num_ctx":512},"keep_alive":"5m"})")
        << QByteArray(R"({"model":"e","input":["a","b"],"dimensions":256,"options":{"num_ctx":512},"keep_alive":"5m"})")
        << true;
    QTest::newRow("explicit float, null dimensions")
        << QByteArray(R"({"model":"e","input":"x","encoding_format":"float","dimensions":null})")
        << QByteArray(R"({"model":"e","input":"x"})") << false;
    QTest::newRow("dimensions written as an integer, however large")
        << QByteArray(R"({"model":"e","input":"x","dimensions":10000000000000001,"options":{}})")
        << QByteArray(R"({"model":"e","input":"x","dimensions":10000000000000001,"options":{}})") << false;
    QTest::newRow("dimensions sent as a decimal")
        << QByteArray(R"({"model":"e","input":"x","dimensions":2.5e2})")
        << QByteArray(R"({"model":"e","input":"x","dimensions":250})") << false;
}

void OpenAiEndpointsTest::embeddingRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, expected);
    QFETCH(bool, base64);
    const Result<NativeEmbedRequest> native = EmbeddingsTranslator::translateRequest(testjson::request(request));
    QVERIFY2(native.ok(), qPrintable(native.error().message));
    const QJsonObject body = native.value().body.toJsonObject();
    QCOMPARE(body, testjson::object(expected.constData()));
    QCOMPARE(native.value().body.object(), testjson::qtCompact(expected));
    const Result<NativeEmbedRequest> rewritten =
        EmbeddingsTranslator::translateRequest(testjson::indented(testjson::object(request.constData())));
    QVERIFY(rewritten.ok());
    QCOMPARE(rewritten.value().body.object(), native.value().body.object());
    QCOMPARE(native.value().model, QStringLiteral("e"));
    QCOMPARE(native.value().base64, base64);
}

void OpenAiEndpointsTest::embeddingRequestErrors_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("messageFragment");
    QTest::newRow("model missing") << QByteArray(R"({"input":"x"})") << "model"
                                   << "model";
    QTest::newRow("input missing") << QByteArray(R"({"model":"e"})") << "input"
                                   << "required";
    QTest::newRow("input empty string") << QByteArray(R"({"model":"e","input":""})") << "input"
                                        << "empty";
    QTest::newRow("input empty array") << QByteArray(R"({"model":"e","input":[]})") << "input"
                                       << "empty";
    QTest::newRow("token array") << QByteArray(R"({"model":"e","input":[1,2,3]})") << "input"
                                 << "Token arrays";
    QTest::newRow("array of token arrays") << QByteArray(R"({"model":"e","input":[[1,2],[3]]})") << "input"
                                           << "Token arrays";
    QTest::newRow("array with an object") << QByteArray(R"({"model":"e","input":["a",{}]})") << "input[1]"
                                          << "expected a string";
    QTest::newRow("input an object") << QByteArray(R"({"model":"e","input":{"text":"a"}})") << "input"
                                     << "expected a string or an array of strings";
    QTest::newRow("dimensions a string") << QByteArray(R"({"model":"e","input":"x","dimensions":"256"})")
                                         << "dimensions"
                                         << "expected an integer";
    QTest::newRow("dimensions zero") << QByteArray(R"({"model":"e","input":"x","dimensions":0})") << "dimensions"
                                     << "at least 1";
    QTest::newRow("encoding_format unknown")
        << QByteArray(R"({"model":"e","input":"x","encoding_format":"int8"})") << "encoding_format"
        << "int8";
    QTest::newRow("options not an object") << QByteArray(R"({"model":"e","input":"x","options":1})") << "options"
                                           << "expected an object";
}

void OpenAiEndpointsTest::embeddingRequestErrors()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, param);
    QFETCH(QString, messageFragment);
    const Result<NativeEmbedRequest> native = EmbeddingsTranslator::translateRequest(testjson::request(request));
    QVERIFY(!native.ok());
    QCOMPARE(native.error().status, 400);
    QCOMPARE(native.error().type, QStringLiteral("invalid_request_error"));
    QCOMPARE(native.error().param, param);
    QVERIFY2(native.error().message.contains(messageFragment), qPrintable(native.error().message));
}

void OpenAiEndpointsTest::embeddingResponses_data()
{
    QTest::addColumn<QJsonObject>("reply");
    QTest::addColumn<bool>("base64");
    QTest::addColumn<QJsonObject>("expected");

    const QJsonObject single = fixture("fixtures:native/embed-single.json");
    const QJsonObject multi = fixture("fixtures:native/embed-multi.json");
    const QJsonArray singleVector = single[QStringLiteral("embeddings")][0].toArray();
    QTest::newRow("single, float")
        << single << false
        << QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                       {QStringLiteral("data"),
                        QJsonArray{QJsonObject{{QStringLiteral("object"), QStringLiteral("embedding")},
                                               {QStringLiteral("embedding"), singleVector},
                                               {QStringLiteral("index"), 0}}}},
                       {QStringLiteral("model"), QStringLiteral("all-minilm")},
                       {QStringLiteral("usage"), testjson::object(R"({"prompt_tokens":8,"total_tokens":8})")}};
    // Little-endian float32 bytes, base64 (computed independently with Python's struct.pack('<10f', …)).
    QTest::newRow("single, base64") << single << true << testjson::object(R"({"object":"list","model":"all-minilm",
        "data":[{"object":"embedding","index":0,"embedding":"9QAlPI+e5rqFGE09YTlAPXTwYD3G5Qw8q/HXPWT+07z1sAQ+d+ACPQ=="}],
        "usage":{"prompt_tokens":8,"total_tokens":8}})");
    QTest::newRow("multi, base64, no counts → 0") << multi << true << testjson::object(R"({"object":"list",
        "model":"all-minilm","data":[
            {"object":"embedding","index":0,"embedding":"9QAlPI+e5rqFGE09YTlAPXTwYD3G5Qw8q/HXPWT+07z1sAQ+d+ACPQ=="},
            {"object":"embedding","index":1,"embedding":"iZsgvOF/dz3J6c48WYzQuwbylD1J3Iw84Pm4Pc/IU72Vzss97s25PQ=="}],
        "usage":{"prompt_tokens":0,"total_tokens":0}})");
    QTest::newRow("exact values") << testjson::object(
                                         R"({"model":"e","embeddings":[[1.0,-2.5]],"prompt_eval_count":2})")
                                  << true << testjson::object(R"({"object":"list","model":"e",
        "data":[{"object":"embedding","index":0,"embedding":"AACAPwAAIMA="}],"usage":{"prompt_tokens":2,"total_tokens":2}})");
}

void OpenAiEndpointsTest::embeddingResponses()
{
    QFETCH(QJsonObject, reply);
    QFETCH(bool, base64);
    QFETCH(QJsonObject, expected);
    QVERIFY(!reply.isEmpty() && !expected.isEmpty());
    const QJsonObject actual = EmbeddingsTranslator::translateResponse(reply, base64);
    QString where;
    QVERIFY2(testjson::matches(expected, actual, &where), qPrintable(mismatch(where, expected, actual)));
}

void OpenAiEndpointsTest::modelsFromTags_data()
{
    QTest::addColumn<QJsonObject>("tags");
    QTest::addColumn<QJsonObject>("expected");
    QTest::newRow("tags sample") << fixture("fixtures:native/tags.json")
                                 << testjson::object(R"({"object":"list","data":[
        {"id":"deepseek-r1:latest","object":"model","created":1746889608,"owned_by":"library"},
        {"id":"llama3.2:latest","object":"model","created":1746405464,"owned_by":"library"}]})");
    QTest::newRow("models null → []") << testjson::object(R"({"models":null})")
                                      << testjson::object(R"({"object":"list","data":[]})");
    QTest::newRow("models missing → []") << QJsonObject{} << testjson::object(R"({"object":"list","data":[]})");
    QTest::newRow("namespaced model, no modified_at")
        << testjson::object(R"({"models":[{"name":"hf.co/bartowski/Qwen:Q4","model":"hf.co/bartowski/Qwen:Q4"}]})")
        << testjson::object(R"({"object":"list","data":[{"id":"hf.co/bartowski/Qwen:Q4","object":"model","created":0,
                                                        "owned_by":"bartowski"}]})");
}

void OpenAiEndpointsTest::modelsFromTags()
{
    QFETCH(QJsonObject, tags);
    QFETCH(QJsonObject, expected);
    const QJsonObject actual = ModelsTranslator::fromTags(tags);
    QString where;
    QVERIFY2(testjson::matches(expected, actual, &where), qPrintable(mismatch(where, expected, actual)));
}

void OpenAiEndpointsTest::modelFromShow_data()
{
    QTest::addColumn<QJsonObject>("show");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QJsonObject>("expected");
    QTest::newRow("show sample without modified_at") << fixture("fixtures:native/show-abridged.json") << "llama3:8b"
                                                     << testjson::object(R"({"id":"llama3:8b","object":"model",
                                                            "created":0,"owned_by":"library"})");
    QTest::newRow("with modified_at, namespaced")
        << testjson::object(R"({"modified_at":"2023-06-16T17:10:02+00:00"})") << "jmorganca/test-model:latest"
        << testjson::object(R"({"id":"jmorganca/test-model:latest","object":"model","created":1686935402,
                                "owned_by":"jmorganca"})");
}

void OpenAiEndpointsTest::modelFromShow()
{
    QFETCH(QJsonObject, show);
    QFETCH(QString, id);
    QFETCH(QJsonObject, expected);
    QVERIFY(!show.isEmpty());
    QCOMPARE(ModelsTranslator::fromShow(id, show), expected);
}

void OpenAiEndpointsTest::ownedBy_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("owner");
    QTest::newRow("plain") << "llama3.2"
                           << "library";
    QTest::newRow("plain with tag") << "llama3.2:latest"
                                    << "library";
    QTest::newRow("namespace") << "user/model:tag"
                               << "user";
    QTest::newRow("host, namespace") << "registry.example.com/team/model:1b"
                                     << "team";
    QTest::newRow("host with port") << "localhost:5000/team/model"
                                    << "team";
}

void OpenAiEndpointsTest::ownedBy()
{
    QFETCH(QString, name);
    QFETCH(QString, owner);
    QCOMPARE(ModelsTranslator::ownedBy(name), owner);
}

void OpenAiEndpointsTest::nativeErrors_data()
{
    QTest::addColumn<int>("nativeStatus");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messageFragment");
    QTest::addColumn<QByteArray>("retryAfter"); // Retry-After header, empty when none

    QString error;
    const QByteArray notFound =
        testjson::readFile(QStringLiteral("fixtures:native/error-model-not-found-chat.json"), &error);
    const QByteArray busy = testjson::readFile(QStringLiteral("fixtures:native/error-queue-full-503.json"), &error);
    const QByteArray failed = testjson::readFile(QStringLiteral("fixtures:native/error.json"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QTest::newRow("404 model sample → model_not_found") << 404 << notFound << 404 << "invalid_request_error"
                                                        << "model_not_found"
                                                        << "'nope'" << QByteArray();
    QTest::newRow("404 older wording") << 404
                                       << QByteArray(R"({"error":"model \"x:1b\" not found, try pulling it first"})")
                                       << 404 << "invalid_request_error"
                                       << "model_not_found"
                                       << "'x:1b'" << QByteArray();
    QTest::newRow("404 other message keeps it")
        << 404 << QByteArray(R"({"error":"no such thing"})") << 404 << "invalid_request_error"
        << "model_not_found"
        << "no such thing" << QByteArray();
    QTest::newRow("503 busy sample → Retry-After") << 503 << busy << 503 << "api_error"
                                                   << "upstream_busy"
                                                   << "maximum pending requests exceeded" << QByteArray("2");
    QTest::newRow("400 keeps Ollama's message")
        << 400 << QByteArray(R"({"error":"invalid options: foo"})") << 400 << "invalid_request_error"
        << ""
        << "invalid options: foo" << QByteArray();
    QTest::newRow("500 sample → api_error") << 500 << failed << 500 << "api_error"
                                            << ""
                                            << "the model failed to generate a response" << QByteArray();
    QTest::newRow("non-JSON body") << 502 << QByteArray("<html>Bad Gateway</html>\n") << 502 << "api_error"
                                   << ""
                                   << "<html>Bad Gateway</html>" << QByteArray();
    QTest::newRow("empty body") << 500 << QByteArray() << 500 << "api_error"
                                << ""
                                << "HTTP 500" << QByteArray();
    QTest::newRow("JSON without error key") << 500 << QByteArray(R"({"detail":"x"})") << 500 << "api_error"
                                            << ""
                                            << R"({"detail":"x"})" << QByteArray();
    QTest::newRow("other 4xx → 502") << 401 << QByteArray("unauthorized") << 502 << "api_error"
                                     << "upstream_error"
                                     << "HTTP 401: unauthorized" << QByteArray();
}

void OpenAiEndpointsTest::nativeErrors()
{
    QFETCH(int, nativeStatus);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QString, messageFragment);
    QFETCH(QByteArray, retryAfter);
    const ApiError error = NativeErrorTranslator::toApiError(nativeStatus, body);
    QCOMPARE(error.status, status);
    QCOMPARE(error.type, type);
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.contains(messageFragment), qPrintable(error.message));
    QByteArray header;
    for (const auto& [name, value] : error.headers()) {
        if (name == "Retry-After")
            header = value;
    }
    QCOMPARE(header, retryAfter);
}

void OpenAiEndpointsTest::responseIds_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("chat") << "chatcmpl-";
    QTest::newRow("completion") << "cmpl-";
    QTest::newRow("tool call") << "call_";
}

void OpenAiEndpointsTest::responseIds()
{
    QFETCH(QString, prefix);
    const QRegularExpression shape(QStringLiteral("^%1[A-Za-z0-9]{24}$").arg(QRegularExpression::escape(prefix)));
    QSet<QString> seen;
    QSet<QChar> letters;
    for (int i = 0; i < 1000; ++i) {
        const QString id = prefix == u"chatcmpl-" ? ResponseIds::chatCompletion()
                           : prefix == u"cmpl-"   ? ResponseIds::completion()
                                                  : ResponseIds::toolCall();
        QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
        seen.insert(id);
        for (const QChar letter : id.sliced(prefix.size()))
            letters.insert(letter);
    }
    QCOMPARE(seen.size(), 1000);
    QCOMPARE(letters.size(), 62); // all of A-Z, a-z and 0-9 in 24 000 letters
}

QTEST_GUILESS_MAIN(OpenAiEndpointsTest)
#include "tst_openai_endpoints.moc"
