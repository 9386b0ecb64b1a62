#include "app/KeysCommand.h"

#include "gateway/access/KeyStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace llamagate {

namespace {

constexpr int kOk = 0;
constexpr int kFailure = 1;
constexpr int kUsage = 2;

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QStringLiteral("never");
}

QString limitText(int requestsPerMinute)
{
    return requestsPerMinute > 0 ? QString::number(requestsPerMinute) : QStringLiteral("-");
}

/// Parses a subcommand's arguments; the error text is empty when they parse.
QString parse(QCommandLineParser& parser, const QString& subcommand, const QStringList& arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("llamagate keys ") + subcommand} + arguments))
        return parser.errorText();
    return {};
}

} // namespace

KeysCommand::KeysCommand(QString settingsFile, QTextStream& out, QTextStream& err)
    : m_settingsFile(std::move(settingsFile)), m_out(out), m_err(err)
{
}

QString KeysCommand::helpText()
{
    return QStringLiteral(
        "Usage:\n"
        "  llamagate keys create --name <name> --scope inference[,admin] [--rpm <n>]\n"
        "      Creates a key and prints it once on stdout; only a salted hash is saved.\n"
        "      --rpm: the key's own limit in requests per minute (default: none beyond RATE_LIMIT_RPS).\n"
        "  llamagate keys list [--json]\n"
        "      Lists the keys (never their secrets).\n"
        "  llamagate keys revoke <name|id>\n"
        "      Deletes a key; a running gateway refuses it moments later.\n"
        "Scopes: inference (models, chat, completions, embeddings, read-only /api/*) and admin (management,\n"
        "/v1/cache, /metrics, state-changing /api/*). Exit codes: 0 done, 2 usage error, 1 failure.");
}

int KeysCommand::run(const QStringList& arguments)
{
    const QString subcommand = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (subcommand == u"create")
        return create(rest);
    if (subcommand == u"list")
        return list(rest);
    if (subcommand == u"revoke")
        return revoke(rest);
    if (subcommand == u"--help" || subcommand == u"-h" || subcommand == u"help") {
        m_out << helpText() << Qt::endl;
        return kOk;
    }
    return usageError(subcommand.isEmpty() ? QStringLiteral("keys needs a subcommand: create, list or revoke")
                                           : QStringLiteral("Unknown keys subcommand: %1").arg(subcommand));
}

int KeysCommand::create(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"), QString(), QStringLiteral("name"));
    const QCommandLineOption scope(QStringLiteral("scope"), QString(), QStringLiteral("scopes"));
    const QCommandLineOption rpm(QStringLiteral("rpm"), QString(), QStringLiteral("n"));
    parser.addOptions({name, scope, rpm});
    if (const QString error = parse(parser, QStringLiteral("create"), arguments); !error.isEmpty())
        return usageError(error);
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(name) || !ApiKeyRecord::isValidName(parser.value(name))) {
        return usageError(QStringLiteral("--name needs 1-64 letters, digits, '.', '_' or '-', beginning with a letter "
                                         "or digit (API_KEY is reserved)"));
    }
    const std::optional<Scopes> scopes = parseScopes(parser.value(scope));
    if (!parser.isSet(scope) || !scopes)
        return usageError(QStringLiteral("--scope needs inference, admin or inference,admin"));
    bool rpmOk = true;
    const int requestsPerMinute = parser.isSet(rpm) ? parser.value(rpm).toInt(&rpmOk) : 0;
    if (!rpmOk || requestsPerMinute < 0 || requestsPerMinute > KeyStore::kMaxRequestsPerMinute) {
        return usageError(QStringLiteral("--rpm needs an integer from 0 (no limit of its own) to %1")
                              .arg(KeyStore::kMaxRequestsPerMinute));
    }

    KeyStore store(m_settingsFile);
    QString error;
    const std::optional<IssuedKey> issued = store.create(parser.value(name), *scopes, requestsPerMinute, &error);
    if (!issued)
        return failure(error);
    m_err << QStringLiteral("Created key \"%1\" (id %2, scopes %3, requests per minute: %4) in %5.\n"
                            "This is the only time the key is shown; it is not stored anywhere:")
                 .arg(issued->record.name,
                      issued->record.id,
                      scopesText(issued->record.scopes),
                      limitText(issued->record.requestsPerMinute),
                      m_settingsFile)
          << Qt::endl;
    m_out << issued->secret << Qt::endl;
    return kOk;
}

int KeysCommand::list(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOption(json);
    if (const QString error = parse(parser, QStringLiteral("list"), arguments); !error.isEmpty())
        return usageError(error);
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    QString error;
    const std::optional<QList<ApiKeyRecord>> keys = KeyStore(m_settingsFile).keys(&error);
    if (!keys)
        return failure(error);
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const ApiKeyRecord& key : *keys) {
            array.append(QJsonObject{
                {QStringLiteral("id"), key.id},
                {QStringLiteral("name"), key.name},
                {QStringLiteral("scopes"), QJsonArray::fromStringList(scopesText(key.scopes).split(u','))},
                {QStringLiteral("requests_per_minute"), key.requestsPerMinute},
                {QStringLiteral("created"), timeText(key.created)},
                {QStringLiteral("last_used"),
                 key.lastUsed.isValid() ? QJsonValue(timeText(key.lastUsed)) : QJsonValue(QJsonValue::Null)}});
        }
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        m_out.flush();
        return kOk;
    }
    if (keys->isEmpty()) {
        m_err << QStringLiteral("No API keys in %1.").arg(m_settingsFile) << Qt::endl;
        return kOk;
    }
    QList<QStringList> rows = {{QStringLiteral("ID"),
                                QStringLiteral("NAME"),
                                QStringLiteral("SCOPES"),
                                QStringLiteral("RPM"),
                                QStringLiteral("CREATED"),
                                QStringLiteral("LAST USED")}};
    for (const ApiKeyRecord& key : *keys) {
        rows.append({key.id,
                     key.name,
                     scopesText(key.scopes),
                     limitText(key.requestsPerMinute),
                     timeText(key.created),
                     timeText(key.lastUsed)});
    }
    QList<qsizetype> widths(rows.constFirst().size(), 0);
    for (const QStringList& row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], row.at(column).size());
    }
    for (const QStringList& row : rows) {
        QStringList cells;
        for (qsizetype column = 0; column < row.size(); ++column)
            cells.append(column + 1 < row.size() ? row.at(column).leftJustified(widths[column]) : row.at(column));
        m_out << cells.join(QStringLiteral("  ")) << Qt::endl;
    }
    return kOk;
}

int KeysCommand::revoke(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const QString error = parse(parser, QStringLiteral("revoke"), arguments); !error.isEmpty())
        return usageError(error);
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("keys revoke needs exactly one key name or id"));
    QString error;
    const std::optional<ApiKeyRecord> revoked =
        KeyStore(m_settingsFile).revoke(parser.positionalArguments().constFirst(), &error);
    if (!revoked)
        return failure(error);
    m_err << QStringLiteral("Revoked key \"%1\" (id %2).").arg(revoked->name, revoked->id) << Qt::endl;
    return kOk;
}

int KeysCommand::usageError(const QString& problem)
{
    m_err << QStringLiteral("llamagate keys: %1\n\n").arg(problem) << helpText() << Qt::endl;
    return kUsage;
}

int KeysCommand::failure(const QString& problem)
{
    m_err << QStringLiteral("llamagate keys: %1").arg(problem) << Qt::endl;
    return kFailure;
}

} // namespace llamagate
