#include "gateway/cache/CacheKey.h"
#include "gateway/json/CompactJson.h"
#include "gateway/json/JsonMembers.h"
#include "gateway/openai/ChatRequestTranslator.h"
#include "gateway/openai/CompletionTranslator.h"
#include "gateway/openai/EmbeddingsTranslator.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace llamagate;

/// The response cache key: computed from the translated request, it changes with everything that changes the answer
/// and with nothing else.
class TestCacheKey : public QObject
{
    Q_OBJECT
private slots:
    void canonicalJsonIsSortedAndCompact();
    void keyIsSha256Hex();
    void keyChangesOnlyWithTheAnswer_data();
    void keyChangesOnlyWithTheAnswer();
    void endpointIsPartOfTheKey();
    void membersAreWrittenAsQJsonDocumentWritesThem();
    void insertedMembersAreWrittenAsQJsonDocumentWritesThem();
};

namespace {

/// The members of `object` (plain ASCII keys), each written as QJsonDocument writes it.
JsonMembers membersOf(const QJsonObject& object)
{
    JsonMembers members;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QByteArray key = it.key().toLatin1();
        members.insert(QLatin1StringView(key), [&it](QByteArray& out) { CompactJson::appendValue(out, it.value()); });
    }
    return members;
}

/// The members of a native body written in a test table.
JsonMembers json(const char* text)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (!document.isObject())
        qFatal("bad JSON in test table: %s (%s)", text, qPrintable(error.errorString()));
    return membersOf(document.object());
}

/// The key of a raw OpenAI request body as the route computes it: translated first, then hashed.
QByteArray keyOf(const QString& endpoint, const QByteArray& body)
{
    const JsonTree request = JsonTree::parse(body).value();
    if (endpoint == u"/v1/embeddings") {
        const Result<NativeEmbedRequest> native = EmbeddingsTranslator::translateRequest(request);
        if (!native.ok())
            qFatal("request refused: %s", qPrintable(native.error().message));
        return CacheKey::of(endpoint, native.value().body, {{QStringLiteral("base64"), native.value().base64}});
    }
    const Result<NativeRequest> native = endpoint == u"/v1/completions"
                                             ? CompletionTranslator::translateRequest(request)
                                             : ChatRequestTranslator::translate(request);
    if (!native.ok())
        qFatal("request refused: %s", qPrintable(native.error().message));
    return CacheKey::of(endpoint, native.value().body);
}

} // namespace

void TestCacheKey::canonicalJsonIsSortedAndCompact()
{
    const JsonMembers body =
        json(R"({"stream":true,"keep_alive":"5m","model":"m","b":[3,{"z":1,"a":2}],"a":{"y":1,"x":0.5}})");
    QCOMPARE(
        CacheKey::canonicalJson(QStringLiteral("/v1/chat/completions"), body),
        QByteArray(
            R"({"endpoint":"/v1/chat/completions","request":{"a":{"x":0.5,"y":1},"b":[3,{"a":2,"z":1}],"model":"m"}})"));
    QCOMPARE(CacheKey::canonicalJson(
                 QStringLiteral("/v1/embeddings"), json(R"({"model":"m"})"), {{QStringLiteral("base64"), true}}),
             QByteArray(R"({"answer":{"base64":true},"endpoint":"/v1/embeddings","request":{"model":"m"}})"));
    // The key hashes the canonical JSON piece by piece: the same bytes.
    const QJsonObject answerShape{{QStringLiteral("base64"), true}};
    QCOMPARE(
        CacheKey::of(QStringLiteral("/v1/chat/completions"), body, answerShape),
        QCryptographicHash::hash(CacheKey::canonicalJson(QStringLiteral("/v1/chat/completions"), body, answerShape),
                                 QCryptographicHash::Sha256)
            .toHex());
}

void TestCacheKey::keyIsSha256Hex()
{
    const QByteArray key = CacheKey::of(QStringLiteral("/v1/chat/completions"), json(R"({"model":"m"})"));
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(QString::fromLatin1(key)).hasMatch(), key);
    // sha256 of {"endpoint":"/v1/chat/completions","request":{"model":"m"}}, computed independently (sha256sum)
    QCOMPARE(key, QByteArray("19552c6c7546b0af16f926368b9eb3fbaf8ca56526fd7ca116ec8092b0fe5a71"));
}

