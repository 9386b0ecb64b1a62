#include "gateway/access/AccessControl.h"
#include "gateway/access/KeyCrypto.h"
#include "gateway/access/KeyRing.h"
#include "gateway/access/KeyStore.h"
#include "gateway/access/KeyUsageRecorder.h"
#include "gateway/access/SettingsFileWatcher.h"
#include "gateway/config/ConfigLoader.h"
#include "gateway/routes/GatewayContext.h"
#include "gateway/routes/InferenceRoutes.h"
#include "gateway/routes/ModelRoutes.h"
#include "gateway/routes/PassthroughRoutes.h"
#include "gateway/routes/Router.h"
#include "gateway/routes/SystemRoutes.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace llamagate;

namespace {

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

HttpRequest request(const QByteArray& method, const QString& path, const HttpHeaders& headers = {})
{
    HttpRequest result;
    result.method = method;
    result.path = path;
    result.headers = headers;
    result.peer = QHostAddress(QStringLiteral("127.0.0.1"));
    return result;
}

GatewayConfig config(const QString& apiKey, const QString& listenAddress = QStringLiteral("127.0.0.1"))
{
    GatewayConfig result;
    result.set(Setting::ApiKey, apiKey, SettingSource::Environment);
    result.set(Setting::ListenAddress, listenAddress, SettingSource::Environment);
    result.set(Setting::RateLimitRps, 0.0, SettingSource::Environment);
    result.set(Setting::RateLimitIpRpm, 0, SettingSource::Environment);
    return result;
}

} // namespace

/// API keys: key text and digests, the key store in a settings file, verification, scopes per route class, and the
/// access step's answers (401, 403, which header wins).
class TestApiKeys : public QObject
{
    Q_OBJECT
private slots:
    void hmacIsRfc4231();
    void newKeysAreRandomAndWellFormed();
    void keyIdOf_data();
    void keyIdOf();
    void digestsEqual_data();
    void digestsEqual();
    void scopes_data();
    void scopes();
    void names_data();
    void names();
    void storeKeepsOnlyAHash();
    void storeRefusesDuplicateNames();
    void storeRevokesByNameOrId();
    void ringVerifies_data();
    void ringVerifies();
    void routeScopes_data();
    void routeScopes();
    void access_data();
    void access();
    void noKeysBeyondLoopbackRefuses();
    void usageIsSavedThrottled();
    void usageOfRevokedKeysIsDropped();
    void watcherSeesAnotherWriter();
    void storedKeysCountForTheLoopbackRule();

private:
    QTemporaryDir m_dir;
};

void TestApiKeys::hmacIsRfc4231()
{
    // RFC 4231 test case 2: key "Jefe".
    QCOMPARE(KeyCrypto::digest("Jefe", "what do ya want for nothing?").toHex(),
             QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
}

void TestApiKeys::newKeysAreRandomAndWellFormed()
{
    static const QRegularExpression format(QStringLiteral("^lg-([0-9a-f]{16})_[A-Za-z0-9_-]{43}$"));
    QSet<QString> secrets;
    QSet<QByteArray> salts;
    for (int round = 0; round < 200; ++round) {
        const QString id = KeyCrypto::newKeyId();
        const QString secret = KeyCrypto::newSecret(id);
        const QRegularExpressionMatch match = format.match(secret);
        QVERIFY2(match.hasMatch(), qPrintable(secret));
        QCOMPARE(match.captured(1), id);
        QCOMPARE(KeyCrypto::keyIdOf(secret.toLatin1()), id);
        secrets.insert(secret);
        const QByteArray salt = KeyCrypto::newSalt();
        QCOMPARE(salt.size(), KeyCrypto::kSaltBytes);
        salts.insert(salt);
    }
    QCOMPARE(secrets.size(), 200);
    QCOMPARE(salts.size(), 200);
}

void TestApiKeys::keyIdOf_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("id");
    QTest::newRow("key") << QByteArray("lg-0123456789abcdef_secret") << QStringLiteral("0123456789abcdef");
    QTest::newRow("no secret part") << QByteArray("lg-0123456789abcdef_") << QStringLiteral("0123456789abcdef");
    QTest::newRow("upper-case hex") << QByteArray("lg-0123456789ABCDEF_secret") << QString();
    QTest::newRow("short id") << QByteArray("lg-0123456789abcde_secret") << QString();
    QTest::newRow("no separator") << QByteArray("lg-0123456789abcdefXsecret") << QString();
    QTest::newRow("other prefix") << QByteArray("sk-0123456789abcdef_secret") << QString();
    QTest::newRow("only the prefix") << QByteArray("lg-") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestApiKeys::keyIdOf()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, id);
    QCOMPARE(KeyCrypto::keyIdOf(text), id);
}

