#include "../openai/TestJson.h"

#include "gateway/cache/CachedAnswer.h"
#include "gateway/cache/NativeStreamAssembler.h"
#include "gateway/json/JsonTree.h"
#include "gateway/openai/ChatResponseTranslator.h"
#include "gateway/openai/ChatStreamTranslator.h"
#include "gateway/openai/CompletionTranslator.h"

#include <QJsonDocument>
#include <QTest>

using namespace llamagate;

/// A streamed answer assembled for the cache has the shape of a whole one, and a cached answer replayed as SSE gives
/// a client what the original stream gave it (text, reasoning, tool calls with their ids, finish reason, usage),
/// under a new id and time.
class TestCacheReplay : public QObject
{
    Q_OBJECT
private slots:
    void streamIsStoredAndReplayed_data();
    void streamIsStoredAndReplayed();
    void wholeAndStreamedAnswersAreStoredAlike();
    void storableReplies_data();
    void storableReplies();
    void renewedChangesOnlyIdAndCreated();
};

namespace {

/// What a client makes of an answer: the text, reasoning, tool calls, finish reason and usage.
struct Summary
{
    QJsonObject fields;
    QStringList ids; ///< every chunk's (or the answer's) id
    QList<qint64> created;
};

Summary summarizeAnswer(const QJsonObject& answer)
{
    const QJsonObject choice = answer.value(QStringLiteral("choices")).toArray().first().toObject();
    const QJsonObject message = choice.value(QStringLiteral("message")).toObject();
    QJsonArray calls;
    for (const QJsonValue& call : message.value(QStringLiteral("tool_calls")).toArray()) {
        const QJsonObject function = call.toObject().value(QStringLiteral("function")).toObject();
        calls.append(QJsonObject{{QStringLiteral("id"), call.toObject().value(QStringLiteral("id"))},
                                 {QStringLiteral("name"), function.value(QStringLiteral("name"))},
                                 {QStringLiteral("arguments"), function.value(QStringLiteral("arguments"))}});
    }
    const bool chat = answer.value(QStringLiteral("object")).toString() == u"chat.completion";
    return Summary{QJsonObject{{QStringLiteral("content"),
                                chat ? message.value(QStringLiteral("content")) : choice.value(QStringLiteral("text"))},
                               {QStringLiteral("reasoning"), message.value(QStringLiteral("reasoning")).toString()},
                               {QStringLiteral("tool_calls"), calls},
                               {QStringLiteral("finish_reason"), choice.value(QStringLiteral("finish_reason"))},
                               {QStringLiteral("usage"), answer.value(QStringLiteral("usage"))}},
                   {answer.value(QStringLiteral("id")).toString()},
                   {answer.value(QStringLiteral("created")).toInteger()}};
}

/// Folds SSE frames the way a client accumulates deltas; fails the test on a malformed stream.
Summary summarizeStream(const QByteArray& frames, bool chat)
{
    QString error;
    const QList<QByteArray> payloads = testjson::ssePayloads(frames, &error);
    if (!error.isEmpty())
        qFatal("%s", qPrintable(error));
    if (payloads.isEmpty() || payloads.last() != "[DONE]")
        qFatal("the stream does not end with [DONE]");
    Summary summary;
    QString content;
    QString reasoning;
    QJsonArray calls;
    QJsonValue finishReason;
    QJsonValue usage;
    for (qsizetype i = 0; i + 1 < payloads.size(); ++i) {
        const QJsonObject chunk = testjson::payloadValue(payloads.at(i)).toObject();
        summary.ids.append(chunk.value(QStringLiteral("id")).toString());
        summary.created.append(chunk.value(QStringLiteral("created")).toInteger());
        if (chunk.contains(QStringLiteral("usage")))
            usage = chunk.value(QStringLiteral("usage"));
        const QJsonArray choices = chunk.value(QStringLiteral("choices")).toArray();
        if (choices.isEmpty())
            continue; // the usage chunk
        const QJsonObject choice = choices.first().toObject();
        if (!choice.value(QStringLiteral("finish_reason")).isNull())
            finishReason = choice.value(QStringLiteral("finish_reason"));
        if (!chat) {
            content += choice.value(QStringLiteral("text")).toString();
            continue;
        }
        const QJsonObject delta = choice.value(QStringLiteral("delta")).toObject();
        if (i == 0 && delta.value(QStringLiteral("role")).toString() != u"assistant")
            qFatal("the first chunk does not carry the role");
        content += delta.value(QStringLiteral("content")).toString();
        reasoning += delta.value(QStringLiteral("reasoning")).toString();
        for (const QJsonValue& call : delta.value(QStringLiteral("tool_calls")).toArray()) {
            const QJsonObject function = call.toObject().value(QStringLiteral("function")).toObject();
            calls.append(QJsonObject{{QStringLiteral("id"), call.toObject().value(QStringLiteral("id"))},
                                     {QStringLiteral("name"), function.value(QStringLiteral("name"))},
                                     {QStringLiteral("arguments"), function.value(QStringLiteral("arguments"))}});
        }
    }
    summary.fields = QJsonObject{{QStringLiteral("content"), content},
                                 {QStringLiteral("reasoning"), reasoning},
                                 {QStringLiteral("tool_calls"), calls},
                                 {QStringLiteral("finish_reason"), finishReason},
                                 {QStringLiteral("usage"), usage}};
    return summary;
}

QJsonArray lines(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

const QJsonObject kUsage{{QStringLiteral("prompt_tokens"), 26},
                         {QStringLiteral("completion_tokens"), 3},
                         {QStringLiteral("total_tokens"), 29}};

} // namespace

void TestCacheReplay::streamIsStoredAndReplayed_data()
{
    QTest::addColumn<bool>("chat");
    QTest::addColumn<QJsonArray>("nativeLines");
    QTest::addColumn<QJsonObject>("expected");

    const QJsonObject text = testjson::object(R"({"content":"The sky is blue.","reasoning":"","tool_calls":[],
        "finish_reason":"stop"})");
    QTest::newRow("chat text") << true << lines(R"([
        {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"The sky"},"done":false},
        {"model":"llama3.2","created_at":"2025-01-01T00:00:01Z","message":{"role":"assistant","content":" is blue."},"done":false},
        {"model":"llama3.2","created_at":"2025-01-01T00:00:02Z","message":{"role":"assistant","content":""},"done":true,
         "done_reason":"stop","prompt_eval_count":26,"eval_count":3}])")
                               << text;
    QTest::newRow("chat with reasoning, cut at the token limit")
        << true << lines(R"([
        {"model":"deepseek-r1","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"","thinking":"Light "},"done":false},
        {"model":"deepseek-r1","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"","thinking":"scatters."},"done":false},
        {"model":"deepseek-r1","created_at":"2025-01-01T00:00:01Z","message":{"role":"assistant","content":"Rayleigh"},"done":false},
        {"model":"deepseek-r1","created_at":"2025-01-01T00:00:02Z","message":{"role":"assistant","content":""},"done":true,
         "done_reason":"length","prompt_eval_count":26,"eval_count":3}])")
        << testjson::object(
               R"({"content":"Rayleigh","reasoning":"Light scatters.","tool_calls":[],"finish_reason":"length"})");
    QTest::newRow("chat tool calls without ids")
        << true << lines(R"([
        {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"",
         "tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Tokyo"}}}]},"done":false},
        {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"",
         "tool_calls":[{"function":{"name":"get_time","arguments":{}}}]},"done":false},
        {"model":"llama3.2","created_at":"2025-01-01T00:00:02Z","message":{"role":"assistant","content":""},"done":true,
         "done_reason":"stop","prompt_eval_count":26,"eval_count":3}])")
        << testjson::object(R"({"content":"","reasoning":"","finish_reason":"tool_calls","tool_calls":[
             {"id":"<generated call id>","name":"get_weather","arguments":"{\"city\":\"Tokyo\"}"},
             {"id":"<generated call id>","name":"get_time","arguments":"{}"}]})");
    QTest::newRow("chat tool call with Ollama's id")
        << true << lines(R"([
        {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"",
         "tool_calls":[{"id":"call_abcdefgh","function":{"name":"get_weather","arguments":{"city":"Oslo"}}}]},"done":false},
        {"model":"llama3.2","created_at":"2025-01-01T00:00:02Z","message":{"role":"assistant","content":""},"done":true,
         "done_reason":"stop","prompt_eval_count":26,"eval_count":3}])")
        << testjson::object(R"({"content":"","reasoning":"","finish_reason":"tool_calls","tool_calls":[
             {"id":"call_abcdefgh","name":"get_weather","arguments":"{\"city\":\"Oslo\"}"}]})");
    QTest::newRow("text completion") << false << lines(R"([
        {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","response":"The sky","done":false},
        {"model":"llama3.2","created_at":"2025-01-01T00:00:01Z","response":" is blue.","done":false},
        {"model":"llama3.2","created_at":"2025-01-01T00:00:02Z","response":"","done":true,"context":[1,2],
         "done_reason":"stop","prompt_eval_count":26,"eval_count":3}])")
                                     << text;
}

