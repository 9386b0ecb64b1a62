#include "TestJson.h"

#include "gateway/openai/ChatResponseTranslator.h"
#include "gateway/openai/ChatStreamTranslator.h"
#include "gateway/openai/NativeReplyFields.h"
#include "gateway/openai/NdjsonLineBuffer.h"

#include <QDateTime>
#include <QtTest>

using namespace llamagate;

/// Native /api/chat replies → chat.completion objects, and native NDJSON streams → SSE chunk frames.
class ChatResponseTranslatorTest : public QObject
{
    Q_OBJECT

private slots:
    void fixtureReplies_data();
    void fixtureReplies();
    void replies_data();
    void replies();
    void generatedToolCallIdsDiffer();
    void missingCreatedAtIsNow();
    void createdAtReadAsQDateTimeReadsIt_data();
    void createdAtReadAsQDateTimeReadsIt();
    void createdAtOverManyDays();
    void fixtureStreams_data();
    void fixtureStreams();
    void streams_data();
    void streams();
    void nothingAfterTheEnd();
    void failEndsTheStream();
};

namespace {

QJsonObject chatReply(const char* message, const char* extra = "")
{
    return testjson::object((QByteArray(R"({"model":"m","created_at":"2024-01-02T03:04:05Z","done":true,"message":)") +
                             message + (*extra ? QByteArray(",") + extra : QByteArray()) + '}')
                                .constData());
}

QJsonObject completion(const char* message, const char* finishReason, int prompt = 0, int completion = 0)
{
    QJsonObject expected = testjson::object(R"({"id":"chatcmpl-x","object":"chat.completion","created":1704164645,
        "model":"m","choices":[{"index":0,"logprobs":null}]})");
    QJsonArray choices = expected[QStringLiteral("choices")].toArray();
    QJsonObject choice = choices.first().toObject();
    choice.insert(QStringLiteral("message"), testjson::object(message));
    choice.insert(QStringLiteral("finish_reason"), QString::fromLatin1(finishReason));
    expected.insert(QStringLiteral("choices"), QJsonArray{choice});
    expected.insert(QStringLiteral("usage"),
                    QJsonObject{{QStringLiteral("prompt_tokens"), prompt},
                                {QStringLiteral("completion_tokens"), completion},
                                {QStringLiteral("total_tokens"), prompt + completion}});
    return expected;
}

QString mismatch(const QString& where, const QJsonValue& expected, const QJsonValue& actual)
{
    return QStringLiteral("at %1\nexpected %2\nactual   %3")
        .arg(where, testjson::compact(expected), testjson::compact(actual));
}

/// Feeds each line and returns, per line, the frames produced (as JSON values), or sets `error`.
QJsonArray framesPerLine(ChatStreamTranslator& translator, const QList<QJsonObject>& lines, QString* error)
{
    QJsonArray result;
    for (const QJsonObject& line : lines) {
        QJsonArray frames;
        for (const QByteArray& payload : testjson::ssePayloads(translator.feed(line), error))
            frames.append(testjson::payloadValue(payload));
        result.append(frames);
    }
    return result;
}

} // namespace

void ChatResponseTranslatorTest::fixtureReplies_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    QString error;
    const QJsonArray cases =
        testjson::load(QStringLiteral("tests:unit/openai/expected/chat-responses.json"), &error).toArray();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue& testCase : cases)
        QTest::newRow(qPrintable(testCase[QStringLiteral("name")].toString())) << testCase.toObject();
}