void TestApiKeys::digestsEqual_data()
{
    const QByteArray digest = KeyCrypto::digest("salt", "secret");
    QByteArray firstByte = digest;
    firstByte[0] = char(firstByte[0] ^ 1);
    QByteArray lastByte = digest;
    lastByte[31] = char(lastByte[31] ^ 0x80);
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << digest << KeyCrypto::digest("salt", "secret") << true;
    QTest::newRow("first byte differs") << digest << firstByte << false;
    QTest::newRow("last bit differs") << digest << lastByte << false;
    QTest::newRow("other salt") << digest << KeyCrypto::digest("salt2", "secret") << false;
    QTest::newRow("prefix") << digest << digest.first(16) << false;
    QTest::newRow("empty") << digest << QByteArray() << false;
}

void TestApiKeys::digestsEqual()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(KeyCrypto::digestsEqual(a, b), equal);
    QCOMPARE(KeyCrypto::digestsEqual(b, a), equal);
}

void TestApiKeys::scopes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("scopes"); // -1: refused
    QTest::addColumn<QString>("normalized");
    QTest::newRow("inference") << "inference" << int(Scope::Inference) << "inference";
    QTest::newRow("admin") << "admin" << int(Scope::Admin) << "admin";
    QTest::newRow("both, any order and case")
        << " Admin , inference" << int(Scope::Inference | Scope::Admin) << "inference,admin";
    QTest::newRow("repeated") << "admin,admin" << int(Scope::Admin) << "admin";
    QTest::newRow("unknown") << "inference,root" << -1 << "";
    QTest::newRow("empty") << "" << -1 << "";
    QTest::newRow("empty item") << "inference," << -1 << "";
}

void TestApiKeys::scopes()
{
    QFETCH(QString, text);
    QFETCH(int, scopes);
    QFETCH(QString, normalized);
    const std::optional<Scopes> parsed = parseScopes(text);
    QCOMPARE(parsed ? int(parsed->toInt()) : -1, scopes);
    if (parsed)
        QCOMPARE(scopesText(*parsed), normalized);
}

void TestApiKeys::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << "ci" << true;
    QTest::newRow("punctuation") << "build-bot_2.prod" << true;
    QTest::newRow("64 characters") << QString(64, u'a') << true;
    QTest::newRow("65 characters") << QString(65, u'a') << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("leading dash") << "-x" << false;
    QTest::newRow("space") << "my key" << false;
    QTest::newRow("reserved") << "API_KEY" << false;
    QTest::newRow("reserved, other case") << "api_key" << false;
}

void TestApiKeys::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(ApiKeyRecord::isValidName(name), valid);
}

