#include "TestJson.h"

#include "gateway/openai/ChatRequestTranslator.h"

#include <QtTest>

using namespace llamagate;

/// OpenAI chat request → native /api/chat body: the fixture pairs, one row per mapping rule, one row per 400.
class ChatRequestTranslatorTest : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data();
    void fixtures();
    void mapping_data();
    void mapping();
    void invalid_data();
    void invalid();
};

void ChatRequestTranslatorTest::fixtures_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    QString error;
    const QJsonArray cases =
        testjson::load(QStringLiteral("tests:unit/openai/expected/chat-requests.json"), &error).toArray();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue& testCase : cases)
        QTest::newRow(qPrintable(testCase[QStringLiteral("name")].toString())) << testCase.toObject();
}

void ChatRequestTranslatorTest::fixtures()
{
    QFETCH(QJsonObject, testCase);
    QString error;
    const QJsonObject request = testjson::load(testCase[QStringLiteral("request")], &error).toObject();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const Result<NativeRequest> native = ChatRequestTranslator::translate(testjson::indented(request));

    if (testCase.contains(QStringLiteral("error"))) {
        const QJsonObject expected = testCase[QStringLiteral("error")].toObject();
        QVERIFY(!native.ok());
        QCOMPARE(native.error().status, expected[QStringLiteral("status")].toInt());
        QCOMPARE(native.error().type, expected[QStringLiteral("type")].toString());
        QCOMPARE(native.error().param, expected[QStringLiteral("param")].toString());
        QVERIFY2(native.error().message.contains(native.error().param), qPrintable(native.error().message));
        return;
    }
    QVERIFY2(native.ok(), qPrintable(native.error().message));
    const QJsonValue expected = testjson::load(testCase[QStringLiteral("native")], &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QString where;
    const QJsonObject body = native.value().body.toJsonObject();
    QVERIFY2(testjson::matches(expected, body, &where),
             qPrintable(QStringLiteral("at %1\nexpected %2\nactual   %3")
                            .arg(where, testjson::compact(expected), testjson::compact(body))));
    // What Ollama gets is written by hand from the client's bytes, partly copied: it must be QJsonDocument's.
    QCOMPARE(native.value().body.object(), QJsonDocument(body).toJson(QJsonDocument::Compact));
    QCOMPARE(native.value().model, request[QStringLiteral("model")].toString());
    QCOMPARE(native.value().stream, testCase[QStringLiteral("stream")].toBool());
    QCOMPARE(native.value().includeUsage, testCase[QStringLiteral("includeUsage")].toBool());
}

namespace {

constexpr const char* weatherTools = R"("tools":[
    {"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}},
    {"type":"function","function":{"name":"get_time","parameters":{"type":"object"}}}])";

QByteArray withTools(const char* fields)
{
    return QByteArray(R"({"model":"m","messages":[{"role":"user","content":"hi"}],)") + weatherTools +
           (*fields ? QByteArray(",") + fields : QByteArray()) + '}';
}

QByteArray withMessages(const char* messages)
{
    return QByteArray(R"({"model":"m","messages":)") + messages + '}';
}

QByteArray withFields(const char* fields)
{
    return QByteArray(R"({"model":"m","messages":[{"role":"user","content":"hi"}],)") + fields + '}';
}

QByteArray nativeWith(const char* fields)
{
    return QByteArray(R"({"model":"m","messages":[{"role":"user","content":"hi"}],"stream":false)") +
           (*fields ? QByteArray(",") + fields : QByteArray()) + '}';
}

} // namespace

