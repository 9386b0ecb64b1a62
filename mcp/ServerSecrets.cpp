#include "mcp/ServerSecrets.h"

#include <QRegularExpression>

namespace mcp {

namespace {

const QRegularExpression& referencePattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(\$\{secret:([^}]+)\})"));
    return pattern;
}

QString expand(const QString& text, const QHash<QString, QString>& secrets)
{
    QString result;
    qsizetype last = 0;
    for (const QRegularExpressionMatch& match : referencePattern().globalMatch(text)) {
        result += text.mid(last, match.capturedStart() - last);
        result += secrets.value(match.captured(1));
        last = match.capturedEnd();
    }
    result += text.mid(last);
    return result;
}

} // namespace

bool ServerSecrets::isSecretHeader(const QString& header)
{
    static const QRegularExpression secretWords(QStringLiteral("auth|token|key|secret|cookie|password"),
                                                QRegularExpression::CaseInsensitiveOption);
    return secretWords.match(header).hasMatch();
}

QString ServerSecrets::key(const QString& server, const QString& header)
{
    return QStringLiteral("mcp/%1/%2").arg(server, header);
}

QString ServerSecrets::reference(const QString& key)
{
    return QStringLiteral("${secret:%1}").arg(key);
}

QHash<QString, QString> ServerSecrets::extract(ServerConfig& config)
{
    QHash<QString, QString> secrets;
    for (auto it = config.headers.begin(); it != config.headers.end(); ++it) {
        if (!isSecretHeader(it.key()) || it.value().contains(QLatin1String("${")))
            continue;
        const QString secretKey = key(config.name, it.key());
        secrets.insert(secretKey, it.value());
        it.value() = reference(secretKey);
    }
    return secrets;
}

QStringList ServerSecrets::referencedKeys(const ServerConfig& config)
{
    QStringList keys;
    for (const QMap<QString, QString>* values : {&config.headers, &config.env}) {
        for (const QString& value : *values) {
            for (const QRegularExpressionMatch& match : referencePattern().globalMatch(value))
                keys.append(match.captured(1));
        }
    }
    return keys;
}

QStringList ServerSecrets::referencedKeys(const QList<ServerConfig>& configs)
{
    QStringList keys;
    for (const ServerConfig& config : configs)
        keys += referencedKeys(config);
    keys.removeDuplicates();
    return keys;
}

ServerConfig ServerSecrets::resolve(ServerConfig config, const QHash<QString, QString>& secrets)
{
    for (QMap<QString, QString>* values : {&config.headers, &config.env}) {
        for (QString& value : *values)
            value = expand(value, secrets);
    }
    return config;
}

} // namespace mcp