void TestApiKeys::storeKeepsOnlyAHash()
{
    const QString file = m_dir.filePath(QStringLiteral("hash-only.ini"));
    MemorySecretStore secrets;
    KeyStore store(file, &secrets);
    QString error;
    bool stored = false;
    const std::optional<IssuedKey> issued = store.create(
        QStringLiteral("ci"), Scope::Inference, 60, &error, [&stored](bool ok, const QString&) { stored = ok; });
    QVERIFY2(issued, qPrintable(error));
    QVERIFY(stored);

    const QByteArray saved = fileBytes(file);
    QVERIFY(saved.contains("ci"));
    QVERIFY2(!saved.contains(issued->secret.toLatin1()), saved.constData());
    QVERIFY(!saved.contains(issued->secret.mid(20).toLatin1())); // not even the random part
    std::optional<QString> kept;
    secrets.read(issued->record.id, [&kept](const std::optional<QString>& secret) { kept = secret; });
    QCOMPARE(kept, std::optional<QString>(issued->secret));

    const std::optional<QList<ApiKeyRecord>> keys = store.keys(&error);
    QVERIFY2(keys, qPrintable(error));
    QCOMPARE(keys->size(), 1);
    const ApiKeyRecord& record = keys->constFirst();
    QCOMPARE(record.id, issued->record.id);
    QCOMPARE(record.name, QStringLiteral("ci"));
    QCOMPARE(record.scopes, Scopes(Scope::Inference));
    QCOMPARE(record.requestsPerMinute, 60);
    QCOMPARE(record.created, issued->record.created);
    QVERIFY(qAbs(record.created.secsTo(QDateTime::currentDateTimeUtc())) < 5);
    QVERIFY(!record.lastUsed.isValid());
    QCOMPARE(record.digest, KeyCrypto::digest(record.salt, issued->secret.toLatin1()));
}

void TestApiKeys::storeRefusesDuplicateNames()
{
    KeyStore store(m_dir.filePath(QStringLiteral("duplicates.ini")));
    QString error;
    QVERIFY(store.create(QStringLiteral("ci"), Scope::Inference, 0, &error));
    QVERIFY(!store.create(QStringLiteral("CI"), Scope::Admin, 0, &error));
    QVERIFY2(error.contains(QStringLiteral("already exists")), qPrintable(error));
    QVERIFY(!store.create(QStringLiteral("bad name"), Scope::Admin, 0, &error));
    QVERIFY(!store.create(QStringLiteral("noscope"), Scopes(), 0, &error));
    QVERIFY(!store.create(QStringLiteral("toofast"), Scope::Admin, KeyStore::kMaxRequestsPerMinute + 1, &error));
    QCOMPARE(store.keys()->size(), 1);
}

void TestApiKeys::storeRevokesByNameOrId()
{
    const QString file = m_dir.filePath(QStringLiteral("revoke.ini"));
    MemorySecretStore secrets;
    KeyStore store(file, &secrets);
    QString error;
    const std::optional<IssuedKey> first = store.create(QStringLiteral("first"), Scope::Inference, 0, &error);
    const std::optional<IssuedKey> second = store.create(QStringLiteral("second"), Scope::Admin, 0, &error);
    QVERIFY(first && second);

    QCOMPARE(store.revoke(QStringLiteral("first"), &error)->id, first->record.id);
    QCOMPARE(store.revoke(second->record.id, &error)->name, QStringLiteral("second"));
    QVERIFY(!store.revoke(QStringLiteral("first"), &error));
    QVERIFY2(error.contains(QStringLiteral("No key")), qPrintable(error));
    QVERIFY(store.keys()->isEmpty());
    QVERIFY(!fileBytes(file).contains(first->record.id.toLatin1()));
    bool gone = false;
    secrets.read(first->record.id, [&gone](const std::optional<QString>& secret) { gone = !secret.has_value(); });
    QVERIFY(gone);
}

void TestApiKeys::ringVerifies_data()
{
    QTest::addColumn<QByteArray>("presented");
    QTest::addColumn<QString>("name"); // empty: refused
    KeyStore store(m_dir.filePath(QStringLiteral("ring.ini")));
    QString error;
    const std::optional<IssuedKey> stored = store.create(QStringLiteral("stored"), Scope::Inference, 0, &error);
    QVERIFY(stored);
    const QByteArray secret = stored->secret.toLatin1();
    QByteArray tampered = secret;
    tampered[tampered.size() - 1] = tampered.back() == 'A' ? 'B' : 'A';
    QTest::newRow("stored key") << secret << "stored";
    QTest::newRow("stored key, last character changed") << tampered << "";
    QTest::newRow("stored key with a suffix") << secret + "x"
                                              << "";
    QTest::newRow("unknown id") << QByteArray("lg-0000000000000000_") + secret.mid(20) << "";
    QTest::newRow("API_KEY") << QByteArray("sk-env-secret") << "API_KEY";
    QTest::newRow("API_KEY with a suffix") << QByteArray("sk-env-secretx") << "";
    QTest::newRow("empty") << QByteArray() << "";
}