void TestCacheReplay::streamIsStoredAndReplayed()
{
    QFETCH(bool, chat);
    QFETCH(QJsonArray, nativeLines);
    QFETCH(QJsonObject, expected);

    for (const bool includeUsage : {false, true}) {
        const QString model = nativeLines.first().toObject().value(QStringLiteral("model")).toString();
        const auto stream = [&](const QString& id, const QJsonArray& input) {
            QByteArray frames;
            NativeStreamAssembler assembler;
            if (chat) {
                ChatStreamTranslator translator(id, model, includeUsage);
                for (const QJsonValue& line : input)
                    frames += translator.feed(assembler.add(line.toObject()));
            } else {
                CompletionStreamTranslator translator(id, model, includeUsage);
                for (const QJsonValue& line : input)
                    frames += translator.feed(assembler.add(line.toObject()));
            }
            return std::make_pair(frames, assembler.reply());
        };

        // the live stream, and what is stored from it
        const auto [liveFrames, reply] = stream(QStringLiteral("chatcmpl-live"), nativeLines);
        QVERIFY(reply);
        QVERIFY(CachedAnswer::isStorable(JsonTree::of(*reply).root()));
        const AnswerJson stored =
            chat
                ? ChatResponseTranslator::translate(JsonTree::of(*reply).root(), QStringLiteral("chatcmpl-live"))
                : CompletionTranslator::translateResponse(JsonTree::of(*reply).root(), QStringLiteral("chatcmpl-live"));
        const Summary live = summarizeStream(liveFrames, chat);
        QJsonObject want = expected;
        want.insert(QStringLiteral("usage"), includeUsage ? QJsonValue(kUsage) : QJsonValue());
        QString where;
        QVERIFY2(testjson::matches(want, live.fields, &where), qPrintable(where + testjson::compact(live.fields)));
        QJsonObject storedFields = summarizeAnswer(stored.object()).fields;
        QCOMPARE(storedFields.value(QStringLiteral("usage")).toObject(), kUsage);
        storedFields.insert(QStringLiteral("usage"), live.fields.value(QStringLiteral("usage")));
        QCOMPARE(storedFields, live.fields); // tool call ids included

        // a hit replayed as SSE: the same for a client, under a new id and time
        const QByteArray renewed = stored.renewed(u"chatcmpl-replay", 1'800'000'000);
        QByteArray replayFrames;
        if (chat) {
            ChatStreamTranslator translator(QStringLiteral("chatcmpl-replay"), model, includeUsage);
            replayFrames = translator.feed(CachedAnswer::asNativeLine(renewed));
            QVERIFY(translator.isFinished());
        } else {
            CompletionStreamTranslator translator(QStringLiteral("chatcmpl-replay"), model, includeUsage);
            replayFrames = translator.feed(CachedAnswer::asNativeLine(renewed));
            QVERIFY(translator.isFinished());
        }
        const Summary replay = summarizeStream(replayFrames, chat);
        QCOMPARE(replay.fields, live.fields);
        for (const QString& id : replay.ids)
            QCOMPARE(id, QStringLiteral("chatcmpl-replay"));
        for (const qint64 created : replay.created)
            QCOMPARE(created, 1'800'000'000);
    }
}

void TestCacheReplay::wholeAndStreamedAnswersAreStoredAlike()
{
    const QJsonObject whole = testjson::object(R"({"model":"llama3.2","created_at":"2025-01-01T00:00:02Z",
        "message":{"role":"assistant","content":"The sky is blue.","thinking":"Light scatters."},
        "done":true,"done_reason":"stop","prompt_eval_count":26,"eval_count":3,"total_duration":5})");
    NativeStreamAssembler assembler;
    for (const QJsonValue& line : lines(R"([
        {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"","thinking":"Light scatters."},"done":false},
        {"model":"llama3.2","created_at":"2025-01-01T00:00:01Z","message":{"role":"assistant","content":"The sky"},"done":false},
        {"model":"llama3.2","created_at":"2025-01-01T00:00:01Z","message":{"role":"assistant","content":" is blue."},"done":false},
        {"model":"llama3.2","created_at":"2025-01-01T00:00:02Z","message":{"role":"assistant","content":""},"done":true,
         "done_reason":"stop","prompt_eval_count":26,"eval_count":3,"total_duration":5}])"))
        assembler.add(line.toObject());
    QCOMPARE(ChatResponseTranslator::translate(JsonTree::of(*assembler.reply()).root(), QStringLiteral("chatcmpl-1"))
                 .bytes(),
             ChatResponseTranslator::translate(JsonTree::of(whole).root(), QStringLiteral("chatcmpl-1")).bytes());
}

