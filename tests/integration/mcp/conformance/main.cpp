// mcp-conformance-client: the client the official MCP conformance suite drives. Usage:
//   mcp-conformance-client <server url>        (the suite appends the URL; MCP_CONFORMANCE_SCENARIO names the scenario)
// It connects with the `http` transport, answers elicitation by applying the schema's defaults, calls every
// listed tool with arguments built from its input schema, closes the session and exits 0 — or 1 on any failure.
#include "mcp/Client.h"
#include "mcp/ServerConfig.h"
#include "mcp/transport/TransportFactory.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

#include <cstdio>

namespace {

constexpr int OverallDeadlineMs = 60000;

QJsonValue sampleValue(const QJsonObject& schema)
{
    if (schema.contains(QStringLiteral("default")))
        return schema.value(QStringLiteral("default"));
    const QString type = schema.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("number") || type == QLatin1String("integer"))
        return 1;
    if (type == QLatin1String("boolean"))
        return true;
    if (type == QLatin1String("array"))
        return QJsonArray();
    if (type == QLatin1String("object"))
        return QJsonObject();
    return QStringLiteral("test");
}

/// Arguments for a tool: a value of the right type for every property of its input schema.
QJsonObject argumentsFor(const QJsonObject& inputSchema)
{
    QJsonObject arguments;
    const QJsonObject properties = inputSchema.value(QStringLiteral("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it)
        arguments.insert(it.key(), sampleValue(it.value().toObject()));
    return arguments;
}

/// Accepts a form elicitation with every default of the requested schema filled in (SEP-1034).
void acceptWithDefaults(const QJsonObject& params, const std::function<void(const mcp::RpcOutcome&)>& reply)
{
    QJsonObject content;
    const QJsonObject properties =
        params.value(QStringLiteral("requestedSchema")).toObject().value(QStringLiteral("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject property = it.value().toObject();
        if (property.contains(QStringLiteral("default")))
            content.insert(it.key(), property.value(QStringLiteral("default")));
    }
    reply({{{QStringLiteral("action"), QStringLiteral("accept")}, {QStringLiteral("content"), content}}, std::nullopt});
}

void fail(const QString& message)
{
    std::fprintf(stderr, "mcp-conformance-client: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("llamagate-conformance-client"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LLAMAGATE_VERSION));
    if (argc < 2) {
        std::fprintf(stderr, "usage: mcp-conformance-client <server url>\n");
        return 2;
    }

    mcp::ServerConfig config;
    config.name = QStringLiteral("conformance");
    config.transport = mcp::TransportKind::Http;
    config.url = QString::fromLocal8Bit(argv[argc - 1]);
    mcp::Client client(mcp::createTransport(config));
    client.setObjectName(config.name);
    client.setElicitationHandler(acceptWithDefaults,
                                 {{QStringLiteral("form"), QJsonObject{{QStringLiteral("applyDefaults"), true}}}});

    auto remaining = std::make_shared<QList<mcp::ToolInfo>>();
    auto callNext = std::make_shared<std::function<void()>>();
    *callNext = [&client, remaining, callNext] {
        if (remaining->isEmpty()) {
            client.close();
            return;
        }
        const mcp::ToolInfo tool = remaining->takeFirst();
        client.callTool(tool.name, argumentsFor(tool.inputSchema), {}, [tool, callNext](const mcp::ToolCallResult& r) {
            if (!r.ok()) {
                fail(QStringLiteral("tool %1 failed: %2").arg(tool.name, r.text()));
                return;
            }
            std::printf("%s: %s\n", qPrintable(tool.name), qPrintable(r.text()));
            (*callNext)();
        });
    };
    QObject::connect(&client, &mcp::Client::ready, &app, [&client, remaining, callNext] {
        *remaining = client.tools();
        (*callNext)();
    });
    QObject::connect(&client, &mcp::Client::closed, &app, [](const QString& error) {
        if (error.isEmpty())
            QCoreApplication::exit(0);
        else
            fail(error);
    });
    QTimer::singleShot(OverallDeadlineMs, &app, [] { fail(QStringLiteral("no result within the deadline")); });

    client.connectToServer();
    return app.exec();
}