void TestApiKeys::ringVerifies()
{
    QFETCH(QByteArray, presented);
    QFETCH(QString, name);
    KeyRing ring;
    ring.setStoredKeys(*KeyStore(m_dir.filePath(QStringLiteral("ring.ini"))).keys());
    ring.setEnvironmentKey(QStringLiteral("sk-env-secret"));
    const KeyRing::Key* key = ring.verify(presented);
    QCOMPARE(key ? key->name : QString(), name);
    if (name == u"API_KEY")
        QCOMPARE(key->scopes, Scope::Inference | Scope::Admin);
}

void TestApiKeys::routeScopes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("access"); // open, unmetered, any, inference, admin
    QTest::newRow("GET /") << QByteArray("GET") << "/"
                           << "open";
    QTest::newRow("HEAD /") << QByteArray("HEAD") << "/"
                            << "open";
    QTest::newRow("health") << QByteArray("GET") << "/health"
                            << "unmetered";
    QTest::newRow("models") << QByteArray("GET") << "/v1/models"
                            << "inference";
    QTest::newRow("one model") << QByteArray("GET") << "/v1/models/llama3.2"
                               << "inference";
    QTest::newRow("chat") << QByteArray("POST") << "/v1/chat/completions"
                          << "inference";
    QTest::newRow("completions") << QByteArray("POST") << "/v1/completions"
                                 << "inference";
    QTest::newRow("embeddings") << QByteArray("POST") << "/v1/embeddings"
                                << "inference";
    QTest::newRow("native tags") << QByteArray("GET") << "/api/tags"
                                 << "inference";
    QTest::newRow("native chat") << QByteArray("POST") << "/api/chat"
                                 << "inference";
    QTest::newRow("native show") << QByteArray("POST") << "/api/show"
                                 << "inference";
    QTest::newRow("native pull") << QByteArray("POST") << "/api/pull"
                                 << "admin";
    QTest::newRow("native delete") << QByteArray("DELETE") << "/api/delete"
                                   << "admin";
    QTest::newRow("native create") << QByteArray("POST") << "/api/create"
                                   << "admin";
    QTest::newRow("native blob") << QByteArray("POST") << "/api/blobs/sha256:abc"
                                 << "admin";
    QTest::newRow("unknown path") << QByteArray("GET") << "/nowhere"
                                  << "any";
    QTest::newRow("wrong method") << QByteArray("DELETE") << "/v1/models"
                                  << "any";
}

void TestApiKeys::routeScopes()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, access);
    GatewayContext context;
    Router router;
    addSystemRoutes(router, context);
    addModelRoutes(router, context);
    addInferenceRoutes(router, context);
    addPassthroughRoutes(router, context);
    const RouteAccess found = router.match(method, path).access;
    QString actual;
    if (!found.needsKey())
        actual = found.rateLimited() ? QStringLiteral("open") : QStringLiteral("unmetered");
    else if (const std::optional<Scope> scope = found.scopeFor(path))
        actual = scopeName(*scope);
    else
        actual = QStringLiteral("any");
    QCOMPARE(actual, access);
}

