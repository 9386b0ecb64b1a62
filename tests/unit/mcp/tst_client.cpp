// The Client against a scripted peer: version negotiation, paging, server requests, list_changed
// debouncing and re-initialization after a lost session.
#include "ScriptedTransport.h"

#include "mcp/Client.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace mcp;
using namespace std::chrono_literals;

namespace {

QJsonObject initializeResult(const QString& version, const QJsonObject& capabilities)
{
    return {{QStringLiteral("protocolVersion"), version},
            {QStringLiteral("capabilities"), capabilities},
            {QStringLiteral("serverInfo"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("scripted")},
                         {QStringLiteral("version"), QStringLiteral("1")}}}};
}

QString method(const QJsonObject& message)
{
    return message.value(QStringLiteral("method")).toString();
}

/// A server with `pages` pages of two tools each, one resource page, no templates and no prompts.
ScriptedTransport::Server pagedServer(const QString& version, int pages, int* initializeCount = nullptr)
{
    return [=](const QJsonObject& message) -> QList<QJsonObject> {
        const QJsonValue id = message.value(QStringLiteral("id"));
        if (method(message) == QLatin1String("initialize")) {
            if (initializeCount)
                ++*initializeCount;
            return {rpc::response(id,
                                  initializeResult(version,
                                                   {{QStringLiteral("tools"), QJsonObject()},
                                                    {QStringLiteral("resources"), QJsonObject()}}))};
        }
        if (method(message) == QLatin1String("tools/list")) {
            const int page =
                message.value(QStringLiteral("params")).toObject().value(QStringLiteral("cursor")).toString().toInt();
            QJsonObject result{{QStringLiteral("tools"),
                                QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("t%1a").arg(page)}},
                                           QJsonObject{{QStringLiteral("name"), QStringLiteral("t%1b").arg(page)}}}}};
            if (page + 1 < pages)
                result.insert(QStringLiteral("nextCursor"), QString::number(page + 1));
            return {rpc::response(id, result)};
        }
        if (method(message) == QLatin1String("resources/list"))
            return {rpc::response(id,
                                  {{QStringLiteral("resources"),
                                    QJsonArray{QJsonObject{{QStringLiteral("uri"), QStringLiteral("x://1")}}}}})};
        if (method(message) == QLatin1String("resources/templates/list"))
            return {rpc::response(id, {{QStringLiteral("resourceTemplates"), QJsonArray()}})};
        if (rpc::isRequest(message))
            return {rpc::errorResponse(id, {rpc::MethodNotFound, QStringLiteral("nope"), {}})};
        return {};
    };
}

} // namespace

class TestClient : public QObject
{
    Q_OBJECT

private slots:
    void negotiatesVersion_data();
    void negotiatesVersion();
    void pagesThroughLists_data();
    void pagesThroughLists();
    void answersServerRequests_data();
    void answersServerRequests();
    void declaresOnlyWhatItImplements();
    void debouncesListChanged();
    void reinitializesAfterLostSession();
    void initializeTimeoutIsAConnectionError();
};

void TestClient::negotiatesVersion_data()
{
    QTest::addColumn<QString>("serverVersion");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("2025-11-25") << QStringLiteral("2025-11-25") << true;
    QTest::newRow("2025-06-18") << QStringLiteral("2025-06-18") << true;
    QTest::newRow("2025-03-26") << QStringLiteral("2025-03-26") << true;
    QTest::newRow("2024-11-05") << QStringLiteral("2024-11-05") << true;
    QTest::newRow("future") << QStringLiteral("2099-01-01") << false;
    QTest::newRow("missing") << QString() << false;
}

void TestClient::negotiatesVersion()
{
    QFETCH(QString, serverVersion);
    QFETCH(bool, accepted);
    auto* transport = new ScriptedTransport(pagedServer(serverVersion, 1));
    Client client{std::unique_ptr<Transport>(transport)};
    QSignalSpy ready(&client, &Client::ready);
    QSignalSpy closed(&client, &Client::closed);
    client.connectToServer();
    QTRY_VERIFY(!ready.isEmpty() || !closed.isEmpty());

    const QJsonObject initialize = transport->sentWithMethod(QStringLiteral("initialize")).first();
    const QJsonObject params = initialize.value(QStringLiteral("params")).toObject();
    QCOMPARE(params.value(QStringLiteral("protocolVersion")).toString(), QStringLiteral("2025-11-25"));
    QVERIFY(!params.value(QStringLiteral("clientInfo")).toObject().value(QStringLiteral("name")).toString().isEmpty());
    QVERIFY(
        !params.value(QStringLiteral("clientInfo")).toObject().value(QStringLiteral("version")).toString().isEmpty());

    QCOMPARE(ready.size(), accepted ? 1 : 0);
    QCOMPARE(transport->sentWithMethod(QStringLiteral("notifications/initialized")).size(), accepted ? 1 : 0);
    if (accepted) {
        QCOMPARE(client.protocolVersion(), serverVersion);
    } else {
        QCOMPARE(client.state(), Client::State::Closed);
        QVERIFY2(client.lastError().contains(QStringLiteral("protocol version")), qPrintable(client.lastError()));
    }
}