void ChatResponseTranslatorTest::fixtureReplies()
{
    QFETCH(QJsonObject, testCase);
    QString error;
    const JsonTree reply = testjson::tree(testCase[QStringLiteral("reply")], &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const AnswerJson answer = ChatResponseTranslator::translate(reply.root(), QStringLiteral("chatcmpl-test"));
    QCOMPARE(answer.bytes(), testjson::qtCompact(answer.bytes()));
    const QJsonObject actual = answer.object();
    const QJsonValue expected = testCase[QStringLiteral("expected")];
    QString where;
    QVERIFY2(testjson::matches(expected, actual, &where), qPrintable(mismatch(where, expected, actual)));
}

void ChatResponseTranslatorTest::replies_data()
{
    QTest::addColumn<QJsonObject>("reply");
    QTest::addColumn<QJsonObject>("expected");

    QTest::newRow("thinking → reasoning and reasoning_content")
        << chatReply(R"({"role":"assistant","content":"4","thinking":"2+2"})", R"("done_reason":"stop")")
        << completion(R"({"role":"assistant","content":"4","reasoning":"2+2","reasoning_content":"2+2"})", "stop");
    QTest::newRow("empty thinking is omitted") << chatReply(R"({"role":"assistant","content":"4","thinking":""})")
                                               << completion(R"({"role":"assistant","content":"4"})", "stop");
    QTest::newRow("native tool call id kept, object arguments compact")
        << chatReply(R"({"role":"assistant","content":"","tool_calls":[{"id":"call_abc","function":{"index":0,
                        "name":"f","arguments":{"a": 1, "b": "x y"}}}]})",
                     R"("done_reason":"stop")")
        << completion(R"({"role":"assistant","content":"","tool_calls":[{"id":"call_abc","type":"function",
                        "function":{"name":"f","arguments":"{\"a\":1,\"b\":\"x y\"}"}}]})",
                      "tool_calls");
    QTest::newRow("tool call without arguments → \"{}\"; no done_reason → tool_calls")
        << chatReply(R"({"role":"assistant","content":"","tool_calls":[{"function":{"name":"f"}}]})")
        << completion(R"({"role":"assistant","content":"","tool_calls":[{"id":"<generated call id>","type":"function",
                        "function":{"name":"f","arguments":"{}"}}]})",
                      "tool_calls");
    QTest::newRow("length stays length") << chatReply(R"({"role":"assistant","content":"abc"})",
                                                      R"("done_reason":"length","prompt_eval_count":3,"eval_count":5)")
                                         << completion(R"({"role":"assistant","content":"abc"})", "length", 3, 5);
    QTest::newRow("length wins over tool calls")
        << chatReply(
               R"({"role":"assistant","content":"","tool_calls":[{"id":"i","function":{"name":"f","arguments":{}}}]})",
               R"("done_reason":"length")")
        << completion(R"({"role":"assistant","content":"","tool_calls":[{"id":"i","type":"function",
                        "function":{"name":"f","arguments":"{}"}}]})",
                      "length");
    QTest::newRow("unknown done_reason → stop")
        << chatReply(R"({"role":"assistant","content":"a"})", R"("done_reason":"something_new")")
        << completion(R"({"role":"assistant","content":"a"})", "stop");
    QTest::newRow("empty done_reason → stop")
        << chatReply(R"({"role":"assistant","content":"a"})", R"("done_reason":"")")
        << completion(R"({"role":"assistant","content":"a"})", "stop");
    QTest::newRow("missing message → empty assistant content")
        << chatReply("null") << completion(R"({"role":"assistant","content":""})", "stop");
}

void ChatResponseTranslatorTest::replies()
{
    QFETCH(QJsonObject, reply);
    QFETCH(QJsonObject, expected);
    QVERIFY2(!reply.isEmpty() && !expected.isEmpty(), "invalid JSON in the test table");
    const AnswerJson answer =
        ChatResponseTranslator::translate(JsonTree::of(reply).root(), QStringLiteral("chatcmpl-x"));
    QCOMPARE(answer.bytes(), testjson::qtCompact(answer.bytes()));
    const QJsonObject actual = answer.object();
    QString where;
    QVERIFY2(testjson::matches(expected, actual, &where), qPrintable(mismatch(where, expected, actual)));
}