void TestApiKeys::access_data()
{
    QTest::addColumn<QString>("apiKey");      // API_KEY setting
    QTest::addColumn<QString>("route");       // inference, admin, open
    QTest::addColumn<HttpHeaders>("headers"); // placeholders: {INF}, {ADM}, {BOTH} (stored keys), {ENV}
    QTest::addColumn<int>("status");          // 0: admitted
    QTest::addColumn<QString>("keyName");
    const QString env = QStringLiteral("sk-env");
    QTest::newRow("no keys at all: auth off") << QString() << "admin" << HttpHeaders() << -1 << "";
    QTest::newRow("no key sent") << env << "inference" << HttpHeaders() << 401 << "";
    QTest::newRow("wrong key") << env << "inference" << HttpHeaders{{"x-api-key", "lg-nope"}} << 401 << "";
    QTest::newRow("Bearer") << env << "inference" << HttpHeaders{{"authorization", "Bearer {INF}"}} << 0 << "inf";
    QTest::newRow("bearer, any case") << env << "inference" << HttpHeaders{{"authorization", "bEaReR   {INF} "}} << 0
                                      << "inf";
    QTest::newRow("Basic is not Bearer") << env << "inference" << HttpHeaders{{"authorization", "Basic {INF}"}} << 401
                                         << "";
    QTest::newRow("X-API-Key") << env << "inference" << HttpHeaders{{"x-api-key", "{INF}"}} << 0 << "inf";
    QTest::newRow("X-API-Key beats Bearer")
        << env << "inference" << HttpHeaders{{"authorization", "Bearer nope"}, {"x-api-key", "{INF}"}} << 0 << "inf";
    QTest::newRow("a wrong X-API-Key is not saved by Bearer")
        << env << "inference" << HttpHeaders{{"x-api-key", "nope"}, {"authorization", "Bearer {INF}"}} << 401 << "";
    QTest::newRow("inference key, admin route")
        << env << "admin" << HttpHeaders{{"x-api-key", "{INF}"}} << 403 << "inf";
    QTest::newRow("admin key, inference route")
        << env << "inference" << HttpHeaders{{"x-api-key", "{ADM}"}} << 403 << "adm";
    QTest::newRow("admin key, admin route") << env << "admin" << HttpHeaders{{"x-api-key", "{ADM}"}} << 0 << "adm";
    QTest::newRow("both scopes, admin route") << env << "admin" << HttpHeaders{{"x-api-key", "{BOTH}"}} << 0 << "both";
    QTest::newRow("API_KEY, admin route") << env << "admin" << HttpHeaders{{"x-api-key", "{ENV}"}} << 0 << "API_KEY";
    QTest::newRow("API_KEY, inference route")
        << env << "inference" << HttpHeaders{{"authorization", "Bearer {ENV}"}} << 0 << "API_KEY";
    QTest::newRow("open route, no key") << env << "open" << HttpHeaders() << 0 << "";
}

void TestApiKeys::access()
{
    QFETCH(QString, apiKey);
    QFETCH(QString, route);
    QFETCH(HttpHeaders, headers);
    QFETCH(int, status);
    QFETCH(QString, keyName);

    const QString file =
        m_dir.filePath(QStringLiteral("access-%1.ini").arg(QTest::currentDataTag()).replace(u' ', u'_'));
    AccessControl control;
    control.configure(config(apiKey));
    QHash<QByteArray, QByteArray> secrets{{"{ENV}", apiKey.toLatin1()}};
    if (status >= 0) {
        KeyStore store(file);
        QString error;
        secrets.insert("{INF}", store.create(QStringLiteral("inf"), Scope::Inference, 0, &error)->secret.toLatin1());
        secrets.insert("{ADM}", store.create(QStringLiteral("adm"), Scope::Admin, 0, &error)->secret.toLatin1());
        secrets.insert(
            "{BOTH}",
            store.create(QStringLiteral("both"), Scope::Inference | Scope::Admin, 0, &error)->secret.toLatin1());
        control.useKeyStore(file);
    } else {
        status = 0;
    }
    for (auto& header : headers) {
        for (auto it = secrets.begin(); it != secrets.end(); ++it)
            header.second.replace(it.key(), it.value());
    }
    const RouteAccess access = route == u"admin"       ? RouteAccess::needs(Scope::Admin)
                               : route == u"inference" ? RouteAccess::needs(Scope::Inference)
                                                       : RouteAccess::open();
    const AccessControl::Decision decision = control.admit(request("POST", QStringLiteral("/x"), headers), access);
    QCOMPARE(decision.refusal ? decision.refusal->status : 0, status);
    QCOMPARE(decision.keyName, keyName);
    if (status == 401) {
        QCOMPARE(decision.refusal->type, QStringLiteral("authentication_error"));
        QCOMPARE(decision.refusal->code, QStringLiteral("invalid_api_key"));
    } else if (status == 403) {
        QCOMPARE(decision.refusal->type, QStringLiteral("permission_error"));
        QVERIFY(decision.refusal->message.contains(route));
    }
    if (decision.refusal) {
        for (const auto& secret : std::as_const(secrets))
            QVERIFY(secret.isEmpty() || !decision.refusal->message.contains(QString::fromLatin1(secret)));
    }
}