void TestCacheReplay::storableReplies_data()
{
    QTest::addColumn<QJsonArray>("nativeLines");
    QTest::addColumn<bool>("storable");
    QTest::newRow("complete") << lines(R"([{"message":{"content":"a"},"done":false},
        {"message":{"content":""},"done":true,"done_reason":"stop"}])")
                              << true;
    QTest::newRow("complete without done_reason") << lines(R"([{"response":"a","done":true}])") << true;
    QTest::newRow("not finished") << lines(R"([{"message":{"content":"a"},"done":false}])") << false;
    QTest::newRow("error line") << lines(R"([{"message":{"content":"a"},"done":false},{"error":"model crashed"}])")
                                << false;
    QTest::newRow("error line, then a final line")
        << lines(R"([{"error":"model crashed"},{"message":{"content":""},"done":true,"done_reason":"stop"}])") << false;
    QTest::newRow("model load") << lines(R"([{"message":{"content":""},"done":true,"done_reason":"load"}])") << false;
    QTest::newRow("model unload") << lines(R"([{"response":"","done":true,"done_reason":"unload"}])") << false;
}

void TestCacheReplay::storableReplies()
{
    QFETCH(QJsonArray, nativeLines);
    QFETCH(bool, storable);
    NativeStreamAssembler assembler;
    for (const QJsonValue& line : nativeLines)
        assembler.add(line.toObject());
    const std::optional<QJsonObject> reply = assembler.reply();
    QCOMPARE(reply.has_value() && CachedAnswer::isStorable(JsonTree::of(*reply).root()), storable);
    if (nativeLines.size() == 1) // a whole (non-streamed) reply is judged the same way
        QCOMPARE(CachedAnswer::isStorable(JsonTree::of(nativeLines.first().toObject()).root()), storable);
}