void TestCacheKey::keyChangesOnlyWithTheAnswer_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("variant");
    QTest::addColumn<bool>("sameKey");

    const QString chat = QStringLiteral("/v1/chat/completions");
    const QByteArray base = R"({"model":"llama3.2","messages":[{"role":"user","content":"Why is the sky blue?"}]})";
    const auto row = [&](const char* name, const char* variant, bool same) {
        QTest::newRow(name) << chat << base << QByteArray(variant) << same;
    };
    // what must not change the key
    row("same request", R"({"model":"llama3.2","messages":[{"role":"user","content":"Why is the sky blue?"}]})", true);
    row("key order and whitespace",
        R"({ "messages" : [ { "content" : "Why is the sky blue?", "role" : "user" } ], "model" : "llama3.2" })",
        true);
    row("stream",
        R"({"model":"llama3.2","stream":true,"messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        true);
    row("stream false",
        R"({"model":"llama3.2","stream":false,"messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        true);
    row("stream_options",
        R"({"model":"llama3.2","stream":true,"stream_options":{"include_usage":true},
        "messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        true);
    row("user",
        R"({"model":"llama3.2","user":"alice","messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        true);
    row("keep_alive",
        R"({"model":"llama3.2","keep_alive":"1h","messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        true);
    row("n = 1", R"({"model":"llama3.2","n":1,"messages":[{"role":"user","content":"Why is the sky blue?"}]})", true);
    row("content as text parts",
        R"({"model":"llama3.2","messages":[{"role":"user",
        "content":[{"type":"text","text":"Why is the sky blue?"}]}]})",
        true);

    const QByteArray sampled =
        R"({"model":"llama3.2","temperature":0.5,"max_tokens":64,"stop":"\n","messages":[{"role":"user","content":"Hi"}]})";
    const auto sampledRow = [&](const char* name, const char* variant, bool same) {
        QTest::newRow(name) << chat << sampled << QByteArray(variant) << same;
    };
    sampledRow(
        "1 and 1.0, 0.5 and 0.50",
        R"({"model":"llama3.2","temperature":0.50,"max_tokens":64.0,"stop":"\n","messages":[{"role":"user","content":"Hi"}]})",
        true);
    sampledRow(
        "max_completion_tokens for max_tokens",
        R"({"model":"llama3.2","temperature":0.5,"max_completion_tokens":64,"stop":"\n","messages":[{"role":"user","content":"Hi"}]})",
        true);
    sampledRow(
        "stop as a one-element list",
        R"({"model":"llama3.2","temperature":0.5,"max_tokens":64,"stop":["\n"],"messages":[{"role":"user","content":"Hi"}]})",
        true);
    sampledRow(
        "temperature as the native option",
        R"({"model":"llama3.2","options":{"temperature":0.5},"max_tokens":64,"stop":"\n","messages":[{"role":"user","content":"Hi"}]})",
        true);

    // what changes the answer, so the key
    row("model", R"({"model":"deepseek-r1","messages":[{"role":"user","content":"Why is the sky blue?"}]})", false);
    row("message text",
        R"({"model":"llama3.2","messages":[{"role":"user","content":"Why is the sky green?"}]})",
        false);
    row("message role",
        R"({"model":"llama3.2","messages":[{"role":"system","content":"Why is the sky blue?"}]})",
        false);
    row("one more message",
        R"({"model":"llama3.2","messages":[{"role":"system","content":"Be brief."},
        {"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("temperature",
        R"({"model":"llama3.2","temperature":0.2,"messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("top_p",
        R"({"model":"llama3.2","top_p":0.9,"messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("seed",
        R"({"model":"llama3.2","seed":42,"messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("frequency_penalty",
        R"({"model":"llama3.2","frequency_penalty":0.5,
        "messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("presence_penalty",
        R"({"model":"llama3.2","presence_penalty":0.5,
        "messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("stop",
        R"({"model":"llama3.2","stop":["."],"messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("max_tokens",
        R"({"model":"llama3.2","max_tokens":10,"messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("native option",
        R"({"model":"llama3.2","options":{"num_ctx":8192},
        "messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("response_format json_object",
        R"({"model":"llama3.2","response_format":{"type":"json_object"},
        "messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("response_format json_schema",
        R"({"model":"llama3.2","response_format":{"type":"json_schema",
        "json_schema":{"name":"a","schema":{"type":"object"}}},"messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("reasoning_effort",
        R"({"model":"llama3.2","reasoning_effort":"high",
        "messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("think",
        R"({"model":"llama3.2","think":true,"messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);
    row("tools",
        R"({"model":"llama3.2","tools":[{"type":"function","function":{"name":"get_weather",
        "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
        "messages":[{"role":"user","content":"Why is the sky blue?"}]})",
        false);

    const QByteArray tools = R"({"model":"llama3.2","messages":[{"role":"user","content":"Weather?"}],"tools":[
        {"type":"function","function":{"name":"a","parameters":{"type":"object"}}},
        {"type":"function","function":{"name":"b","parameters":{"type":"object"}}}]})";
    const auto toolRow = [&](const char* name, const char* choice, bool same) {
        QByteArray variant = tools;
        variant.insert(1, QByteArray(R"("tool_choice":)") + choice + ',');
        QTest::newRow(name) << chat << tools << variant << same;
    };
    toolRow("tool_choice auto", R"("auto")", true);
    toolRow("tool_choice none", R"("none")", false);
    toolRow("tool_choice named", R"({"type":"function","function":{"name":"b"}})", false);

    const QString completions = QStringLiteral("/v1/completions");
    const QByteArray prompt = R"({"model":"llama3.2","prompt":"Why is the sky blue?"})";
    QTest::newRow("completion: stream") << completions << prompt
                                        << QByteArray(
                                               R"({"model":"llama3.2","stream":true,"prompt":"Why is the sky blue?"})")
                                        << true;
    QTest::newRow("completion: prompt as a one-element list")
        << completions << prompt << QByteArray(R"({"model":"llama3.2","prompt":["Why is the sky blue?"]})") << true;
    QTest::newRow("completion: prompt") << completions << prompt
                                        << QByteArray(R"({"model":"llama3.2","prompt":"Why is the grass green?"})")
                                        << false;
    QTest::newRow("completion: suffix") << completions << prompt
                                        << QByteArray(
                                               R"({"model":"llama3.2","prompt":"Why is the sky blue?","suffix":"!"})")
                                        << false;

    const QString embeddings = QStringLiteral("/v1/embeddings");
    const QByteArray input = R"({"model":"llama3.2","input":"Why is the sky blue?"})";
    QTest::newRow("embeddings: user") << embeddings << input
                                      << QByteArray(
                                             R"({"model":"llama3.2","user":"bob","input":"Why is the sky blue?"})")
                                      << true;
    QTest::newRow("embeddings: encoding_format float is the default")
        << embeddings << input
        << QByteArray(R"({"model":"llama3.2","encoding_format":"float","input":"Why is the sky blue?"})") << true;
    QTest::newRow("embeddings: input") << embeddings << input
                                       << QByteArray(R"({"model":"llama3.2","input":["Why is the sky blue?"]})")
                                       << false;
    QTest::newRow("embeddings: dimensions")
        << embeddings << input << QByteArray(R"({"model":"llama3.2","dimensions":4,"input":"Why is the sky blue?"})")
        << false;
    QTest::newRow("embeddings: encoding_format base64")
        << embeddings << input
        << QByteArray(R"({"model":"llama3.2","encoding_format":"base64","input":"Why is the sky blue?"})") << false;
}