void ChatResponseTranslatorTest::generatedToolCallIdsDiffer()
{
    const QJsonObject actual =
        ChatResponseTranslator::translate(
            JsonTree::of(
                chatReply(R"({"role":"assistant","content":"","tool_calls":[{"function":{"name":"f","arguments":{}}},
                                                                    {"function":{"name":"g","arguments":{}}}]})"))
                .root(),
            QStringLiteral("chatcmpl-x"))
            .object();
    const QJsonArray calls =
        actual[QStringLiteral("choices")][0][QStringLiteral("message")][QStringLiteral("tool_calls")].toArray();
    QCOMPARE(calls.size(), 2);
    QVERIFY(calls.at(0)[QStringLiteral("id")].toString().startsWith(u"call_"));
    QVERIFY(calls.at(0)[QStringLiteral("id")] != calls.at(1)[QStringLiteral("id")]);
}

void ChatResponseTranslatorTest::missingCreatedAtIsNow()
{
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const QJsonObject actual =
        ChatResponseTranslator::translate(
            JsonTree::of(testjson::object(R"({"model":"m","message":{"role":"assistant","content":"x"},"done":true})"))
                .root(),
            QStringLiteral("chatcmpl-x"))
            .object();
    const qint64 created = actual[QStringLiteral("created")].toInteger();
    QVERIFY(created >= before && created <= QDateTime::currentSecsSinceEpoch());
}

namespace {

/// What QDateTime makes of a timestamp, the way NativeReplyFields read it before it parsed the usual form by hand.
qint64 qtSeconds(const QString& text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toSecsSinceEpoch() : -1;
}

} // namespace

void ChatResponseTranslatorTest::createdAtReadAsQDateTimeReadsIt_data()
{
    QTest::addColumn<QString>("timestamp");
    for (const char* text : {"2023-08-04T08:52:19.385406455-07:00",
                             "2024-01-02T03:04:05Z",
                             "2024-01-02T03:04:05.1Z",
                             "2024-01-02T03:04:05.12Z",
                             "2024-01-02T03:04:05.123Z",
                             "2024-01-02T03:04:05.123456789Z",
                             "2024-01-02T03:04:05.1234567890Z",
                             "2024-02-29T23:59:59.9994Z",
                             "2024-02-29T23:59:59.9995Z",
                             "2024-02-29T23:59:59.998999999Z",
                             "2023-12-31T23:59:59.999999999Z",
                             "2023-12-31T23:59:59.9999999+00:00",
                             "2023-02-29T00:00:00Z",
                             "2024-13-01T00:00:00Z",
                             "2024-00-01T00:00:00Z",
                             "2024-01-00T00:00:00Z",
                             "2024-04-31T00:00:00Z",
                             "2024-01-01T24:00:00Z",
                             "2024-01-01T23:60:00Z",
                             "2024-01-01T23:59:60Z",
                             "1970-01-01T00:00:00Z",
                             "1970-01-01T00:30:00+01:00",
                             "1970-01-01T00:00:00-01:00",
                             "1969-12-31T23:59:59Z",
                             "1969-12-31T23:59:59.5Z",
                             "0001-01-01T00:00:00Z",
                             "9999-12-31T23:59:59Z",
                             "2100-02-29T00:00:00Z",
                             "2000-02-29T12:00:00Z",
                             "2024-01-02T03:04:05+14:00",
                             "2024-01-02T03:04:05+14:01",
                             "2024-01-02T03:04:05-14:00",
                             "2024-01-02T03:04:05-12:00",
                             "2024-01-02T03:04:05+05:30",
                             "2024-01-02T03:04:05+23:59",
                             "2024-01-02T03:04:05+24:00",
                             "2024-01-02T03:04:05+01:60",
                             "2024-01-02T03:04:05+0100",
                             "2024-01-02T03:04:05+01",
                             "2024-01-02T03:04:05.5+01:00",
                             "2024-01-02T03:04:05",
                             "2024-01-02 03:04:05Z",
                             "2024-01-02t03:04:05z",
                             "2024-01-02T03:04:05.Z",
                             "2024-01-02T03:04:05,5Z",
                             "2024-01-02T03:04Z",
                             "2024-01-02T03:04:05ZZ",
                             "2024-01-02T03:04:05Z ",
                             " 2024-01-02T03:04:05Z",
                             "2024-1-02T03:04:05Z",
                             "+2024-01-02T03:04:05Z",
                             "2024-01-02T03:04:05.-1Z",
                             "2024-01-02T03:04:-5Z",
                             "",
                             "garbage"})
        QTest::newRow(*text ? text : "empty") << QString::fromUtf8(text);
    QTest::newRow("full-width digits") << QStringLiteral("\uFF12024-01-02T03:04:05Z");
}

