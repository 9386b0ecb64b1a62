#include "mcp/McpServersImport.h"

#include <QTest>

using namespace mcp;

namespace {

/// A default timeout no entry happens to have, so that taking it shows.
constexpr std::chrono::milliseconds kDefaultTimeout{42000};

} // namespace

class TestMcpServersImport : public QObject
{
    Q_OBJECT

private slots:
    void imports_data();
    void imports();
    void readsEveryField();
    void keepsGoodEntriesNextToBadOnes();
    void allowAndDenyGlobs_data();
    void allowAndDenyGlobs();
    void expandsEnvReferences();
};

void TestMcpServersImport::imports_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("servers");
    QTest::addColumn<QStringList>("errors"); // the i-th error contains the i-th string

    QTest::newRow("Claude Desktop stdio")
        << QByteArray(
               R"({"mcpServers":{"fs":{"command":"npx","args":["-y","@modelcontextprotocol/server-filesystem","/tmp"]}}})")
        << 1 << QStringList();
    QTest::newRow("Cursor remote with headers")
        << QByteArray(
               R"({"mcpServers":{"remote":{"url":"https://example.com/mcp","headers":{"Authorization":"Bearer ${env:TOKEN}"}}}})")
        << 1 << QStringList();
    QTest::newRow("LM Studio with type sse")
        << QByteArray(R"({"mcpServers":{"old":{"type":"sse","url":"http://127.0.0.1:3001/sse"}}})") << 1
        << QStringList();
    QTest::newRow("empty mcpServers") << QByteArray(R"({"mcpServers":{}})") << 0 << QStringList();
    QTest::newRow("not JSON") << QByteArray(R"({"mcpServers":{)") << 0 << QStringList{"not valid JSON"};
    QTest::newRow("top level array") << QByteArray("[]") << 0 << QStringList{"top level must be an object"};
    QTest::newRow("no mcpServers") << QByteArray(R"({"servers":{}})") << 0 << QStringList{"no \"mcpServers\""};
    QTest::newRow("mcpServers is an array")
        << QByteArray(R"({"mcpServers":[]})") << 0 << QStringList{"mcpServers: must be an object, not an array"};
    QTest::newRow("entry is a string") << QByteArray(R"({"mcpServers":{"x":"npx foo"}})") << 0
                                       << QStringList{"mcpServers.x: must be an object, not a string"};
    QTest::newRow("neither command nor url")
        << QByteArray(R"({"mcpServers":{"x":{"args":[]}}})") << 0 << QStringList{"mcpServers.x: needs \"command\""};
    QTest::newRow("both command and url") << QByteArray(R"({"mcpServers":{"x":{"command":"a","url":"http://h/"}}})")
                                          << 0 << QStringList{"mcpServers.x: has both"};
    QTest::newRow("command is a number") << QByteArray(R"({"mcpServers":{"x":{"command":5}}})") << 0
                                         << QStringList{
                                                "mcpServers.x.command: must be a non-empty string, not a number"};
    QTest::newRow("args is a string") << QByteArray(R"({"mcpServers":{"x":{"command":"a","args":"-y foo"}}})") << 0
                                      << QStringList{"mcpServers.x.args: must be an array of strings, not a string"};
    QTest::newRow("one arg is a number") << QByteArray(R"({"mcpServers":{"x":{"command":"a","args":["--port",8080]}}})")
                                         << 0 << QStringList{"mcpServers.x.args[1]: must be a string, not a number"};
    QTest::newRow("env value is a boolean")
        << QByteArray(R"({"mcpServers":{"x":{"command":"a","env":{"DEBUG":true}}}})") << 0
        << QStringList{"mcpServers.x.env.DEBUG: must be a string, not a boolean"};
    QTest::newRow("url is not http") << QByteArray(R"({"mcpServers":{"x":{"url":"ws://h/mcp"}}})") << 0
                                     << QStringList{"mcpServers.x.url: must be an http:// or https:// URL"};
    QTest::newRow("unknown type") << QByteArray(R"({"mcpServers":{"x":{"type":"websocket","url":"http://h/"}}})") << 0
                                  << QStringList{"mcpServers.x.type: unknown transport \"websocket\""};
    QTest::newRow("type does not fit") << QByteArray(R"({"mcpServers":{"x":{"type":"stdio","url":"http://h/"}}})") << 0
                                       << QStringList{
                                              "mcpServers.x.type: \"stdio\" does not fit an entry with \"url\""};
    QTest::newRow("disabled is a string") << QByteArray(R"({"mcpServers":{"x":{"command":"a","disabled":"yes"}}})") << 0
                                          << QStringList{"mcpServers.x.disabled: must be true or false"};
    QTest::newRow("two errors in one entry")
        << QByteArray(R"({"mcpServers":{"x":{"command":"a","args":[1],"env":{"A":2}}}})") << 0
        << QStringList{"mcpServers.x.args[0]", "mcpServers.x.env.A"};
}

void TestMcpServersImport::imports()
{
    QFETCH(QByteArray, json);
    QFETCH(int, servers);
    QFETCH(QStringList, errors);
    const McpServersImport result = McpServersImport::parse(json, kDefaultTimeout);
    QCOMPARE(result.servers.size(), servers);
    QCOMPARE(result.errors.size(), errors.size());
    for (qsizetype i = 0; i < errors.size(); ++i)
        QVERIFY2(result.errors.at(i).contains(errors.at(i)), qPrintable(result.errors.at(i)));
}

void TestMcpServersImport::readsEveryField()
{
    const McpServersImport result = McpServersImport::parse(R"({"mcpServers":{
        "fs":{"command":"npx","args":["-y","srv"],"env":{"A":"1"},"cwd":"/tmp","disabled":true,"timeout":12.5},
        "web":{"type":"streamable-http","url":"https://example.com/mcp","headers":{"X-Key":"k"}},
        "auto":{"url":"http://127.0.0.1:9/mcp"}}})",
                                                            kDefaultTimeout);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
    QCOMPARE(result.servers.size(), 3);
    const ServerConfig& automatic = result.servers.at(0); // JSON objects iterate in key order
    const ServerConfig& fs = result.servers.at(1);
    const ServerConfig& web = result.servers.at(2);
    QCOMPARE(fs.name, QStringLiteral("fs"));
    QCOMPARE(fs.transport, TransportKind::Stdio);
    QCOMPARE(fs.command, QStringLiteral("npx"));
    QCOMPARE(fs.args, QStringList({QStringLiteral("-y"), QStringLiteral("srv")}));
    QCOMPARE(fs.env.value(QStringLiteral("A")), QStringLiteral("1"));
    QCOMPARE(fs.workingDirectory, QStringLiteral("/tmp"));
    QCOMPARE(fs.enabled, false);
    QCOMPARE(fs.timeout.count(), 12500);
    QCOMPARE(web.transport, TransportKind::StreamableHttp);
    QCOMPARE(web.url, QStringLiteral("https://example.com/mcp"));
    QCOMPARE(web.headers.value(QStringLiteral("X-Key")), QStringLiteral("k"));
    QCOMPARE(web.enabled, true);
    QCOMPARE(web.timeout, kDefaultTimeout); // no timeout of its own
    QCOMPARE(automatic.transport, TransportKind::Http);
}

void TestMcpServersImport::keepsGoodEntriesNextToBadOnes()
{
    const McpServersImport result = McpServersImport::parse(
        R"({"mcpServers":{"bad":{"command":""},"good":{"command":"node","args":["s.js"]}}})", kDefaultTimeout);
    QCOMPARE(result.servers.size(), 1);
    QCOMPARE(result.servers.first().name, QStringLiteral("good"));
    QCOMPARE(result.errors.size(), 1);
    QVERIFY(result.errors.first().startsWith(QStringLiteral("mcpServers.bad.command")));
}

void TestMcpServersImport::allowAndDenyGlobs_data()
{
    QTest::addColumn<QStringList>("allow");
    QTest::addColumn<QStringList>("deny");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("no lists") << QStringList() << QStringList() << QStringLiteral("write_file") << true;
    QTest::newRow("allowed by glob") << QStringList{"read_*"} << QStringList() << QStringLiteral("read_file") << true;
    QTest::newRow("not in allow list") << QStringList{"read_*"} << QStringList() << QStringLiteral("write_file")
                                       << false;
    QTest::newRow("deny wins") << QStringList{"*"} << QStringList{"write_*"} << QStringLiteral("write_file") << false;
    QTest::newRow("deny alone") << QStringList() << QStringList{"delete*"} << QStringLiteral("read_file") << true;
}

void TestMcpServersImport::allowAndDenyGlobs()
{
    QFETCH(QStringList, allow);
    QFETCH(QStringList, deny);
    QFETCH(QString, tool);
    QFETCH(bool, allowed);
    ServerConfig config;
    config.allowTools = allow;
    config.denyTools = deny;
    QCOMPARE(config.allowsTool(tool), allowed);
}

void TestMcpServersImport::expandsEnvReferences()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("TOKEN"), QStringLiteral("s3cret"));
    QCOMPARE(expandEnvReferences(QStringLiteral("Bearer ${env:TOKEN}"), environment), QStringLiteral("Bearer s3cret"));
    QCOMPARE(expandEnvReferences(QStringLiteral("${env:MISSING}x"), environment), QStringLiteral("x"));
    QCOMPARE(expandEnvReferences(QStringLiteral("$TOKEN ${TOKEN}"), environment), QStringLiteral("$TOKEN ${TOKEN}"));
}

QTEST_GUILESS_MAIN(TestMcpServersImport)
#include "tst_mcpserversimport.moc"