void TestCacheReplay::renewedChangesOnlyIdAndCreated()
{
    const QJsonObject answer = testjson::object(
        R"({"id":"chatcmpl-old","object":"chat.completion","created":1,"model":"m","choices":[],"usage":{}})");
    QJsonObject expected = answer;
    expected.insert(QStringLiteral("id"), QStringLiteral("chatcmpl-new"));
    expected.insert(QStringLiteral("created"), 2);
    const QByteArray expectedJson = QJsonDocument(expected).toJson(QJsonDocument::Compact);
    QCOMPARE(AnswerJson::of(answer).bytes(), QJsonDocument(answer).toJson(QJsonDocument::Compact));
    QCOMPARE(AnswerJson::of(answer).renewed(u"chatcmpl-new", 2), expectedJson);

    // as the translators write them: with a tool call's "id" inside, and an id that needs escaping
    const QJsonObject reply = testjson::object(R"({"model":"m","created_at":"2024-01-02T03:04:05Z","done":true,
        "message":{"role":"assistant","content":"\"id\":1,\"created\":2","tool_calls":[{"id":"call_1",
        "function":{"name":"f","arguments":{}}}]}})");
    const AnswerJson translated =
        ChatResponseTranslator::translate(JsonTree::of(reply).root(), QStringLiteral("chatcmpl-old"));
    QJsonObject renewedObject = translated.object();
    renewedObject.insert(QStringLiteral("id"), QStringLiteral("new \"id\" \u00e9"));
    renewedObject.insert(QStringLiteral("created"), qint64(1'800'000'000'000));
    QCOMPARE(translated.renewed(u"new \"id\" \u00e9", 1'800'000'000'000),
             QJsonDocument(renewedObject).toJson(QJsonDocument::Compact));
    const AnswerJson completion = CompletionTranslator::translateResponse(
        JsonTree::of(testjson::object(R"({"model":"m","response":"r","done":true})")).root(),
        QStringLiteral("cmpl-old"));
    QJsonObject renewedCompletion = completion.object();
    renewedCompletion.insert(QStringLiteral("id"), QStringLiteral("cmpl-new"));
    renewedCompletion.insert(QStringLiteral("created"), 3);
    QCOMPARE(completion.renewed(u"cmpl-new", 3), QJsonDocument(renewedCompletion).toJson(QJsonDocument::Compact));

    const QJsonObject embeddings = testjson::object(R"({"object":"list","data":[],"model":"m","usage":{}})");
    QCOMPARE(AnswerJson::of(embeddings).renewed(QString(), 2),
             QJsonDocument(embeddings).toJson(QJsonDocument::Compact));
}

QTEST_GUILESS_MAIN(TestCacheReplay)
#include "tst_cache_replay.moc"