void ChatResponseTranslatorTest::createdAtReadAsQDateTimeReadsIt()
{
    QFETCH(QString, timestamp);
    QCOMPARE(NativeReplyFields::unixSeconds(timestamp, -1), qtSeconds(timestamp));
}

void ChatResponseTranslatorTest::createdAtOverManyDays()
{
    // every day from 1970 to 2100, at times and offsets that move on from day to day
    static constexpr const char* offsets[] = {"Z", "+00:00", "-07:00", "+05:30", "+14:00", "-12:00", "+01:00"};
    static constexpr const char* fractions[] = {"", ".0", ".5", ".385406455", ".999", ".9989", ".04"};
    const QDate last(2100, 12, 31);
    int n = 0;
    for (QDate day(1970, 1, 1); day <= last; day = day.addDays(1), ++n) {
        const QString text = day.toString(Qt::ISODate) + QStringLiteral("T%1:%2:%3%4%5")
                                                             .arg(n % 24, 2, 10, QLatin1Char('0'))
                                                             .arg(n * 7 % 60, 2, 10, QLatin1Char('0'))
                                                             .arg(n * 13 % 60, 2, 10, QLatin1Char('0'))
                                                             .arg(QLatin1StringView(fractions[n % 7]))
                                                             .arg(QLatin1StringView(offsets[n / 7 % 7]));
        QCOMPARE(NativeReplyFields::unixSeconds(text, -1), qtSeconds(text));
    }
}

void ChatResponseTranslatorTest::fixtureStreams_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    QString error;
    const QJsonArray cases =
        testjson::load(QStringLiteral("tests:unit/openai/expected/chat-streams.json"), &error).toArray();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue& testCase : cases)
        QTest::newRow(qPrintable(testCase[QStringLiteral("name")].toString())) << testCase.toObject();
}

