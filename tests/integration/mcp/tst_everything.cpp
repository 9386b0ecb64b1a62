// server-everything (the MCP reference server) driven through one transport, chosen by MCPTEST_MODE:
// stdio, streamable (Streamable HTTP), fallback (transport "http" pointed at the legacy SSE server) or sse.
#include "McpTestSupport.h"

#include "mcp/transport/AutoHttpTransport.h"
#include "mcp/transport/LegacySseTransport.h"
#include "mcp/transport/TransportFactory.h"

#include <QSignalSpy>
#include <QTest>

using namespace mcp;

class TestEverything : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void handshake();
    void listsEverything();
    void callTool_data();
    void callTool();
    void tinyImageKeepsEveryBlock();
    void structuredContent();
    void resourceLinks();
    void progressReachesTheCaller();
    void timeoutCancels();
    void readTextAndBlobResources_data();
    void readTextAndBlobResources();
    void promptWithArguments();
    void unknownToolIsAToolError();

private:
    ToolCallResult call(const QString& tool, const QJsonObject& arguments, CallOptions options = {});

    QString m_mode;
    std::unique_ptr<mcptest::NodeHttpServer> m_server;
    std::unique_ptr<Client> m_client;
};

void TestEverything::initTestCase()
{
    m_mode = qEnvironmentVariable("MCPTEST_MODE", QStringLiteral("stdio"));
    ServerConfig config = mcptest::everythingStdioConfig(QStringLiteral("everything"));
    if (m_mode != QLatin1String("stdio")) {
        const bool legacyServer = m_mode == QLatin1String("fallback") || m_mode == QLatin1String("sse");
        m_server = std::make_unique<mcptest::NodeHttpServer>(QStringList{
            mcptest::everythingScript(), legacyServer ? QStringLiteral("sse") : QStringLiteral("streamableHttp")});
        QVERIFY(m_server->start());
        config.url = m_server->baseUrl() + (legacyServer ? QStringLiteral("/sse") : QStringLiteral("/mcp"));
        config.transport = m_mode == QLatin1String("sse") ? TransportKind::Sse : TransportKind::Http;
    }
    ClientOptions options;
    options.clientName = QStringLiteral("llamagate-tests");
    options.clientVersion = QStringLiteral("1.0");
    m_client = std::make_unique<Client>(createTransport(config), options);
    QVERIFY(mcptest::connectAndWait(*m_client));
    if (m_mode == QLatin1String("fallback"))
        QVERIFY(qobject_cast<AutoHttpTransport*>(m_client->transport())->usingLegacy());
}

void TestEverything::cleanupTestCase()
{
    if (m_client && m_client->state() == Client::State::Ready) {
        QSignalSpy closed(m_client.get(), &Client::closed);
        m_client->close();
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        QCOMPARE(closed.first().first().toString(), QString());
    }
    m_client.reset();
    m_server.reset();
}

ToolCallResult TestEverything::call(const QString& tool, const QJsonObject& arguments, CallOptions options)
{
    std::optional<ToolCallResult> result;
    m_client->callTool(tool, arguments, options, [&](const ToolCallResult& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000)) {
        ToolCallResult timedOut;
        timedOut.error = RpcError{0, QStringLiteral("test gave up waiting"), {}};
        return timedOut;
    }
    return *result;
}