void ChatRequestTranslatorTest::mapping_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("includeUsage");

    // Messages.
    QTest::newRow("role and string content only: the message as it is")
        << withMessages(R"([{"role":"system","content":"be \"brief\"\n"},{"role":"tool","content":"42"},
                            {"role":"assistant","content":"Grüße 😀"}])")
        << QByteArray(R"({"model":"m","stream":false,"messages":[{"role":"system","content":"be \"brief\"\n"},
                         {"role":"tool","content":"42"},{"role":"assistant","content":"Grüße 😀"}]})")
        << false << false;
    QTest::newRow("role and null content: an empty content")
        << withMessages(R"([{"role":"user","content":null}])")
        << QByteArray(R"({"model":"m","stream":false,"messages":[{"role":"user","content":""}]})") << false << false;
    QTest::newRow("developer role becomes system")
        << withMessages(R"([{"role":"developer","content":"be brief"},{"role":"user","content":"hi"}])")
        << QByteArray(R"({"model":"m","stream":false,"messages":[{"role":"system","content":"be brief"},
                                                                 {"role":"user","content":"hi"}]})")
        << false << false;
    QTest::newRow("text parts joined with a newline")
        << withMessages(R"([{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}])")
        << QByteArray(R"({"model":"m","stream":false,"messages":[{"role":"user","content":"a\nb"}]})") << false
        << false;
    QTest::newRow("image part alone: empty content, webp data URL stripped")
        << withMessages(
               R"([{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/webp;base64,AAEC"}}]}])")
        << QByteArray(R"({"model":"m","stream":false,"messages":[{"role":"user","content":"","images":["AAEC"]}]})")
        << false << false;
    QTest::newRow("image_url given as a plain string, png, two images kept in order")
        << withMessages(R"([{"role":"user","content":[{"type":"image_url","image_url":"data:image/png;base64,AAEC"},
                                                      {"type":"text","text":"what?"},
                                                      {"type":"image_url","image_url":{"url":"data:image/jpg;base64,AwQF"}}]}])")
        << QByteArray(
               R"({"model":"m","stream":false,"messages":[{"role":"user","content":"what?","images":["AAEC","AwQF"]}]})")
        << false << false;
    QTest::newRow("assistant tool call arguments given as an object, content null")
        << withMessages(R"([{"role":"user","content":"hi"},
            {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function",
                "function":{"name":"f","arguments":{"x":1}}}]},
            {"role":"tool","tool_call_id":"c1","content":"42"}])")
        << QByteArray(R"({"model":"m","stream":false,"messages":[{"role":"user","content":"hi"},
            {"role":"assistant","content":"","tool_calls":[{"id":"c1","function":{"index":0,"name":"f","arguments":{"x":1}}}]},
            {"role":"tool","content":"42","tool_name":"f","tool_call_id":"c1"}]})")
        << false << false;
    QTest::newRow("two calls, empty arguments string, each result named after its own call")
        << withMessages(R"([{"role":"user","content":"hi"},
            {"role":"assistant","tool_calls":[
                {"id":"a","type":"function","function":{"name":"f","arguments":""}},
                {"id":"b","type":"function","function":{"name":"g","arguments":"{\"y\":[1,2]}"}}]},
            {"role":"tool","tool_call_id":"b","content":"B"},
            {"role":"tool","tool_call_id":"a","content":"A"}])")
        << QByteArray(R"({"model":"m","stream":false,"messages":[{"role":"user","content":"hi"},
            {"role":"assistant","content":"","tool_calls":[
                {"id":"a","function":{"index":0,"name":"f","arguments":{}}},
                {"id":"b","function":{"index":1,"name":"g","arguments":{"y":[1,2]}}}]},
            {"role":"tool","content":"B","tool_name":"g","tool_call_id":"b"},
            {"role":"tool","content":"A","tool_name":"f","tool_call_id":"a"}]})")
        << false << false;
    QTest::newRow("tool result for an unknown call id: forwarded without tool_name")
        << withMessages(R"([{"role":"user","content":"hi"},{"role":"tool","tool_call_id":"zz","content":"x"}])")
        << QByteArray(R"({"model":"m","stream":false,"messages":[{"role":"user","content":"hi"},
            {"role":"tool","content":"x","tool_call_id":"zz"}]})")
        << false << false;
    QTest::newRow("assistant reasoning_content in the history becomes thinking")
        << withMessages(
               R"([{"role":"user","content":"hi"},{"role":"assistant","content":"yo","reasoning_content":"hmm"}])")
        << QByteArray(R"({"model":"m","stream":false,"messages":[{"role":"user","content":"hi"},
            {"role":"assistant","content":"yo","thinking":"hmm"}]})")
        << false << false;
    QTest::newRow("message name and ignored top-level fields are dropped")
        << withFields(R"("logit_bias":{"1":2},"user":"u","store":true,"metadata":{"a":"b"},"parallel_tool_calls":false,
                         "logprobs":false,"service_tier":"auto")")
        << nativeWith("") << false << false;

    // tools and tool_choice.
    QTest::newRow("tools without tool_choice pass unchanged")
        << withTools("") << QByteArray(nativeWith(weatherTools)) << false << false;
    QTest::newRow("tool_choice auto keeps all tools")
        << withTools(R"("tool_choice":"auto")") << QByteArray(nativeWith(weatherTools)) << false << false;
    QTest::newRow("tool_choice required keeps all tools")
        << withTools(R"("tool_choice":"required")") << QByteArray(nativeWith(weatherTools)) << false << false;
    QTest::newRow("tool_choice none sends no tools")
        << withTools(R"("tool_choice":"none")") << nativeWith("") << false << false;
    QTest::newRow("named tool_choice keeps only that tool")
        << withTools(R"("tool_choice":{"type":"function","function":{"name":"get_time"}})")
        << nativeWith(R"("tools":[{"type":"function","function":{"name":"get_time","parameters":{"type":"object"}}}])")
        << false << false;

    // Sampling options: only what the client set.
    QTest::newRow("temperature alone: no top_p injected")
        << withFields(R"("temperature":0.2)") << nativeWith(R"("options":{"temperature":0.2})") << false << false;
    QTest::newRow("top_p alone: no temperature injected")
        << withFields(R"("top_p":0.9)") << nativeWith(R"("options":{"top_p":0.9})") << false << false;
    QTest::newRow("null fields count as not set")
        << withFields(R"("temperature":null,"top_p":null,"stop":null,"max_tokens":null,"n":null,"seed":null,
                         "tools":null,"tool_choice":null,"response_format":null,"stream":null,"reasoning_effort":null)")
        << nativeWith("") << false << false;
    QTest::newRow("seed and penalties copied")
        << withFields(R"("seed":7,"frequency_penalty":0.5,"presence_penalty":-0.5)")
        << nativeWith(R"("options":{"seed":7,"frequency_penalty":0.5,"presence_penalty":-0.5})") << false << false;
    QTest::newRow("stop string becomes an array")
        << withFields(R"("stop":"END")") << nativeWith(R"("options":{"stop":["END"]})") << false << false;
    QTest::newRow("empty stop array sends nothing") << withFields(R"("stop":[])") << nativeWith("") << false << false;
    QTest::newRow("max_completion_tokens wins over max_tokens")
        << withFields(R"("max_tokens":10,"max_completion_tokens":20)") << nativeWith(R"("options":{"num_predict":20})")
        << false << false;
    QTest::newRow("max_tokens alone") << withFields(R"("max_tokens":10)")
                                      << nativeWith(R"("options":{"num_predict":10})") << false << false;
    QTest::newRow("n 1 accepted") << withFields(R"("n":1)") << nativeWith("") << false << false;

    // response_format.
    QTest::newRow("response_format text sends no format")
        << withFields(R"("response_format":{"type":"text"})") << nativeWith("") << false << false;
    QTest::newRow("response_format json_object") << withFields(R"("response_format":{"type":"json_object"})")
                                                 << nativeWith(R"("format":"json")") << false << false;
    QTest::newRow("response_format json_schema sends the schema only")
        << withFields(R"("response_format":{"type":"json_schema","json_schema":{"name":"x","strict":true,
                                            "schema":{"type":"object","properties":{"a":{"type":"string"}}}}})")
        << nativeWith(R"("format":{"type":"object","properties":{"a":{"type":"string"}}})") << false << false;

    // Reasoning.
    QTest::newRow("reasoning_effort none → think false")
        << withFields(R"("reasoning_effort":"none")") << nativeWith(R"("think":false)") << false << false;
    QTest::newRow("reasoning_effort minimal → low")
        << withFields(R"("reasoning_effort":"minimal")") << nativeWith(R"("think":"low")") << false << false;
    QTest::newRow("reasoning_effort low")
        << withFields(R"("reasoning_effort":"low")") << nativeWith(R"("think":"low")") << false << false;
    QTest::newRow("reasoning_effort medium")
        << withFields(R"("reasoning_effort":"medium")") << nativeWith(R"("think":"medium")") << false << false;
    QTest::newRow("reasoning_effort high")
        << withFields(R"("reasoning_effort":"high")") << nativeWith(R"("think":"high")") << false << false;
    QTest::newRow("reasoning_effort xhigh → max")
        << withFields(R"("reasoning_effort":"xhigh")") << nativeWith(R"("think":"max")") << false << false;
    QTest::newRow("reasoning.effort") << withFields(R"("reasoning":{"effort":"high"})")
                                      << nativeWith(R"("think":"high")") << false << false;
    QTest::newRow("reasoning_effort wins over reasoning.effort and think")
        << withFields(R"("reasoning_effort":"low","reasoning":{"effort":"high"},"think":true)")
        << nativeWith(R"("think":"low")") << false << false;

    // Native extensions.
    QTest::newRow("think, keep_alive string forwarded")
        << withFields(R"("think":true,"keep_alive":"10m")") << nativeWith(R"("think":true,"keep_alive":"10m")") << false
        << false;
    QTest::newRow("keep_alive number forwarded")
        << withFields(R"("keep_alive":0)") << nativeWith(R"("keep_alive":0)") << false << false;
    QTest::newRow("client options merged; the OpenAI field wins on the same key")
        << withFields(R"("options":{"num_ctx":8192,"temperature":0.9,"num_predict":5},"temperature":0.1)")
        << nativeWith(R"("options":{"num_ctx":8192,"temperature":0.1,"num_predict":5})") << false << false;

    // Streaming flags.
    QTest::newRow("stream true without stream_options")
        << withFields(R"("stream":true)") << QByteArray(R"({"model":"m","stream":true,
                                                               "messages":[{"role":"user","content":"hi"}]})")
        << true << false;
    QTest::newRow("include_usage ignored without stream")
        << withFields(R"("stream":false,"stream_options":{"include_usage":true})") << nativeWith("") << false << false;
    QTest::newRow("stream with include_usage")
        << withFields(R"("stream":true,"stream_options":{"include_usage":true})")
        << QByteArray(R"({"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]})") << true << true;
}