void ChatResponseTranslatorTest::fixtureStreams()
{
    QFETCH(QJsonObject, testCase);
    QString error;
    const QByteArray ndjson = testjson::readFile(testCase[QStringLiteral("ndjson")].toString(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    NdjsonLineBuffer buffer;
    Result<QList<QByteArray>> lines = buffer.feed(ndjson);
    QVERIFY(lines.ok());
    QList<QJsonObject> objects;
    for (const QByteArray& line : lines.value()) {
        const Result<QJsonObject> object = NdjsonLineBuffer::parse(line);
        QVERIFY(object.ok());
        objects.append(object.value());
    }

    ChatStreamTranslator translator(QStringLiteral("chatcmpl-stream"),
                                    testCase[QStringLiteral("model")].toString(),
                                    testCase[QStringLiteral("includeUsage")].toBool());
    const QJsonArray actual = framesPerLine(translator, objects, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonValue expected = testCase[QStringLiteral("framesPerLine")];
    QString where;
    QVERIFY2(testjson::matches(expected, actual, &where), qPrintable(mismatch(where, expected, actual)));
    QVERIFY(translator.isFinished());
}

void ChatResponseTranslatorTest::streams_data()
{
    QTest::addColumn<QJsonArray>("lines");
    QTest::addColumn<bool>("includeUsage");
    QTest::addColumn<QJsonArray>("expected"); // per line, the frames' `choices[0].delta` + finish_reason, or markers

    // Compact expectations: each frame as {"delta":…, "finish_reason":…}, {"usage":…}, {"error":…} or "[DONE]".
    const auto rows = [](const char* json) { return QJsonDocument::fromJson(QByteArray(json)).array(); };
    QTest::newRow("reasoning before content on one line")
        << rows(R"([{"model":"m","message":{"role":"assistant","content":"A","thinking":"T"},"done":false},
                    {"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop"}])")
        << false << rows(R"([[{"delta":{"role":"assistant","content":""},"finish_reason":null},
                     {"delta":{"reasoning":"T","reasoning_content":"T"},"finish_reason":null},
                     {"delta":{"content":"A"},"finish_reason":null}],
                    [{"delta":{},"finish_reason":"stop"},"[DONE]"]])");
    QTest::newRow("tool calls: running index across lines and within a line, native id kept")
        << rows(R"([{"model":"m","message":{"role":"assistant","content":"","tool_calls":[
                        {"id":"call_1","function":{"name":"f","arguments":{"a":1}}}]},"done":false},
                    {"model":"m","message":{"role":"assistant","content":"","tool_calls":[
                        {"id":"call_2","function":{"name":"g","arguments":{}}},
                        {"id":"call_3","function":{"name":"h","arguments":{"b":[true]}}}]},"done":false},
                    {"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop",
                     "prompt_eval_count":4,"eval_count":6}])")
        << true << rows(R"([[{"delta":{"role":"assistant","content":""},"finish_reason":null},
                     {"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function",
                                              "function":{"name":"f","arguments":"{\"a\":1}"}}]},"finish_reason":null}],
                    [{"delta":{"tool_calls":[{"index":1,"id":"call_2","type":"function",
                                              "function":{"name":"g","arguments":"{}"}}]},"finish_reason":null},
                     {"delta":{"tool_calls":[{"index":2,"id":"call_3","type":"function",
                                              "function":{"name":"h","arguments":"{\"b\":[true]}"}}]},"finish_reason":null}],
                    [{"delta":{},"finish_reason":"tool_calls"},
                     {"usage":{"prompt_tokens":4,"completion_tokens":6,"total_tokens":10}},"[DONE]"]])");
    QTest::newRow("done_reason length")
        << rows(R"([{"model":"m","message":{"role":"assistant","content":"ab"},"done":true,"done_reason":"length"}])")
        << false << rows(R"([[{"delta":{"role":"assistant","content":""},"finish_reason":null},
                     {"delta":{"content":"ab"},"finish_reason":null},
                     {"delta":{},"finish_reason":"length"},"[DONE]"]])");
    QTest::newRow("done_reason load and empty reply: role, stop, usage zeros")
        << rows(R"([{"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"load"}])")
        << true << rows(R"([[{"delta":{"role":"assistant","content":""},"finish_reason":null},
                     {"delta":{},"finish_reason":"stop"},
                     {"usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}},"[DONE]"]])");
    QTest::newRow("error line mid-stream ends the stream")
        << rows(R"([{"model":"m","message":{"role":"assistant","content":"a"},"done":false},
                    {"error":"the model failed to generate a response"},
                    {"model":"m","message":{"role":"assistant","content":"b"},"done":false}])")
        << true << rows(R"([[{"delta":{"role":"assistant","content":""},"finish_reason":null},
                     {"delta":{"content":"a"},"finish_reason":null}],
                    [{"error":{"message":"the model failed to generate a response","type":"api_error",
                               "param":null,"code":null}}],
                    []])");
    QTest::newRow("error as the first line: only the error frame")
        << rows(R"([{"error":"model 'x' not found"}])") << false
        << rows(R"([[{"error":{"message":"model 'x' not found","type":"api_error","param":null,"code":null}}]])");
}

