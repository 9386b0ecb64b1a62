#include "gateway/tools/McpServerJson.h"
#include "gateway/tools/ResourceExpander.h"
#include "gateway/tools/ToolPolicy.h"
#include "gateway/tools/ToolResultMessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace llamagate;

namespace {

mcp::ToolCallResult resultFrom(const char* json)
{
    return mcp::ToolCallResult::fromJson(QJsonDocument::fromJson(json).object());
}

} // namespace

/// The tool policy's globs and the rule it reports, the conversion of MCP tool results into the model's tool
/// message (every block kept, size capped with a note), server configs from JSON, and mcp:// references.
class TestTools : public QObject
{
    Q_OBJECT
private slots:
    void policy_data();
    void policy();
    void contentBlocks_data();
    void contentBlocks();
    void imagesAttached();
    void capping_data();
    void capping();
    void serverJson_data();
    void serverJson();
    void serverJsonRoundTrip();
    void references_data();
    void references();
};

void TestTools::policy_data()
{
    QTest::addColumn<QString>("allow");
    QTest::addColumn<QString>("deny");
    QTest::addColumn<QString>("serverAllow");
    QTest::addColumn<QString>("serverDeny");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("rule");
    // tool is "<server>.<tool>"
    QTest::newRow("no lists") << ""
                              << ""
                              << ""
                              << ""
                              << "everything.echo" << true << "no allow list";
    QTest::newRow("allow glob") << "mcp.everything.*"
                                << ""
                                << ""
                                << ""
                                << "everything.echo" << true << "MCP_ALLOW_TOOLS: mcp.everything.*";
    QTest::newRow("not in allow") << "mcp.files.*"
                                  << ""
                                  << ""
                                  << ""
                                  << "everything.echo" << false << "MCP_ALLOW_TOOLS: no match";
    QTest::newRow("second allow glob") << "mcp.files.*, mcp.*.get-*"
                                       << ""
                                       << ""
                                       << ""
                                       << "everything.get-sum" << true << "MCP_ALLOW_TOOLS: mcp.*.get-*";
    QTest::newRow("deny beats allow") << "mcp.everything.*"
                                      << "mcp.*.get-env"
                                      << ""
                                      << ""
                                      << "everything.get-env" << false << "MCP_DENY_TOOLS: mcp.*.get-env";
    QTest::newRow("deny other tool") << ""
                                     << "mcp.*.get-env"
                                     << ""
                                     << ""
                                     << "everything.get-sum" << true << "no allow list";
    QTest::newRow("whole name, not a part") << ""
                                            << "mcp.every"
                                            << ""
                                            << ""
                                            << "everything.echo" << true << "no allow list";
    QTest::newRow("question mark") << ""
                                   << "mcp.everything.ech?"
                                   << ""
                                   << ""
                                   << "everything.echo" << false << "MCP_DENY_TOOLS: mcp.everything.ech?";
    QTest::newRow("case matters") << ""
                                  << "mcp.everything.ECHO"
                                  << ""
                                  << ""
                                  << "everything.echo" << true << "no allow list";
    QTest::newRow("server deny") << ""
                                 << ""
                                 << ""
                                 << "trigger-*"
                                 << "everything.trigger-sampling-request" << false
                                 << "server everything deny: trigger-*";
    QTest::newRow("server deny beats global allow") << "mcp.*"
                                                    << ""
                                                    << ""
                                                    << "echo"
                                                    << "everything.echo" << false << "server everything deny: echo";
    QTest::newRow("server allow") << ""
                                  << ""
                                  << "echo,get-sum"
                                  << ""
                                  << "everything.get-sum" << true << "server everything allow: get-sum";
    QTest::newRow("server allow misses") << ""
                                         << ""
                                         << "echo"
                                         << ""
                                         << "everything.get-sum" << false << "server everything allow list: no match";
    QTest::newRow("both allow lists") << "mcp.everything.echo"
                                      << ""
                                      << "echo"
                                      << ""
                                      << "everything.echo" << true << "MCP_ALLOW_TOOLS: mcp.everything.echo";
    QTest::newRow("global allow misses after server allow")
        << "mcp.other.*"
        << ""
        << "echo"
        << ""
        << "everything.echo" << false << "MCP_ALLOW_TOOLS: no match";
    QTest::newRow("dotted tool name") << ""
                                      << "mcp.srv.ns.*"
                                      << ""
                                      << ""
                                      << "srv.ns.tool" << false << "MCP_DENY_TOOLS: mcp.srv.ns.*";
}

