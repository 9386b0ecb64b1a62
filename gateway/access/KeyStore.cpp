#include "gateway/access/KeyStore.h"

#include "gateway/access/KeyCrypto.h"

#include "gateway/config/SettingsVersion.h"
#include <QRegularExpression>

#include <QSettings>

#include <algorithm>

namespace llamagate {

namespace {

const QString kKeysGroup = QStringLiteral("apiKeys");
const QString kUsageGroup = QStringLiteral("apiKeyUsage");
const QString kHashScheme = QStringLiteral("hmac-sha256");

QString keyPath(const QString& id, const QString& field)
{
    return kKeysGroup + u'/' + id + u'/' + field;
}

QString usagePath(const QString& id)
{
    return kUsageGroup + u'/' + id;
}

QString hashText(const QByteArray& salt, const QByteArray& digest)
{
    return kHashScheme + u':' + QString::fromLatin1(salt.toBase64()) + u':' + QString::fromLatin1(digest.toBase64());
}

/// The record under apiKeys/<id>, when it is complete and its hash readable.
std::optional<ApiKeyRecord> readRecord(const QSettings& settings, const QString& id)
{
    const QStringList hash = settings.value(keyPath(id, QStringLiteral("hash"))).toString().split(u':');
    const std::optional<Scopes> scopes = parseScopes(settings.value(keyPath(id, QStringLiteral("scopes"))).toString());
    ApiKeyRecord record;
    record.id = id;
    record.name = settings.value(keyPath(id, QStringLiteral("name"))).toString();
    if (hash.size() != 3 || hash.at(0) != kHashScheme || !scopes || record.name.isEmpty())
        return std::nullopt;
    record.salt = QByteArray::fromBase64(hash.at(1).toLatin1());
    record.digest = QByteArray::fromBase64(hash.at(2).toLatin1());
    if (record.salt.size() != KeyCrypto::kSaltBytes || record.digest.size() != KeyCrypto::kDigestBytes)
        return std::nullopt;
    record.scopes = *scopes;
    record.requestsPerMinute = settings.value(keyPath(id, QStringLiteral("requestsPerMinute"))).toInt();
    record.created =
        QDateTime::fromString(settings.value(keyPath(id, QStringLiteral("created"))).toString(), Qt::ISODate);
    record.lastUsed = QDateTime::fromString(settings.value(usagePath(id)).toString(), Qt::ISODate);
    return record;
}

QString statusText(QSettings::Status status)
{
    return status == QSettings::FormatError ? QStringLiteral("the file is not a valid settings file")
                                            : QStringLiteral("the file cannot be read or written");
}

} // namespace

bool ApiKeyRecord::isValidName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(name).hasMatch() && name.compare(environmentKeyName(), Qt::CaseInsensitive) != 0;
}

KeyStore::KeyStore(QString settingsFile, SecretStore* secrets) : m_file(std::move(settingsFile)), m_secrets(secrets) {}

std::optional<QList<ApiKeyRecord>> KeyStore::keys(QString* error) const
{
    QSettings settings(m_file, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        if (error)
            *error = QStringLiteral("Cannot read %1: %2").arg(m_file, statusText(settings.status()));
        return std::nullopt;
    }
    settings.beginGroup(kKeysGroup);
    const QStringList ids = settings.childGroups();
    settings.endGroup();
    QList<ApiKeyRecord> records;
    for (const QString& id : ids) {
        if (std::optional<ApiKeyRecord> record = readRecord(settings, id))
            records.append(std::move(*record));
    }
    std::sort(records.begin(), records.end(), [](const ApiKeyRecord& a, const ApiKeyRecord& b) {
        return a.created != b.created ? a.created < b.created : a.name < b.name;
    });
    return records;
}