void ChatResponseTranslatorTest::streams()
{
    QFETCH(QJsonArray, lines);
    QFETCH(bool, includeUsage);
    QFETCH(QJsonArray, expected);
    QVERIFY2(!lines.isEmpty() && !expected.isEmpty(), "invalid JSON in the test table");

    QList<QJsonObject> objects;
    for (const QJsonValue& line : std::as_const(lines))
        objects.append(line.toObject());
    ChatStreamTranslator translator(QStringLiteral("chatcmpl-s"), QStringLiteral("requested"), includeUsage);
    QString error;
    const QJsonArray actual = framesPerLine(translator, objects, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Every chunk carries the shared envelope; reduce it to the compact form the table uses.
    QJsonArray reduced;
    for (const QJsonValue& lineFrames : actual) {
        QJsonArray reducedFrames;
        for (const QJsonValue& frame : lineFrames.toArray()) {
            const QJsonObject object = frame.toObject();
            if (!frame.isObject() || object.contains(QStringLiteral("error"))) {
                reducedFrames.append(frame);
                continue;
            }
            QCOMPARE(object[QStringLiteral("id")].toString(), QStringLiteral("chatcmpl-s"));
            QCOMPARE(object[QStringLiteral("object")].toString(), QStringLiteral("chat.completion.chunk"));
            QCOMPARE(object[QStringLiteral("model")].toString(), QStringLiteral("m"));
            QVERIFY(object[QStringLiteral("created")].toInteger() > 0);
            const QJsonArray choices = object[QStringLiteral("choices")].toArray();
            if (object.contains(QStringLiteral("usage"))) {
                QVERIFY(choices.isEmpty());
                reducedFrames.append(QJsonObject{{QStringLiteral("usage"), object[QStringLiteral("usage")]}});
                continue;
            }
            QCOMPARE(choices.size(), 1);
            QCOMPARE(choices.at(0)[QStringLiteral("index")].toInt(-1), 0);
            reducedFrames.append(
                QJsonObject{{QStringLiteral("delta"), choices.at(0)[QStringLiteral("delta")]},
                            {QStringLiteral("finish_reason"), choices.at(0)[QStringLiteral("finish_reason")]}});
        }
        reduced.append(reducedFrames);
    }
    QString where;
    QVERIFY2(testjson::matches(expected, reduced, &where), qPrintable(mismatch(where, expected, reduced)));
    QVERIFY(translator.isFinished());
}

void ChatResponseTranslatorTest::nothingAfterTheEnd()
{
    ChatStreamTranslator translator(QStringLiteral("chatcmpl-s"), QStringLiteral("m"), false);
    QVERIFY(!translator.isFinished());
    QVERIFY(!translator.feed(testjson::object(R"({"message":{"content":"x"},"done":true})")).isEmpty());
    QVERIFY(translator.isFinished());
    QVERIFY(translator.feed(testjson::object(R"({"message":{"content":"y"},"done":false})")).isEmpty());
    QVERIFY(translator.fail(QStringLiteral("late")).isEmpty());
}

void ChatResponseTranslatorTest::failEndsTheStream()
{
    ChatStreamTranslator translator(QStringLiteral("chatcmpl-s"), QStringLiteral("requested"), true);
    QString error;
    const QList<QByteArray> first =
        testjson::ssePayloads(translator.feed(testjson::object(R"({"message":{"content":"x"},"done":false})")), &error);
    QCOMPARE(first.size(), 2);
    QCOMPARE(testjson::payloadValue(first.at(0))[QStringLiteral("model")].toString(), QStringLiteral("requested"));
    QVERIFY(!translator.isFinished());

    const QList<QByteArray> failure = testjson::ssePayloads(translator.fail(QStringLiteral("connection lost")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(failure.size(), 1);
    QCOMPARE(
        testjson::payloadValue(failure.at(0)).toObject(),
        testjson::object(R"({"error":{"message":"connection lost","type":"api_error","param":null,"code":null}})"));
    QVERIFY(translator.isFinished());
    QVERIFY(translator.fail(QStringLiteral("again")).isEmpty());
}

QTEST_GUILESS_MAIN(ChatResponseTranslatorTest)
#include "tst_chat_response_translator.moc"