void ChatRequestTranslatorTest::mapping()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, expected);
    QFETCH(bool, stream);
    QFETCH(bool, includeUsage);
    const QJsonObject requestObject = testjson::object(request.constData());
    const QJsonObject expectedObject = testjson::object(expected.constData());
    QVERIFY2(!requestObject.isEmpty() && !expectedObject.isEmpty(), "invalid JSON in the test table");

    const Result<NativeRequest> native = ChatRequestTranslator::translate(testjson::request(request));
    QVERIFY2(native.ok(), qPrintable(native.error().message));
    const QJsonObject body = native.value().body.toJsonObject();
    QString where;
    QVERIFY2(testjson::matches(expectedObject, body, &where),
             qPrintable(QStringLiteral("at %1\nexpected %2\nactual   %3")
                            .arg(where, testjson::compact(expectedObject), testjson::compact(body))));
    QCOMPARE(native.value().body.object(), QJsonDocument(body).toJson(QJsonDocument::Compact));
    // The same request indented: values rewritten rather than copied, the same bytes.
    const Result<NativeRequest> rewritten = ChatRequestTranslator::translate(testjson::indented(requestObject));
    QVERIFY(rewritten.ok());
    QCOMPARE(rewritten.value().body.object(), native.value().body.object());
    QCOMPARE(native.value().model, QStringLiteral("m"));
    QCOMPARE(native.value().stream, stream);
    QCOMPARE(native.value().includeUsage, includeUsage);
}