void TestApiKeys::noKeysBeyondLoopbackRefuses()
{
    AccessControl control;
    control.configure(config(QString(), QStringLiteral("0.0.0.0")));
    QVERIFY(control.authRequired());
    const AccessControl::Decision decision =
        control.admit(request("GET", QStringLiteral("/v1/models")), RouteAccess::needs(Scope::Inference));
    QCOMPARE(decision.refusal ? decision.refusal->status : 0, 401);
    QVERIFY(!control.admit(request("GET", QStringLiteral("/health")), RouteAccess::unmetered()).refusal);
}

void TestApiKeys::usageIsSavedThrottled()
{
    const QString file = m_dir.filePath(QStringLiteral("usage.ini"));
    KeyStore store(file);
    QString error;
    const std::optional<IssuedKey> issued = store.create(QStringLiteral("used"), Scope::Inference, 0, &error);
    QVERIFY(issued);
    const QByteArray before = fileBytes(file);
    KeyUsageRecorder recorder(store, 300);
    const QDateTime firstUse = QDateTime::currentDateTimeUtc();
    for (int use = 0; use < 100; ++use)
        recorder.record(issued->record.id);
    QCOMPARE(fileBytes(file), before); // nothing written per request
    QTRY_VERIFY_WITH_TIMEOUT(store.keys()->constFirst().lastUsed.isValid(), 5000);
    QVERIFY(qAbs(store.keys()->constFirst().lastUsed.secsTo(firstUse)) <= 2);
    const QByteArray afterFirstSave = fileBytes(file);
    recorder.record(issued->record.id);
    QTest::qWait(100);
    QCOMPARE(fileBytes(file), afterFirstSave); // the next save waits for the interval
}

void TestApiKeys::usageOfRevokedKeysIsDropped()
{
    const QString file = m_dir.filePath(QStringLiteral("revoked-usage.ini"));
    KeyStore store(file);
    QString error;
    const std::optional<IssuedKey> kept = store.create(QStringLiteral("kept"), Scope::Inference, 0, &error);
    const std::optional<IssuedKey> revoked = store.create(QStringLiteral("revoked"), Scope::Inference, 0, &error);
    QVERIFY(kept && revoked);
    QVERIFY(store.revoke(QStringLiteral("revoked"), &error));
    const QDateTime used = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    QVERIFY2(store.recordUsage({{kept->record.id, used}, {revoked->record.id, used}}, &error), qPrintable(error));
    QCOMPARE(store.keys()->size(), 1);
    QCOMPARE(store.keys()->constFirst().lastUsed, used);
    QVERIFY(!fileBytes(file).contains(revoked->record.id.toLatin1()));
}

void TestApiKeys::watcherSeesAnotherWriter()
{
    const QString file = m_dir.filePath(QStringLiteral("watched/settings.ini"));
    SettingsFileWatcher watcher(file);
    QSignalSpy changed(&watcher, &SettingsFileWatcher::changed);
    QString error;
    QVERIFY(KeyStore(file).create(QStringLiteral("one"), Scope::Inference, 0, &error)); // creates the file
    QVERIFY(changed.wait(3000));
    changed.clear();
    QVERIFY(KeyStore(file).revoke(QStringLiteral("one"), &error)); // replaces it
    QVERIFY(changed.wait(3000));
}

void TestApiKeys::storedKeysCountForTheLoopbackRule()
{
    ConfigInputs inputs;
    inputs.environment.insert(QStringLiteral("LISTEN_ADDRESS"), QStringLiteral("0.0.0.0"));
    QVERIFY(!ConfigLoader::load(inputs).config);
    inputs.storedApiKeys = 1;
    const ConfigResult result = ConfigLoader::load(inputs);
    QVERIFY2(result.config, qPrintable(result.error));
}

QTEST_GUILESS_MAIN(TestApiKeys)
#include "tst_api_keys.moc"