void TestTools::policy()
{
    QFETCH(QString, allow);
    QFETCH(QString, deny);
    QFETCH(QString, serverAllow);
    QFETCH(QString, serverDeny);
    QFETCH(QString, tool);
    QFETCH(bool, allowed);
    QFETCH(QString, rule);
    const ToolPolicy policy(allow.split(u','), deny.split(u','));
    const qsizetype dot = tool.indexOf(u'.');
    const ToolPolicy::Decision decision =
        policy.decide(tool.left(dot), tool.mid(dot + 1), serverAllow.split(u','), serverDeny.split(u','));
    QCOMPARE(decision.allowed, allowed);
    QCOMPARE(decision.rule(), rule);
}

void TestTools::contentBlocks_data()
{
    QTest::addColumn<QByteArray>("result");
    QTest::addColumn<QString>("text");
    QTest::newRow("text blocks in order")
        << QByteArray(R"({"content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]})") << "a\nb";
    QTest::newRow("empty") << QByteArray(R"({"content":[]})") << "(the tool returned no content)";
    QTest::newRow("tool error") << QByteArray(R"({"content":[{"type":"text","text":"bad input"}],"isError":true})")
                                << "The tool reported an error:\nbad input";
    QTest::newRow("structured content added")
        << QByteArray(R"({"content":[{"type":"text","text":"22 C"}],"structuredContent":{"temperature":22}})")
        << "22 C\nStructured content: {\"temperature\":22}";
    QTest::newRow("structured content already as text")
        << QByteArray(
               R"({"content":[{"type":"text","text":"{\"temperature\":22}"}],"structuredContent":{"temperature":22}})")
        << "{\"temperature\":22}";
    QTest::newRow("resource link")
        << QByteArray(
               R"({"content":[{"type":"resource_link","uri":"demo://r/1","name":"One","mimeType":"text/plain"}]})")
        << "[resource link] demo://r/1\nname: One\nmimeType: text/plain";
    QTest::newRow("embedded text resource")
        << QByteArray(
               R"({"content":[{"type":"resource","resource":{"uri":"demo://doc","mimeType":"text/plain","text":"hello"}}]})")
        << "[resource demo://doc]\nhello";
    QTest::newRow("embedded blob resource")
        << QByteArray(
               R"({"content":[{"type":"resource","resource":{"uri":"demo://bin","mimeType":"application/octet-stream","blob":"AAEC"}}]})")
        << "[resource demo://bin] [binary application/octet-stream, 3 bytes]";
    QTest::newRow("audio described") << QByteArray(
                                            R"({"content":[{"type":"audio","data":"AAEC","mimeType":"audio/wav"}]})")
                                     << "[audio audio/wav, 3 bytes] (not passed to the model)";
    QTest::newRow("image described") << QByteArray(
                                            R"({"content":[{"type":"image","data":"AAEC","mimeType":"image/png"}]})")
                                     << "[image image/png, 3 bytes]";
    QTest::newRow("unknown block kept as JSON") << QByteArray(R"({"content":[{"type":"chart","points":[1,2]}]})")
                                                << "[chart content] {\"points\":[1,2],\"type\":\"chart\"}";
}

void TestTools::contentBlocks()
{
    QFETCH(QByteArray, result);
    QFETCH(QString, text);
    QCOMPARE(ToolResultMessage::text(resultFrom(result.constData())), text);
}

void TestTools::imagesAttached()
{
    const mcp::ToolCallResult result = resultFrom(
        R"({"content":[{"type":"text","text":"an image:"},{"type":"image","data":"iVBORw0K","mimeType":"image/png"}]})");
    const QJsonObject message = ToolResultMessage::build(result, QStringLiteral("everything__get-tiny-image"), 1024);
    QCOMPARE(message.value(QStringLiteral("role")).toString(), QStringLiteral("tool"));
    QCOMPARE(message.value(QStringLiteral("tool_name")).toString(), QStringLiteral("everything__get-tiny-image"));
    QCOMPARE(message.value(QStringLiteral("images")).toArray(), QJsonArray{QStringLiteral("iVBORw0K")});
    QCOMPARE(message.value(QStringLiteral("content")).toString(),
             QStringLiteral("an image:\n[image image/png, 6 bytes]\n[1 image(s) attached to this message]"));

    const QJsonObject tooBig = ToolResultMessage::build(result, QStringLiteral("x"), 4);
    QVERIFY(!tooBig.contains(QStringLiteral("images")));
    QVERIFY(tooBig.value(QStringLiteral("content")).toString().contains(QStringLiteral("1 image(s) left out")));

    mcp::ToolCallResult failed;
    failed.error = mcp::RpcError{mcp::rpc::RequestTimeout, QStringLiteral("request timed out after 100 ms"), {}};
    QCOMPARE(ToolResultMessage::build(failed, QStringLiteral("x"), 1024).value(QStringLiteral("content")).toString(),
             QStringLiteral("The tool call failed: request timed out after 100 ms"));
}

void TestTools::capping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<QString>("kept");
    QTest::newRow("fits") << "hello" << qint64(5) << "hello";
    QTest::newRow("cut") << "hello world" << qint64(5) << "hello";
    QTest::newRow("not inside a two-byte character") << QStringLiteral("aé") << qint64(2) << "a";
    QTest::newRow("not inside a four-byte character") << QStringLiteral("ab\U0001F600") << qint64(5) << "ab";
    QTest::newRow("whole multi-byte character") << QStringLiteral("aé") << qint64(3) << QStringLiteral("aé");
}

void TestTools::capping()
{
    QFETCH(QString, text);
    QFETCH(qint64, maxBytes);
    QFETCH(QString, kept);
    const QString capped = ToolResultMessage::capped(text, maxBytes);
    QVERIFY(capped.startsWith(kept));
    if (kept == text) {
        QCOMPARE(capped, text);
    } else {
        QCOMPARE(capped.mid(kept.size()),
                 QStringLiteral("\n[LlamaGate: cut from %1 to %2 bytes (MCP_MAX_TOOL_RESULT_SIZE)]")
                     .arg(text.toUtf8().size())
                     .arg(maxBytes));
    }
}

void TestTools::serverJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorParam"); // empty: accepted
    QTest::newRow("stdio") << QByteArray(R"({"name":"everything","command":"node","args":["x.js","stdio"]})") << "";
    QTest::newRow("http by url") << QByteArray(R"({"name":"remote","url":"http://127.0.0.1:1/mcp"})") << "";
    QTest::newRow("sse") << QByteArray(
                                R"({"name":"old","transport":"sse","url":"http://127.0.0.1:1/sse","timeout":"2m"})")
                         << "";
    QTest::newRow("no name") << QByteArray(R"({"command":"node"})") << "name";
    QTest::newRow("bad name") << QByteArray(R"({"name":"a b","command":"node"})") << "name";
    QTest::newRow("stdio without command") << QByteArray(R"({"name":"a","transport":"stdio"})") << "command";
    QTest::newRow("http without url") << QByteArray(R"({"name":"a","transport":"http"})") << "url";
    QTest::newRow("unknown transport") << QByteArray(R"({"name":"a","transport":"carrier-pigeon","command":"x"})")
                                       << "transport";
    QTest::newRow("args not strings") << QByteArray(R"({"name":"a","command":"x","args":["a",1]})") << "args";
    QTest::newRow("env value not a string") << QByteArray(R"({"name":"a","command":"x","env":{"K":1}})") << "env.K";
    QTest::newRow("negative timeout") << QByteArray(R"({"name":"a","command":"x","timeout":-1})") << "timeout";
    QTest::newRow("enabled not a boolean") << QByteArray(R"({"name":"a","command":"x","enabled":"yes"})") << "enabled";
}

void TestTools::serverJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorParam);
    const Result<mcp::ServerConfig> config =
        McpServerJson::read(QJsonDocument::fromJson(json).object(), std::chrono::milliseconds(30000));
    QCOMPARE(config.ok(), errorParam.isEmpty());
    if (!config.ok()) {
        QCOMPARE(config.error().status, 400);
        QCOMPARE(config.error().param, errorParam);
    }
}