void TestEverything::handshake()
{
    QVERIFY2(QStringList({QStringLiteral("2025-11-25"),
                          QStringLiteral("2025-06-18"),
                          QStringLiteral("2025-03-26"),
                          QStringLiteral("2024-11-05")})
                 .contains(m_client->protocolVersion()),
             qPrintable(m_client->protocolVersion()));
    QVERIFY(!m_client->serverInfo().value(QStringLiteral("name")).toString().isEmpty());
    QVERIFY(m_client->serverCapabilities().contains(QStringLiteral("tools")));
    if (m_mode == QLatin1String("sse")) {
        // The relative `endpoint` event was resolved against the stream's URL.
        const QUrl post = qobject_cast<LegacySseTransport*>(m_client->transport())->postUrl();
        QCOMPARE(post.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(post.path(), QStringLiteral("/message"));
        QVERIFY(post.query().startsWith(QLatin1String("sessionId=")));
    }
}

void TestEverything::listsEverything()
{
    QStringList tools;
    for (const ToolInfo& tool : m_client->tools())
        tools.append(tool.name);
    for (const char* expected : {"echo",
                                 "get-sum",
                                 "get-tiny-image",
                                 "get-structured-content",
                                 "get-resource-links",
                                 "trigger-long-running-operation"})
        QVERIFY2(tools.contains(QLatin1String(expected)), expected);
    for (const ToolInfo& tool : m_client->tools())
        QCOMPARE(tool.inputSchema.value(QStringLiteral("type")).toString(), QStringLiteral("object"));

    int staticDocuments = 0;
    for (const ResourceInfo& resource : m_client->resources()) {
        if (resource.uri.startsWith(QLatin1String("demo://resource/static/document/")))
            ++staticDocuments;
    }
    QCOMPARE(staticDocuments, 7);

    QStringList templates;
    for (const ResourceTemplateInfo& resourceTemplate : m_client->resourceTemplates())
        templates.append(resourceTemplate.uriTemplate);
    QVERIFY(templates.contains(QStringLiteral("demo://resource/dynamic/text/{resourceId}")));
    QVERIFY(templates.contains(QStringLiteral("demo://resource/dynamic/blob/{resourceId}")));

    QStringList prompts;
    for (const PromptInfo& prompt : m_client->prompts())
        prompts.append(prompt.name);
    QVERIFY(prompts.contains(QStringLiteral("simple-prompt")));
    QVERIFY(prompts.contains(QStringLiteral("args-prompt")));
}

void TestEverything::callTool_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<QString>("expectedText");
    QTest::newRow("echo") << QStringLiteral("echo") << QJsonObject{{QStringLiteral("message"), QStringLiteral("héllo")}}
                          << QStringLiteral("Echo: héllo");
    QTest::newRow("get-sum") << QStringLiteral("get-sum")
                             << QJsonObject{{QStringLiteral("a"), 2}, {QStringLiteral("b"), 40}}
                             << QStringLiteral("The sum of 2 and 40 is 42.");
}

void TestEverything::callTool()
{
    QFETCH(QString, tool);
    QFETCH(QJsonObject, arguments);
    QFETCH(QString, expectedText);
    const ToolCallResult result = call(tool, arguments);
    QVERIFY2(result.ok(), qPrintable(result.text()));
    QCOMPARE(result.text(), expectedText);
}

void TestEverything::tinyImageKeepsEveryBlock()
{
    const ToolCallResult result = call(QStringLiteral("get-tiny-image"), {});
    QVERIFY2(result.ok(), qPrintable(result.text()));
    QCOMPARE(result.content.size(), 3);
    QCOMPARE(result.content.at(0).type, QStringLiteral("text"));
    QCOMPARE(result.content.at(1).type, QStringLiteral("image"));
    QCOMPARE(result.content.at(1).mimeType(), QStringLiteral("image/png"));
    QVERIFY(result.content.at(1).binary().startsWith("\x89PNG"));
    QCOMPARE(result.content.at(2).text(), QStringLiteral("The image above is the MCP logo."));
}

void TestEverything::structuredContent()
{
    const ToolCallResult result =
        call(QStringLiteral("get-structured-content"), {{QStringLiteral("location"), QStringLiteral("New York")}});
    QVERIFY2(result.ok(), qPrintable(result.text()));
    const QJsonObject weather = result.structuredContent.toObject();
    QVERIFY(weather.value(QStringLiteral("temperature")).isDouble());
    QVERIFY(weather.value(QStringLiteral("conditions")).isString());
    QVERIFY(!result.content.isEmpty());
}

void TestEverything::resourceLinks()
{
    const ToolCallResult result = call(QStringLiteral("get-resource-links"), {{QStringLiteral("count"), 3}});
    QVERIFY2(result.ok(), qPrintable(result.text()));
    int links = 0;
    for (const ContentBlock& block : result.content) {
        if (block.type == QLatin1String("resource_link")) {
            ++links;
            QVERIFY(block.uri().startsWith(QLatin1String("demo://")));
        }
    }
    QCOMPARE(links, 3);
}

