#include "mcp/transport/TransportFactory.h"

#include "mcp/ServerConfig.h"
#include "mcp/transport/AutoHttpTransport.h"
#include "mcp/transport/LegacySseTransport.h"
#include "mcp/transport/StdioTransport.h"
#include "mcp/transport/StreamableHttpTransport.h"

namespace mcp {

namespace {

QMap<QString, QString> expandAll(const QMap<QString, QString>& values, const QProcessEnvironment& environment)
{
    QMap<QString, QString> expanded;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        expanded.insert(it.key(), expandEnvReferences(it.value(), environment));
    return expanded;
}

} // namespace

std::unique_ptr<Transport> createTransport(const ServerConfig& config)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    std::unique_ptr<Transport> transport;
    if (config.transport == TransportKind::Stdio) {
        QStringList args;
        for (const QString& arg : config.args)
            args.append(expandEnvReferences(arg, environment));
        transport = std::make_unique<StdioTransport>(ProcessSpec{expandEnvReferences(config.command, environment),
                                                                 args,
                                                                 expandAll(config.env, environment),
                                                                 config.workingDirectory});
    } else {
        const HttpEndpoint endpoint{QUrl(expandEnvReferences(config.url, environment)),
                                    expandAll(config.headers, environment)};
        if (config.transport == TransportKind::Http)
            transport = std::make_unique<AutoHttpTransport>(endpoint);
        else if (config.transport == TransportKind::StreamableHttp)
            transport = std::make_unique<StreamableHttpTransport>(endpoint, false);
        else
            transport = std::make_unique<LegacySseTransport>(endpoint);
    }
    transport->setObjectName(config.name);
    return transport;
}

} // namespace mcp