void ChatRequestTranslatorTest::invalid_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("messageFragment");

    QTest::newRow("model missing") << QByteArray(R"({"messages":[{"role":"user","content":"hi"}]})") << "model"
                                   << "model";
    QTest::newRow("model not a string") << QByteArray(R"({"model":3,"messages":[{"role":"user","content":"hi"}]})")
                                        << "model"
                                        << "expected a string";
    QTest::newRow("model empty") << QByteArray(R"({"model":"","messages":[{"role":"user","content":"hi"}]})") << "model"
                                 << "empty";
    QTest::newRow("messages missing") << QByteArray(R"({"model":"m"})") << "messages"
                                      << "messages";
    QTest::newRow("messages empty") << withMessages("[]") << "messages"
                                    << "at least one";
    QTest::newRow("messages not an array") << withMessages(R"({"role":"user"})") << "messages"
                                           << "expected an array";
    QTest::newRow("message not an object") << withMessages(R"(["hi"])") << "messages[0]"
                                           << "expected an object";
    QTest::newRow("role missing") << withMessages(R"([{"content":"hi"}])") << "messages[0].role"
                                  << "messages[0].role";
    QTest::newRow("role unknown") << withMessages(R"([{"role":"wizard","content":"hi"}])") << "messages[0].role"
                                  << "wizard";
    QTest::newRow("content an object") << withMessages(R"([{"role":"user","content":{"text":"hi"}}])")
                                       << "messages[0].content"
                                       << "messages[0].content";
    QTest::newRow("content part not an object")
        << withMessages(R"([{"role":"user","content":["hi"]}])") << "messages[0].content[0]"
        << "expected an object";
    QTest::newRow("content part type unknown")
        << withMessages(R"([{"role":"user","content":[{"type":"input_audio","input_audio":{}}]}])")
        << "messages[0].content[0].type"
        << "input_audio";
    QTest::newRow("text part without a string")
        << withMessages(R"([{"role":"user","content":[{"type":"text","text":5}]}])") << "messages[0].content[0].text"
        << "expected a string";
    QTest::newRow("http image URL") << withMessages(R"([{"role":"user","content":[{"type":"text","text":"see"},
                                                      {"type":"image_url","image_url":{"url":"http://x/cat.png"}}]}])")
                                    << "messages[0].content[1].image_url.url"
                                    << "Image URLs are not supported";
    QTest::newRow("https image URL")
        << withMessages(R"([{"role":"user","content":[{"type":"image_url","image_url":{"url":"HTTPS://x/cat.png"}}]}])")
        << "messages[0].content[0].image_url.url"
        << "Image URLs are not supported";
    QTest::newRow("gif data URL")
        << withMessages(
               R"([{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/gif;base64,AAEC"}}]}])")
        << "messages[0].content[0].image_url.url"
        << "png, jpeg or webp";
    QTest::newRow("data URL with broken base64")
        << withMessages(
               R"([{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,@@@"}}]}])")
        << "messages[0].content[0].image_url.url"
        << "base64";
    QTest::newRow("image_url url not a string")
        << withMessages(R"([{"role":"user","content":[{"type":"image_url","image_url":{"url":1}}]}])")
        << "messages[0].content[0].image_url.url"
        << "expected a string";
    QTest::newRow("tool_calls not an array")
        << withMessages(R"([{"role":"assistant","content":"","tool_calls":{"id":"a"}}])") << "messages[0].tool_calls"
        << "expected an array";
    QTest::newRow("tool call without function")
        << withMessages(R"([{"role":"assistant","tool_calls":[{"id":"a","type":"function"}]}])")
        << "messages[0].tool_calls[0].function"
        << "expected an object";
    QTest::newRow("tool call name not a string")
        << withMessages(R"([{"role":"assistant","tool_calls":[{"id":"a","function":{"name":1,"arguments":"{}"}}]}])")
        << "messages[0].tool_calls[0].function.name"
        << "expected a string";
    QTest::newRow("tool call arguments invalid JSON") << withMessages(R"([{"role":"user","content":"hi"},
            {"role":"assistant","tool_calls":[{"id":"a","function":{"name":"f","arguments":"{\"x\":"}}]}])")
                                                      << "messages[1].tool_calls[0].function.arguments"
                                                      << "messages[1].tool_calls[0].function.arguments";
    QTest::newRow("tool call arguments JSON but not an object")
        << withMessages(R"([{"role":"assistant","tool_calls":[{"id":"a","function":{"name":"f","arguments":"[1]"}}]}])")
        << "messages[0].tool_calls[0].function.arguments"
        << "not a JSON object";
    QTest::newRow("tool call arguments a number")
        << withMessages(R"([{"role":"assistant","tool_calls":[{"id":"a","function":{"name":"f","arguments":3}}]}])")
        << "messages[0].tool_calls[0].function.arguments"
        << "JSON string";
    QTest::newRow("tool call id not a string")
        << withMessages(R"([{"role":"assistant","tool_calls":[{"id":7,"function":{"name":"f","arguments":"{}"}}]}])")
        << "messages[0].tool_calls[0].id"
        << "expected a string";
    QTest::newRow("tool_call_id not a string")
        << withMessages(R"([{"role":"tool","tool_call_id":1,"content":"x"}])") << "messages[0].tool_call_id"
        << "expected a string";
    QTest::newRow("reasoning_content not a string")
        << withMessages(R"([{"role":"assistant","content":"","reasoning_content":1}])")
        << "messages[0].reasoning_content"
        << "expected a string";
    QTest::newRow("tools not an array") << withFields(R"("tools":{"type":"function"})") << "tools"
                                        << "expected an array";
    QTest::newRow("tool not an object") << withFields(R"("tools":["f"])") << "tools[0]"
                                        << "expected an object";
    QTest::newRow("tool_choice unknown string") << withTools(R"("tool_choice":"any")") << "tool_choice"
                                                << "any";
    QTest::newRow("tool_choice a number") << withTools(R"("tool_choice":1)") << "tool_choice"
                                          << "tool_choice";
    QTest::newRow("named tool_choice without function")
        << withTools(R"("tool_choice":{"type":"function"})") << "tool_choice.function"
        << "expected an object";
    QTest::newRow("named tool_choice without name")
        << withTools(R"("tool_choice":{"type":"function","function":{}})") << "tool_choice.function.name"
        << "tool_choice.function.name";
    QTest::newRow("named tool_choice not in tools")
        << withTools(R"("tool_choice":{"type":"function","function":{"name":"nope"}})") << "tool_choice"
        << "nope";
    QTest::newRow("named tool_choice without any tools")
        << withFields(R"("tool_choice":{"type":"function","function":{"name":"f"}})") << "tool_choice"
        << "'f'";
    QTest::newRow("temperature a string") << withFields(R"("temperature":"hot")") << "temperature"
                                          << "expected a number";
    QTest::newRow("top_p a boolean") << withFields(R"("top_p":true)") << "top_p"
                                     << "expected a number";
    QTest::newRow("seed not an integer") << withFields(R"("seed":1.5)") << "seed"
                                         << "expected an integer";
    QTest::newRow("frequency_penalty a string") << withFields(R"("frequency_penalty":"1")") << "frequency_penalty"
                                                << "expected a number";
    QTest::newRow("presence_penalty an array") << withFields(R"("presence_penalty":[1])") << "presence_penalty"
                                               << "expected a number";
    QTest::newRow("stop a number") << withFields(R"("stop":1)") << "stop"
                                   << "stop";
    QTest::newRow("stop array with a number") << withFields(R"("stop":["a",1])") << "stop[1]"
                                              << "expected a string";
    QTest::newRow("max_tokens a string") << withFields(R"("max_tokens":"10")") << "max_tokens"
                                         << "expected an integer";
    QTest::newRow("max_completion_tokens fractional")
        << withFields(R"("max_completion_tokens":1.5)") << "max_completion_tokens"
        << "expected an integer";
    QTest::newRow("response_format a string") << withFields(R"("response_format":"json")") << "response_format"
                                              << "expected an object";
    QTest::newRow("response_format type unknown")
        << withFields(R"("response_format":{"type":"xml"})") << "response_format.type"
        << "xml";
    QTest::newRow("response_format json_schema without schema")
        << withFields(R"("response_format":{"type":"json_schema","json_schema":{"name":"x"}})")
        << "response_format.json_schema.schema"
        << "response_format.json_schema.schema";
    QTest::newRow("reasoning_effort unknown") << withFields(R"("reasoning_effort":"extreme")") << "reasoning_effort"
                                              << "extreme";
    QTest::newRow("reasoning_effort a number") << withFields(R"("reasoning_effort":1)") << "reasoning_effort"
                                               << "expected a string";
    QTest::newRow("reasoning not an object") << withFields(R"("reasoning":"high")") << "reasoning"
                                             << "expected an object";
    QTest::newRow("reasoning.effort unknown") << withFields(R"("reasoning":{"effort":"max"})") << "reasoning.effort"
                                              << "max";
    QTest::newRow("n greater than 1") << withFields(R"("n":2)") << "n"
                                      << "n>1 is not supported";
    QTest::newRow("n zero") << withFields(R"("n":0)") << "n"
                            << "must be 1";
    QTest::newRow("n fractional") << withFields(R"("n":1.5)") << "n"
                                  << "expected an integer";
    QTest::newRow("stream a string") << withFields(R"("stream":"yes")") << "stream"
                                     << "expected a boolean";
    QTest::newRow("stream_options not an object")
        << withFields(R"("stream":true,"stream_options":true)") << "stream_options"
        << "expected an object";
    QTest::newRow("include_usage a string")
        << withFields(R"("stream":true,"stream_options":{"include_usage":"yes"})") << "stream_options.include_usage"
        << "expected a boolean";
    QTest::newRow("options not an object") << withFields(R"("options":[1])") << "options"
                                           << "expected an object";
    QTest::newRow("keep_alive a boolean") << withFields(R"("keep_alive":true)") << "keep_alive"
                                          << "keep_alive";
    QTest::newRow("think a number") << withFields(R"("think":1)") << "think"
                                    << "think";
}

void ChatRequestTranslatorTest::invalid()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, param);
    QFETCH(QString, messageFragment);
    const QJsonObject requestObject = testjson::object(request.constData());
    QVERIFY2(!requestObject.isEmpty(), "invalid JSON in the test table");

    const Result<NativeRequest> native = ChatRequestTranslator::translate(testjson::request(request));
    QVERIFY(!native.ok());
    QCOMPARE(native.error().status, 400);
    QCOMPARE(native.error().type, QStringLiteral("invalid_request_error"));
    QCOMPARE(native.error().param, param);
    QVERIFY2(native.error().message.contains(messageFragment), qPrintable(native.error().message));
}

QTEST_GUILESS_MAIN(ChatRequestTranslatorTest)
#include "tst_chat_request_translator.moc"