void TestEverything::progressReachesTheCaller()
{
    QList<Progress> updates;
    CallOptions options;
    options.onProgress = [&](const Progress& progress) { updates.append(progress); };
    const ToolCallResult result = call(QStringLiteral("trigger-long-running-operation"),
                                       {{QStringLiteral("duration"), 1}, {QStringLiteral("steps"), 4}},
                                       options);
    QVERIFY2(result.ok(), qPrintable(result.text()));
    QCOMPARE(updates.size(), 4);
    QCOMPARE(updates.last().progress, 4.0);
    QCOMPARE(updates.last().total.value_or(0), 4.0);
}

void TestEverything::timeoutCancels()
{
    int strayProgress = 0;
    CallOptions options;
    options.timeout = std::chrono::milliseconds(600);
    options.onProgress = [&](const Progress&) { ++strayProgress; };
    const ToolCallResult result = call(QStringLiteral("trigger-long-running-operation"),
                                       {{QStringLiteral("duration"), 2}, {QStringLiteral("steps"), 8}},
                                       options);
    QVERIFY(result.error.has_value());
    QCOMPARE(result.error->code, rpc::RequestTimeout);
    const int progressAtTimeout = strayProgress;

    // The server keeps working on the cancelled call and may keep reporting progress for it. A second,
    // longer operation outlives the first; while it runs, the session stays usable and no progress of the
    // cancelled call reaches its caller.
    int ownProgress = 0;
    CallOptions second;
    second.onProgress = [&](const Progress&) { ++ownProgress; };
    const ToolCallResult outlasting = call(QStringLiteral("trigger-long-running-operation"),
                                           {{QStringLiteral("duration"), 2}, {QStringLiteral("steps"), 2}},
                                           second);
    QVERIFY2(outlasting.ok(), qPrintable(outlasting.text()));
    QCOMPARE(ownProgress, 2);
    QCOMPARE(strayProgress, progressAtTimeout);
    QCOMPARE(m_client->state(), Client::State::Ready);
}

void TestEverything::readTextAndBlobResources_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("isBlob");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text") << QStringLiteral("demo://resource/dynamic/text/1") << false << QStringLiteral("Resource 1");
    QTest::newRow("blob") << QStringLiteral("demo://resource/dynamic/blob/2") << true << QStringLiteral("Resource 2");
}

void TestEverything::readTextAndBlobResources()
{
    QFETCH(QString, uri);
    QFETCH(bool, isBlob);
    QFETCH(QString, expected);
    std::optional<ReadResourceResult> result;
    m_client->readResource(uri, [&](const ReadResourceResult& r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QVERIFY2(!result->error, qPrintable(result->error ? result->error->message : QString()));
    QCOMPARE(result->contents.size(), 1);
    QCOMPARE(result->contents.first().isBlob, isBlob);
    const QString content = isBlob ? QString::fromUtf8(result->contents.first().blob) : result->contents.first().text;
    QVERIFY2(content.startsWith(expected), qPrintable(content));
}

void TestEverything::promptWithArguments()
{
    std::optional<PromptResult> result;
    m_client->getPrompt(
        QStringLiteral("args-prompt"),
        {{QStringLiteral("city"), QStringLiteral("Lyon")}, {QStringLiteral("state"), QStringLiteral("Rhône")}},
        [&](const PromptResult& r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QVERIFY(!result->error);
    QCOMPARE(result->messages.size(), 1);
    const QJsonObject message = result->messages.first().toObject();
    QCOMPARE(message.value(QStringLiteral("role")).toString(), QStringLiteral("user"));
    QCOMPARE(message.value(QStringLiteral("content")).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("What's weather in Lyon, Rhône?"));
}

void TestEverything::unknownToolIsAToolError()
{
    const ToolCallResult result = call(QStringLiteral("no-such-tool"), {});
    QVERIFY(!result.ok());
    // Newer servers report it as a tool result with isError; older ones as a JSON-RPC error. Both reach us intact.
    QVERIFY(result.isError || result.error.has_value());
    QVERIFY(!result.text().isEmpty());
}

QTEST_GUILESS_MAIN(TestEverything)
#include "tst_everything.moc"
