#include "mcp/jsonrpc/JsonRpcSession.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace mcp;
using namespace std::chrono_literals;

namespace {

QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class TestJsonRpcSession : public QObject
{
    Q_OBJECT

private slots:
    void classifies_data();
    void classifies();
    void answersServerRequests_data();
    void answersServerRequests();
    void matchesOutOfOrderResponses();
    void deliversErrors();
    void timeoutCancelsAndDropsTheLateAnswer();
    void initializeStyleTimeoutDoesNotCancel();
    void routesProgressToItsRequestOnly();
    void failAllFailsEveryPendingRequest();
    void forwardsNotifications();
};

void TestJsonRpcSession::classifies_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("kind");
    QTest::newRow("request") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"ping"})") << int(rpc::Kind::Request);
    QTest::newRow("request, string id") << QByteArray(R"({"jsonrpc":"2.0","id":"a","method":"ping"})")
                                        << int(rpc::Kind::Request);
    QTest::newRow("request, id 0") << QByteArray(R"({"jsonrpc":"2.0","id":0,"method":"roots/list"})")
                                   << int(rpc::Kind::Request);
    QTest::newRow("notification") << QByteArray(R"({"jsonrpc":"2.0","method":"notifications/initialized"})")
                                  << int(rpc::Kind::Notification);
    QTest::newRow("response") << QByteArray(R"({"jsonrpc":"2.0","id":3,"result":{}})") << int(rpc::Kind::Response);
    QTest::newRow("error response") << QByteArray(R"({"jsonrpc":"2.0","id":3,"error":{"code":-1,"message":"x"}})")
                                    << int(rpc::Kind::ErrorResponse);
    QTest::newRow("null id request") << QByteArray(R"({"jsonrpc":"2.0","id":null,"method":"x"})")
                                     << int(rpc::Kind::Invalid);
    QTest::newRow("result without id") << QByteArray(R"({"jsonrpc":"2.0","result":{}})") << int(rpc::Kind::Invalid);
    QTest::newRow("empty") << QByteArray("{}") << int(rpc::Kind::Invalid);
}

void TestJsonRpcSession::classifies()
{
    QFETCH(QByteArray, message);
    QFETCH(int, kind);
    QCOMPARE(int(rpc::classify(QJsonDocument::fromJson(message).object())), kind);
}

void TestJsonRpcSession::answersServerRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("withHandler");
    QTest::addColumn<QByteArray>("expectedAnswer");
    QTest::newRow("no handler: method not found")
        << QByteArray(R"({"jsonrpc":"2.0","id":0,"method":"roots/list"})") << false
        << QByteArray(R"({"jsonrpc":"2.0","id":0,"error":{"code":-32601,"message":"Method not found: roots/list"}})");
    QTest::newRow("handler answers, string id kept")
        << QByteArray(R"({"jsonrpc":"2.0","id":"abc","method":"ping"})") << true
        << QByteArray(R"({"jsonrpc":"2.0","id":"abc","result":{"handled":"ping"}})");
    QTest::newRow("handler answers, same numeric id as one of ours")
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"sampling/createMessage"})") << true
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{"handled":"sampling/createMessage"}})");
}

void TestJsonRpcSession::answersServerRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, withHandler);
    QFETCH(QByteArray, expectedAnswer);

    JsonRpcSession session;
    QSignalSpy outgoing(&session, &JsonRpcSession::outgoing);
    bool ourCallbackRan = false;
    session.sendRequest(QStringLiteral("tools/list"), {}, {}, [&](const RpcOutcome&) { ourCallbackRan = true; });
    outgoing.clear();
    if (withHandler) {
        session.setRequestHandler([&](const QJsonValue& id, const QString& method, const QJsonObject&) {
            session.respond(id, {{QStringLiteral("handled"), method}});
        });
    }
    session.handleMessage(QJsonDocument::fromJson(request).object());
    QCOMPARE(outgoing.size(), 1);
    QCOMPARE(outgoing.first().first().toJsonObject(), QJsonDocument::fromJson(expectedAnswer).object());
    QVERIFY(!ourCallbackRan); // the server's id space is separate from ours
    QCOMPARE(session.pendingCount(), 1);
}

void TestJsonRpcSession::matchesOutOfOrderResponses()
{
    JsonRpcSession session;
    QSignalSpy outgoing(&session, &JsonRpcSession::outgoing);
    QStringList order;
    const qint64 first = session.sendRequest(QStringLiteral("a"), {}, {}, [&](const RpcOutcome& outcome) {
        order.append(outcome.result.value(QStringLiteral("v")).toString());
    });
    const qint64 second = session.sendRequest(QStringLiteral("b"), {}, {}, [&](const RpcOutcome& outcome) {
        order.append(outcome.result.value(QStringLiteral("v")).toString());
    });
    QCOMPARE(outgoing.size(), 2);
    QCOMPARE(outgoing.at(0).first().toJsonObject().value(QStringLiteral("id")).toInteger(), first);
    session.handleMessage(rpc::response(second, {{QStringLiteral("v"), QStringLiteral("second")}}));
    session.handleMessage(rpc::response(first, {{QStringLiteral("v"), QStringLiteral("first")}}));
    session.handleMessage(rpc::response(first, {{QStringLiteral("v"), QStringLiteral("duplicate")}}));
    QCOMPARE(order, QStringList({QStringLiteral("second"), QStringLiteral("first")}));
    QCOMPARE(session.pendingCount(), 0);
}