void TestTools::serverJsonRoundTrip()
{
    const QByteArray json =
        R"({"name":"srv","enabled":false,"command":"node","args":["a"],"env":{"TOKEN":"secret","REF":"${env:HOME}"},
                               "timeout":12.5,"allow_tools":"echo, get-*","deny_tools":["get-env"]})";
    const Result<mcp::ServerConfig> config =
        McpServerJson::read(QJsonDocument::fromJson(json).object(), std::chrono::milliseconds(30000));
    QVERIFY(config.ok());
    QCOMPARE(config.value().timeout, std::chrono::milliseconds(12500));
    QCOMPARE(config.value().allowTools, (QStringList{QStringLiteral("echo"), QStringLiteral("get-*")}));
    QVERIFY(!config.value().enabled);
    const Result<mcp::ServerConfig> again =
        McpServerJson::read(McpServerJson::write(config.value(), true), std::chrono::milliseconds(1));
    QVERIFY(again.ok());
    QVERIFY(again.value() == config.value());
    const QJsonObject shown = McpServerJson::write(config.value(), false);
    QCOMPARE(shown.value(QStringLiteral("env")).toObject().value(QStringLiteral("TOKEN")).toString(),
             QStringLiteral("***"));
    QCOMPARE(shown.value(QStringLiteral("env")).toObject().value(QStringLiteral("REF")).toString(),
             QStringLiteral("${env:HOME}"));
    const Result<mcp::ServerConfig> defaulted = McpServerJson::read(
        QJsonObject{{QStringLiteral("name"), QStringLiteral("d")}, {QStringLiteral("command"), QStringLiteral("x")}},
        std::chrono::milliseconds(4000));
    QCOMPARE(defaulted.value().timeout, std::chrono::milliseconds(4000));
}

void TestTools::references_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("found"); // server|uri
    QTest::newRow("none") << "no references here, not even mcp:/x" << QStringList();
    QTest::newRow("one") << "Summarise mcp://everything/demo://resource/static/document/architecture.md please"
                         << QStringList{"everything|demo://resource/static/document/architecture.md"};
    QTest::newRow("trailing punctuation")
        << "Read (mcp://files/file:///tmp/a.txt)." << QStringList{"files|file:///tmp/a.txt"};
    QTest::newRow("two, one repeated") << "mcp://a/x:1 and mcp://b/y:2 then mcp://a/x:1"
                                       << QStringList{"a|x:1", "b|y:2"};
    QTest::newRow("no uri after the server") << "mcp://a/ alone" << QStringList();
}

void TestTools::references()
{
    QFETCH(QString, text);
    QFETCH(QStringList, found);
    QStringList actual;
    for (const ResourceExpander::Reference& reference : ResourceExpander::find(text)) {
        actual.append(reference.server + u'|' + reference.uri);
        QCOMPARE(reference.text, QStringLiteral("mcp://%1/%2").arg(reference.server, reference.uri));
    }
    QCOMPARE(actual, found);
}

QTEST_GUILESS_MAIN(TestTools)
#include "tst_tools.moc"