void TestClient::pagesThroughLists_data()
{
    QTest::addColumn<int>("pages");
    QTest::newRow("one page") << 1;
    QTest::newRow("three pages") << 3;
    QTest::newRow("ten pages") << 10;
}

void TestClient::pagesThroughLists()
{
    QFETCH(int, pages);
    auto* transport = new ScriptedTransport(pagedServer(QStringLiteral("2025-06-18"), pages));
    Client client{std::unique_ptr<Transport>(transport)};
    QSignalSpy ready(&client, &Client::ready);
    client.connectToServer();
    QVERIFY(ready.wait(5000));
    QCOMPARE(client.tools().size(), 2 * pages);
    QCOMPARE(client.tools().last().name, QStringLiteral("t%1b").arg(pages - 1));
    QCOMPARE(transport->sentWithMethod(QStringLiteral("tools/list")).size(), pages);
    QCOMPARE(client.resources().size(), 1);
    QCOMPARE(transport->sentWithMethod(QStringLiteral("prompts/list")).size(), 0); // no prompts capability
}

void TestClient::answersServerRequests_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<bool>("withHandlers");
    QTest::addColumn<QString>("expected"); // "error:<code>" or a key of the result
    QTest::newRow("ping") << QStringLiteral("ping") << false << QStringLiteral("{}");
    QTest::newRow("roots/list without roots")
        << QStringLiteral("roots/list") << false << QStringLiteral("error:-32601");
    QTest::newRow("roots/list with roots") << QStringLiteral("roots/list") << true << QStringLiteral("roots");
    QTest::newRow("sampling without handler")
        << QStringLiteral("sampling/createMessage") << false << QStringLiteral("error:-32601");
    QTest::newRow("sampling with handler")
        << QStringLiteral("sampling/createMessage") << true << QStringLiteral("model");
    QTest::newRow("elicitation without handler is declined")
        << QStringLiteral("elicitation/create") << false << QStringLiteral("action=decline");
    QTest::newRow("elicitation with handler")
        << QStringLiteral("elicitation/create") << true << QStringLiteral("action=accept");
    QTest::newRow("unknown") << QStringLiteral("something/else") << true << QStringLiteral("error:-32601");
}

void TestClient::answersServerRequests()
{
    QFETCH(QString, request);
    QFETCH(bool, withHandlers);
    QFETCH(QString, expected);
    auto* transport = new ScriptedTransport(pagedServer(QStringLiteral("2025-11-25"), 1));
    Client client{std::unique_ptr<Transport>(transport)};
    if (withHandlers) {
        client.setRoots({{QStringLiteral("file:///tmp"), QStringLiteral("tmp")}});
        client.setSamplingHandler([](const QJsonObject&, const std::function<void(const RpcOutcome&)>& reply) {
            reply({{{QStringLiteral("model"), QStringLiteral("m")}}, std::nullopt});
        });
        client.setElicitationHandler(
            [](const QJsonObject&, const std::function<void(const RpcOutcome&)>& reply) {
                reply({{{QStringLiteral("action"), QStringLiteral("accept")}}, std::nullopt});
            },
            {{QStringLiteral("form"), QJsonObject()}});
    }
    QSignalSpy ready(&client, &Client::ready);
    client.connectToServer();
    QVERIFY(ready.wait(5000));

    transport->push(rpc::request(QStringLiteral("srv-1"), request, {}));
    const QJsonObject answer = transport->sent.last();
    QCOMPARE(answer.value(QStringLiteral("id")).toString(), QStringLiteral("srv-1"));
    if (expected.startsWith(QLatin1String("error:"))) {
        QCOMPARE(answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(),
                 expected.mid(6).toInt());
    } else if (expected.contains(QLatin1Char('='))) {
        const QStringList pair = expected.split(QLatin1Char('='));
        QCOMPARE(answer.value(QStringLiteral("result")).toObject().value(pair.at(0)).toString(), pair.at(1));
    } else if (expected == QLatin1String("{}")) {
        QCOMPARE(answer.value(QStringLiteral("result")).toObject(), QJsonObject());
    } else {
        QVERIFY2(answer.value(QStringLiteral("result")).toObject().contains(expected), qPrintable(expected));
    }
}

