// The other reference servers over stdio: server-filesystem reads a temporary file, server-memory serves
// its knowledge graph as the memory://knowledge-graph resource.
#include "McpTestSupport.h"

#include "mcp/transport/TransportFactory.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mcp;

class TestReferenceServers : public QObject
{
    Q_OBJECT

private slots:
    void filesystemReadsATemporaryFile();
    void memoryServesItsKnowledgeGraph();

private:
    static ServerConfig nodeServer(const QString& name, const QString& package, const QStringList& args = {});
    static ToolCallResult call(Client& client, const QString& tool, const QJsonObject& arguments);
};

ServerConfig TestReferenceServers::nodeServer(const QString& name, const QString& package, const QStringList& args)
{
    ServerConfig config;
    config.name = name;
    config.command = mcptest::nodeExecutable();
    config.args =
        QStringList{mcptest::nodeModules() + QStringLiteral("/@modelcontextprotocol/%1/dist/index.js").arg(package)} +
        args;
    return config;
}

ToolCallResult TestReferenceServers::call(Client& client, const QString& tool, const QJsonObject& arguments)
{
    std::optional<ToolCallResult> result;
    client.callTool(tool, arguments, {}, [&](const ToolCallResult& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000)) {
        ToolCallResult timedOut;
        timedOut.error = RpcError{0, QStringLiteral("test gave up waiting"), {}};
        return timedOut;
    }
    return *result;
}

void TestReferenceServers::filesystemReadsATemporaryFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("first line\nzweite Zeile — ünïcödé\n");
    file.close();

    Client client(createTransport(nodeServer(QStringLiteral("fs"), QStringLiteral("server-filesystem"), {dir.path()})));
    QVERIFY(mcptest::connectAndWait(client));
    QCOMPARE(client.tools().size(), 14);
    const ToolCallResult result = call(client, QStringLiteral("read_text_file"), {{QStringLiteral("path"), path}});
    QVERIFY2(result.ok(), qPrintable(result.text()));
    QCOMPARE(result.text(), QStringLiteral("first line\nzweite Zeile — ünïcödé\n"));

    // Outside the allowed directory the server refuses, as a tool error.
    const ToolCallResult outside =
        call(client, QStringLiteral("read_text_file"), {{QStringLiteral("path"), QStringLiteral("/etc/hostname")}});
    QVERIFY(!outside.ok());
    QVERIFY(!outside.text().isEmpty());
}

void TestReferenceServers::memoryServesItsKnowledgeGraph()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerConfig config = nodeServer(QStringLiteral("memory"), QStringLiteral("server-memory"));
    config.env.insert(QStringLiteral("MEMORY_FILE_PATH"), dir.filePath(QStringLiteral("memory.jsonl")));
    Client client(createTransport(config));
    QVERIFY(mcptest::connectAndWait(client));
    QCOMPARE(client.tools().size(), 9);
    bool listed = false;
    for (const ResourceInfo& resource : client.resources())
        listed |= resource.uri == QLatin1String("memory://knowledge-graph");
    QVERIFY(listed);

    const QJsonObject entity{{QStringLiteral("name"), QStringLiteral("LlamaGate")},
                             {QStringLiteral("entityType"), QStringLiteral("project")},
                             {QStringLiteral("observations"), QJsonArray{QStringLiteral("speaks MCP")}}};
    const ToolCallResult created =
        call(client, QStringLiteral("create_entities"), {{QStringLiteral("entities"), QJsonArray{entity}}});
    QVERIFY2(created.ok(), qPrintable(created.text()));

    std::optional<ReadResourceResult> read;
    client.readResource(QStringLiteral("memory://knowledge-graph"), [&](const ReadResourceResult& r) { read = r; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
    QVERIFY(!read->error);
    QCOMPARE(read->contents.size(), 1);
    QCOMPARE(read->contents.first().uri, QStringLiteral("memory://knowledge-graph"));
    const QJsonObject graph = QJsonDocument::fromJson(read->contents.first().text.toUtf8()).object();
    const QJsonArray entities = graph.value(QStringLiteral("entities")).toArray();
    QCOMPARE(entities.size(), 1);
    QCOMPARE(entities.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("LlamaGate"));
}

QTEST_GUILESS_MAIN(TestReferenceServers)
#include "tst_referenceservers.moc"