std::optional<IssuedKey> KeyStore::create(
    const QString& name, Scopes scopes, int requestsPerMinute, QString* error, const SecretStore::Done& secretStored)
{
    if (!ApiKeyRecord::isValidName(name) || scopes == Scopes() || requestsPerMinute < 0 ||
        requestsPerMinute > kMaxRequestsPerMinute) {
        *error = QStringLiteral("Invalid key: a name of 1-64 letters, digits, '.', '_' or '-' (not API_KEY), at least "
                                "one scope and a limit from 0 to %1 requests per minute are needed")
                     .arg(kMaxRequestsPerMinute);
        return std::nullopt;
    }
    const std::optional<QList<ApiKeyRecord>> existing = keys(error);
    if (!existing)
        return std::nullopt;
    const bool taken = std::any_of(existing->begin(), existing->end(), [&name](const ApiKeyRecord& record) {
        return record.name.compare(name, Qt::CaseInsensitive) == 0;
    });
    if (taken) {
        *error = QStringLiteral("A key named \"%1\" already exists").arg(name);
        return std::nullopt;
    }

    IssuedKey issued;
    ApiKeyRecord& record = issued.record;
    record.id = KeyCrypto::newKeyId();
    record.name = name;
    record.scopes = scopes;
    record.requestsPerMinute = requestsPerMinute;
    record.created = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    record.salt = KeyCrypto::newSalt();
    issued.secret = KeyCrypto::newSecret(record.id);
    record.digest = KeyCrypto::digest(record.salt, issued.secret.toLatin1());

    QSettings settings(m_file, QSettings::IniFormat);
    settings.setValue(keyPath(record.id, QStringLiteral("name")), record.name);
    settings.setValue(keyPath(record.id, QStringLiteral("scopes")), scopesText(record.scopes));
    settings.setValue(keyPath(record.id, QStringLiteral("requestsPerMinute")), record.requestsPerMinute);
    settings.setValue(keyPath(record.id, QStringLiteral("created")), record.created.toString(Qt::ISODate));
    settings.setValue(keyPath(record.id, QStringLiteral("hash")), hashText(record.salt, record.digest));
    if (!write(settings, error))
        return std::nullopt;
    if (m_secrets)
        m_secrets->write(record.id, issued.secret, secretStored);
    return issued;
}

std::optional<ApiKeyRecord> KeyStore::revoke(const QString& idOrName, QString* error)
{
    const std::optional<QList<ApiKeyRecord>> existing = keys(error);
    if (!existing)
        return std::nullopt;
    const auto found = std::find_if(existing->begin(), existing->end(), [&idOrName](const ApiKeyRecord& record) {
        return record.id == idOrName || record.name == idOrName;
    });
    if (found == existing->end()) {
        *error = QStringLiteral("No key with the name or id \"%1\"").arg(idOrName);
        return std::nullopt;
    }
    QSettings settings(m_file, QSettings::IniFormat);
    settings.remove(kKeysGroup + u'/' + found->id);
    settings.remove(usagePath(found->id));
    if (!write(settings, error))
        return std::nullopt;
    if (m_secrets)
        m_secrets->remove(found->id, {});
    return *found;
}

bool KeyStore::recordUsage(const QHash<QString, QDateTime>& lastUsed, QString* error)
{
    QSettings settings(m_file, QSettings::IniFormat);
    for (auto it = lastUsed.begin(); it != lastUsed.end(); ++it) {
        if (settings.contains(keyPath(it.key(), QStringLiteral("hash"))))
            settings.setValue(usagePath(it.key()), it.value().toUTC().toString(Qt::ISODate));
    }
    settings.beginGroup(kUsageGroup);
    const QStringList used = settings.childKeys();
    settings.endGroup();
    for (const QString& id : used) {
        if (!settings.contains(keyPath(id, QStringLiteral("hash"))))
            settings.remove(usagePath(id));
    }
    return write(settings, error);
}

bool KeyStore::write(QSettings& settings, QString* error) const
{
    SettingsVersion::stamp(settings);
    settings.sync();
    if (settings.status() == QSettings::NoError)
        return true;
    *error = QStringLiteral("Cannot save %1: %2").arg(m_file, statusText(settings.status()));
    return false;
}

} // namespace llamagate