void TestClient::declaresOnlyWhatItImplements()
{
    auto* plain = new ScriptedTransport(pagedServer(QStringLiteral("2025-11-25"), 1));
    Client bare{std::unique_ptr<Transport>(plain)};
    bare.connectToServer();
    QTRY_VERIFY(!plain->sentWithMethod(QStringLiteral("initialize")).isEmpty());
    const auto capabilitiesOf = [](ScriptedTransport* transport) {
        return transport->sentWithMethod(QStringLiteral("initialize"))
            .first()
            .value(QStringLiteral("params"))
            .toObject()
            .value(QStringLiteral("capabilities"))
            .toObject();
    };
    QCOMPARE(capabilitiesOf(plain), QJsonObject());

    auto* rich = new ScriptedTransport(pagedServer(QStringLiteral("2025-11-25"), 1));
    Client full{std::unique_ptr<Transport>(rich)};
    full.setRoots({{QStringLiteral("file:///tmp"), {}}});
    full.setSamplingHandler([](const QJsonObject&, const std::function<void(const RpcOutcome&)>&) {});
    full.setElicitationHandler([](const QJsonObject&, const std::function<void(const RpcOutcome&)>&) {},
                               {{QStringLiteral("form"), QJsonObject{{QStringLiteral("applyDefaults"), true}}}});
    full.connectToServer();
    QTRY_VERIFY(!rich->sentWithMethod(QStringLiteral("initialize")).isEmpty());
    const QJsonObject capabilities = capabilitiesOf(rich);
    QVERIFY(capabilities.contains(QStringLiteral("roots")));
    QVERIFY(capabilities.contains(QStringLiteral("sampling")));
    QCOMPARE(capabilities.value(QStringLiteral("elicitation"))
                 .toObject()
                 .value(QStringLiteral("form"))
                 .toObject()
                 .value(QStringLiteral("applyDefaults"))
                 .toBool(),
             true);
}

void TestClient::debouncesListChanged()
{
    auto* transport = new ScriptedTransport(pagedServer(QStringLiteral("2025-11-25"), 1));
    ClientOptions options;
    options.listChangedDebounce = 50ms;
    Client client{std::unique_ptr<Transport>(transport), options};
    QSignalSpy ready(&client, &Client::ready);
    QSignalSpy toolsChanged(&client, &Client::toolsChanged);
    client.connectToServer();
    QVERIFY(ready.wait(5000));
    const qsizetype listsBefore = transport->sentWithMethod(QStringLiteral("tools/list")).size();
    for (int i = 0; i < 4; ++i) // server-everything sends four in a row
        transport->push(rpc::notification(QStringLiteral("notifications/tools/list_changed"), {}));
    QVERIFY(toolsChanged.wait(5000));
    QCOMPARE(toolsChanged.size(), 1);
    QCOMPARE(transport->sentWithMethod(QStringLiteral("tools/list")).size(), listsBefore + 1);
}

void TestClient::reinitializesAfterLostSession()
{
    int initializeCount = 0;
    auto* transport = new ScriptedTransport(pagedServer(QStringLiteral("2025-11-25"), 1, &initializeCount));
    Client client{std::unique_ptr<Transport>(transport)};
    QSignalSpy ready(&client, &Client::ready);
    client.connectToServer();
    QVERIFY(ready.wait(5000));

    // A call goes out, and the server reports the session gone instead of answering it.
    std::optional<RpcOutcome> outcome;
    const qint64 id = client.request(QStringLiteral("tools/list"), {}, {}, [&](const RpcOutcome& o) { outcome = o; });
    const QJsonObject lost = transport->sent.last();
    QCOMPARE(lost.value(QStringLiteral("id")).toInteger(), id);
    emit transport->sessionExpired(lost);
    QTRY_VERIFY(outcome.has_value());
    QVERIFY(outcome->ok());
    QCOMPARE(initializeCount, 2);
    QCOMPARE(client.state(), Client::State::Ready);
}

void TestClient::initializeTimeoutIsAConnectionError()
{
    auto* transport = new ScriptedTransport([](const QJsonObject&) { return QList<QJsonObject>(); });
    ClientOptions options;
    options.initializeTimeout = 100ms;
    Client client{std::unique_ptr<Transport>(transport), options};
    QSignalSpy closed(&client, &Client::closed);
    client.connectToServer();
    QVERIFY(closed.wait(5000));
    QVERIFY2(closed.first().first().toString().contains(QStringLiteral("initialize")),
             qPrintable(closed.first().first().toString()));
    QCOMPARE(transport->sentWithMethod(QStringLiteral("notifications/cancelled")).size(), 0);
}

QTEST_GUILESS_MAIN(TestClient)
#include "tst_client.moc"