void TestCacheKey::keyChangesOnlyWithTheAnswer()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, variant);
    QFETCH(bool, sameKey);
    QCOMPARE(keyOf(endpoint, variant) == keyOf(endpoint, base), sameKey);
}

void TestCacheKey::endpointIsPartOfTheKey()
{
    const JsonMembers body = json(R"({"model":"llama3.2","prompt":"Hi"})");
    QVERIFY(CacheKey::of(QStringLiteral("/v1/completions"), body) !=
            CacheKey::of(QStringLiteral("/v1/chat/completions"), body));
}

void TestCacheKey::membersAreWrittenAsQJsonDocumentWritesThem()
{
    // The body sent to Ollama comes from the same members as the cache key, written by hand: it must read exactly
    // as QJsonDocument writes the object.
    const QJsonObject body{
        {QStringLiteral("model"), QStringLiteral("llama3.2:latest")},
        {QStringLiteral("stream"), false},
        {QStringLiteral("think"), true},
        {QStringLiteral("keep_alive"), -1},
        {QStringLiteral("seed"), qint64(1234567890123)},
        {QStringLiteral("ratio"), 0.25},
        {QStringLiteral("none"), QJsonValue::Null},
        {QStringLiteral("format"), QStringLiteral("Grüße \"q\" \\ \t\n\b\f \u0001 \u007f 日本 😀")},
        {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}}}},
        {QStringLiteral("options"), QJsonObject{{QStringLiteral("temperature"), 0.7}}},
    };
    const JsonMembers members = membersOf(body);
    QCOMPARE(members.object(), QJsonDocument(body).toJson(QJsonDocument::Compact));
    const auto writtenWithout = [&members, &body](std::initializer_list<QLatin1StringView> names) {
        QJsonObject expected = body;
        for (QLatin1StringView name : names)
            expected.remove(name);
        QByteArray written;
        members.writeObject(names, [&written](QByteArrayView piece) { written.append(piece); });
        QCOMPARE(written, QJsonDocument(expected).toJson(QJsonDocument::Compact));
        QCOMPARE(members.object(names), written);
    };
    // Left out: in the middle, adjacent, the first, the last, all but one, all, names no member has.
    writtenWithout({QLatin1StringView("stream"), QLatin1StringView("model")});
    writtenWithout({QLatin1StringView("model"), QLatin1StringView("none")});
    writtenWithout({QLatin1StringView("format")});
    writtenWithout({QLatin1StringView("think"), QLatin1StringView("stream")});
    writtenWithout({QLatin1StringView("format"), QLatin1StringView("keep_alive"), QLatin1StringView("messages")});
    writtenWithout({QLatin1StringView("format"),
                    QLatin1StringView("keep_alive"),
                    QLatin1StringView("messages"),
                    QLatin1StringView("model"),
                    QLatin1StringView("none"),
                    QLatin1StringView("options"),
                    QLatin1StringView("ratio"),
                    QLatin1StringView("seed"),
                    QLatin1StringView("stream")});
    writtenWithout({QLatin1StringView("format"),
                    QLatin1StringView("keep_alive"),
                    QLatin1StringView("messages"),
                    QLatin1StringView("model"),
                    QLatin1StringView("none"),
                    QLatin1StringView("options"),
                    QLatin1StringView("ratio"),
                    QLatin1StringView("seed"),
                    QLatin1StringView("stream"),
                    QLatin1StringView("think")});
    writtenWithout({QLatin1StringView("mode"), QLatin1StringView("streams"), QLatin1StringView("")});
    QCOMPARE(JsonMembers().object(), QByteArray("{}"));
    QCOMPARE(JsonMembers().object({QLatin1StringView("stream")}), QByteArray("{}"));
}