void TestJsonRpcSession::deliversErrors()
{
    JsonRpcSession session;
    std::optional<RpcOutcome> outcome;
    const qint64 id =
        session.sendRequest(QStringLiteral("tools/call"), {}, {}, [&](const RpcOutcome& o) { outcome = o; });
    session.handleMessage(
        rpc::errorResponse(id, {rpc::InvalidParams, QStringLiteral("bad"), QStringLiteral("detail")}));
    QVERIFY(outcome.has_value());
    QVERIFY(!outcome->ok());
    QCOMPARE(outcome->error->code, rpc::InvalidParams);
    QCOMPARE(outcome->error->message, QStringLiteral("bad"));
    QCOMPARE(outcome->error->data.toString(), QStringLiteral("detail"));
}

void TestJsonRpcSession::timeoutCancelsAndDropsTheLateAnswer()
{
    JsonRpcSession session;
    QSignalSpy outgoing(&session, &JsonRpcSession::outgoing);
    int calls = 0;
    std::optional<RpcOutcome> outcome;
    RequestOptions options;
    options.timeout = 50ms;
    const qint64 id = session.sendRequest(QStringLiteral("tools/call"), {}, options, [&](const RpcOutcome& o) {
        ++calls;
        outcome = o;
    });
    QTRY_COMPARE(calls, 1);
    QCOMPARE(outcome->error->code, rpc::RequestTimeout);
    QCOMPARE(outgoing.size(), 2);
    const QJsonObject cancel = outgoing.at(1).first().toJsonObject();
    QCOMPARE(cancel.value(QStringLiteral("method")).toString(), QStringLiteral("notifications/cancelled"));
    QCOMPARE(cancel.value(QStringLiteral("params")).toObject().value(QStringLiteral("requestId")).toInteger(), id);
    QVERIFY(!cancel.value(QStringLiteral("params")).toObject().value(QStringLiteral("reason")).toString().isEmpty());

    session.handleMessage(rpc::response(id, {}));
    QCOMPARE(calls, 1);
}

void TestJsonRpcSession::initializeStyleTimeoutDoesNotCancel()
{
    JsonRpcSession session;
    QSignalSpy outgoing(&session, &JsonRpcSession::outgoing);
    std::optional<RpcOutcome> outcome;
    RequestOptions options;
    options.timeout = 30ms;
    options.cancelOnTimeout = false;
    session.sendRequest(QStringLiteral("initialize"), {}, options, [&](const RpcOutcome& o) { outcome = o; });
    QTRY_VERIFY(outcome.has_value());
    QCOMPARE(outcome->error->code, rpc::RequestTimeout);
    QCOMPARE(outgoing.size(), 1);
}

void TestJsonRpcSession::routesProgressToItsRequestOnly()
{
    JsonRpcSession session;
    QSignalSpy outgoing(&session, &JsonRpcSession::outgoing);
    QList<Progress> progress;
    RequestOptions options;
    options.onProgress = [&](const Progress& p) { progress.append(p); };
    const qint64 id = session.sendRequest(QStringLiteral("tools/call"),
                                          {{QStringLiteral("name"), QStringLiteral("x")}},
                                          options,
                                          [](const RpcOutcome&) {});
    const QJsonObject sent = outgoing.first().first().toJsonObject();
    const QJsonObject meta = sent.value(QStringLiteral("params")).toObject().value(QStringLiteral("_meta")).toObject();
    QCOMPARE(meta.value(QStringLiteral("progressToken")).toInteger(), id);

    const auto progressNote = [](const QJsonValue& token, double value) {
        return rpc::notification(QStringLiteral("notifications/progress"),
                                 {{QStringLiteral("progressToken"), token},
                                  {QStringLiteral("progress"), value},
                                  {QStringLiteral("total"), 4},
                                  {QStringLiteral("message"), QStringLiteral("step")}});
    };
    session.handleMessage(progressNote(id, 1));
    session.handleMessage(progressNote(id + 100, 2));              // unknown token
    session.handleMessage(progressNote(QStringLiteral("zzz"), 3)); // foreign token
    session.handleMessage(rpc::response(id, {}));
    session.handleMessage(progressNote(id, 4)); // after the answer
    QCOMPARE(progress.size(), 1);
    QCOMPARE(progress.first().progress, 1.0);
    QCOMPARE(progress.first().total.value_or(0), 4.0);
    QCOMPARE(progress.first().message, QStringLiteral("step"));
}

void TestJsonRpcSession::failAllFailsEveryPendingRequest()
{
    JsonRpcSession session;
    QList<int> codes;
    for (int i = 0; i < 3; ++i)
        session.sendRequest(QStringLiteral("x"), {}, {}, [&](const RpcOutcome& o) { codes.append(o.error->code); });
    session.failAll({rpc::ConnectionClosed, QStringLiteral("gone"), {}});
    QCOMPARE(codes, QList<int>({rpc::ConnectionClosed, rpc::ConnectionClosed, rpc::ConnectionClosed}));
    QCOMPARE(session.pendingCount(), 0);
}

void TestJsonRpcSession::forwardsNotifications()
{
    JsonRpcSession session;
    QSignalSpy notifications(&session, &JsonRpcSession::notificationReceived);
    session.handleMessage(json(R"({"jsonrpc":"2.0","method":"notifications/tools/list_changed"})"));
    session.handleMessage(json(R"({"jsonrpc":"2.0","result":{}})")); // invalid: ignored
    QCOMPARE(notifications.size(), 1);
    QCOMPARE(notifications.first().first().toString(), QStringLiteral("notifications/tools/list_changed"));
}

QTEST_GUILESS_MAIN(TestJsonRpcSession)
#include "tst_jsonrpcsession.moc"