void TestCacheKey::insertedMembersAreWrittenAsQJsonDocumentWritesThem()
{
    // Members set one by one in any order, some replaced or removed: written sorted, each once, as QJsonDocument
    // writes the same object.
    JsonMembers members;
    QJsonObject expected;
    const auto set = [&](const char* key, const char* json) {
        members.insertJson(QLatin1StringView(key), json);
        expected.insert(QLatin1StringView(key), QJsonDocument::fromJson(QByteArray("[") + json + "]").array().at(0));
    };
    QVERIFY(members.isEmpty());
    QCOMPARE(members.object(), QByteArray("{}"));
    set("stream", "false");
    set("model", "\"m\"");
    set("tools", "[{\"a\":1}]");
    set("think", "true");
    set("messages", "[]");
    set("think", "\"low\""); // replaced: written once, in its place
    set("keep_alive", "-1");
    set("options", "{\"num_ctx\":8}");
    set("a", "null");
    set("zz", "0.5");
    members.remove(QLatin1StringView("a"));
    expected.remove(QLatin1StringView("a"));
    members.remove(QLatin1StringView("absent"));
    QCOMPARE(members.object(), QJsonDocument(expected).toJson(QJsonDocument::Compact));
    QCOMPARE(members.toJsonObject(), expected);
    // Left out, with the members kept written in runs and pieces.
    for (const auto& leftOut : {std::initializer_list<QLatin1StringView>{QLatin1StringView("stream")},
                                {QLatin1StringView("keep_alive"), QLatin1StringView("zz")},
                                {QLatin1StringView("messages"), QLatin1StringView("model")}}) {
        QJsonObject without = expected;
        for (QLatin1StringView name : leftOut)
            without.remove(name);
        QByteArray written;
        int pieces = 0;
        members.writeObject(leftOut, [&](QByteArrayView piece) {
            written.append(piece);
            ++pieces;
        });
        QCOMPARE(written, QJsonDocument(without).toJson(QJsonDocument::Compact));
        QCOMPARE(members.object(leftOut), written);
        QVERIFY(pieces <= without.size() + 2);
    }
}

QTEST_GUILESS_MAIN(TestCacheKey)
#include "tst_cache_key.moc"
