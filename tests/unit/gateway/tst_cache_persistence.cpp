#include "gateway/cache/CacheFile.h"
#include "gateway/cache/CachePersistence.h"
#include "gateway/cache/CacheService.h"
#include "gateway/cache/ResponseCache.h"
#include "gateway/log/JsonLogger.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace llamagate;

/// The response cache file: round trip, atomic debounced writes, expired entries left out on load, and a corrupt or
/// foreign file set aside with a warning.
class TestCachePersistence : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void encodeDecodeRoundTrip();
    void readsFilesOfEarlierVersions();
    void saveAndLoadRoundTrip();
    void missingFileLoadsNothing();
    void unreadableFileIsSetAside_data();
    void unreadableFileIsSetAside();
    void persistenceLoadsFreshEntriesOnly();
    void changesAreWrittenAfterADelayAndAtFlush();
    void destructionFlushes();
    void serviceMovesWithItsCache();

private:
    QString cachePath() const { return m_dir->filePath(QStringLiteral("sub/response-cache.ndjson")); }
    QByteArray logText() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    qint64 m_now = 0;
};

namespace {

QByteArray key(char c)
{
    return QByteArray(64, c);
}

QJsonObject answerObject(const QString& text)
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("chatcmpl-1")},
                       {QStringLiteral("object"), QStringLiteral("chat.completion")},
                       {QStringLiteral("created"), 1'700'000'000},
                       {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}}};
}

AnswerJson answer(const QString& text)
{
    return AnswerJson::of(answerObject(text));
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

void TestCachePersistence::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_now = 1'700'000'000'000;
    JsonLogger::Options options;
    options.filePath = m_dir->filePath(QStringLiteral("log.ndjson"));
    JsonLogger::instance().configure(options);
}

void TestCachePersistence::cleanup()
{
    JsonLogger::instance().configure({});
}

QByteArray TestCachePersistence::logText() const
{
    QFile file(m_dir->filePath(QStringLiteral("log.ndjson")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestCachePersistence::encodeDecodeRoundTrip()
{
    const QList<ResponseCache::Entry> entries{{key('a'), answer(QStringLiteral("A \u00e9\n\"x\"")), 1000, 0},
                                              {key('b'), answer(QStringLiteral("B")), 2000, 0}};
    const QByteArray bytes = CacheFile::encode(entries);
    QCOMPARE(bytes.count('\n'), 3);
    QVERIFY(bytes.startsWith(R"({"format":"llamagate-response-cache","version":1})"));
    QString reason;
    const std::optional<QList<ResponseCache::Entry>> decoded = CacheFile::decode(bytes, &reason);
    QVERIFY2(decoded, qPrintable(reason));
    QCOMPARE(decoded->size(), 2);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QCOMPARE(decoded->at(i).key, entries.at(i).key);
        QCOMPARE(decoded->at(i).answer, entries.at(i).answer);
        QCOMPARE(decoded->at(i).storedAtMs, entries.at(i).storedAtMs);
    }
    const std::optional<QList<ResponseCache::Entry>> empty = CacheFile::decode(CacheFile::encode({}), &reason);
    QVERIFY(empty && empty->isEmpty());
}

void TestCachePersistence::readsFilesOfEarlierVersions()
{
    // How the versions that kept answers as QJsonObject wrote a file: each line one QJsonDocument.
    const auto line = [](const QJsonObject& object) {
        return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    };
    QByteArray written = line(QJsonObject{{QStringLiteral("format"), QStringLiteral("llamagate-response-cache")},
                                          {QStringLiteral("version"), 1}});
    for (const auto& [c, text] :
         {std::pair{'a', QStringLiteral("A \u00e9\n\"x\" \U0001F600")}, std::pair{'b', QStringLiteral("B")}})
        written += line(QJsonObject{{QStringLiteral("key"), QString::fromLatin1(key(c))},
                                    {QStringLiteral("stored_at"), 1000},
                                    {QStringLiteral("answer"), answerObject(text)}});
    QString reason;
    const std::optional<QList<ResponseCache::Entry>> decoded = CacheFile::decode(written, &reason);
    QVERIFY2(decoded, qPrintable(reason));
    QCOMPARE(decoded->size(), 2);
    QCOMPARE(decoded->first().answer.object(), answerObject(QStringLiteral("A \u00e9\n\"x\" \U0001F600")));
    QCOMPARE(decoded->first().answer.bytes(),
             QJsonDocument(decoded->first().answer.object()).toJson(QJsonDocument::Compact));
    QCOMPARE(CacheFile::encode(*decoded), written); // written again byte for byte as before
    // and a hit on an entry read back renews its id and time
    const QJsonObject renewed =
        QJsonDocument::fromJson(decoded->last().answer.renewed(u"chatcmpl-new", 1'800'000'000)).object();
    QJsonObject expected = answerObject(QStringLiteral("B"));
    expected.insert(QStringLiteral("id"), QStringLiteral("chatcmpl-new"));
    expected.insert(QStringLiteral("created"), 1'800'000'000);
    QCOMPARE(renewed, expected);
}

void TestCachePersistence::saveAndLoadRoundTrip()
{
    const CacheFile file(cachePath());
    QString error;
    QVERIFY2(file.save({{key('a'), answer(QStringLiteral("A")), 1000, 0}}, &error), qPrintable(error));
    QVERIFY2(file.save({{key('b'), answer(QStringLiteral("B")), 2000, 0}}, &error), qPrintable(error));
    const QList<ResponseCache::Entry> loaded = file.load();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().key, key('b'));
    QCOMPARE(loaded.first().answer, answer(QStringLiteral("B")));
    // QSaveFile leaves no temporary file behind
    QCOMPARE(QDir(QFileInfo(cachePath()).absolutePath()).entryList(QDir::Files),
             QStringList{QStringLiteral("response-cache.ndjson")});
}

void TestCachePersistence::missingFileLoadsNothing()
{
    QVERIFY(CacheFile(cachePath()).load().isEmpty());
    QVERIFY(!logText().contains("set aside"));
}

void TestCachePersistence::unreadableFileIsSetAside_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    const QByteArray header = R"({"format":"llamagate-response-cache","version":1})"
                              "\n";
    const QByteArray entry = R"({"key":")" + key('a') + R"(","stored_at":1000,"answer":{"object":"chat.completion"}})";
    QTest::newRow("binary garbage") << QByteArray("\x00\x01\xff garbage", 11) << QStringLiteral("not a LlamaGate");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("not a LlamaGate");
    QTest::newRow("someone else's JSON") << QByteArray(R"({"hello":"world"})"
                                                       "\n")
                                         << QStringLiteral("not a LlamaGate");
    QTest::newRow("a newer version") << QByteArray(R"({"format":"llamagate-response-cache","version":2})"
                                                   "\n")
                                     << QStringLiteral("unsupported version 2");
    QTest::newRow("version missing") << QByteArray(R"({"format":"llamagate-response-cache"})"
                                                   "\n")
                                     << QStringLiteral("unsupported version");
    QTest::newRow("cut in the middle of an entry") << header + entry.left(40) << QStringLiteral("truncated");
    QTest::newRow("entry is not JSON") << header + "{oops\n" << QStringLiteral("line 2");
    QTest::newRow("key is not a sha-256") << header + QByteArray(entry).replace(key('a'), "abc") + '\n'
                                          << QStringLiteral("line 2");
    QTest::newRow("answer is not an object")
        << header + entry + '\n' + R"({"key":")" + key('b') + R"(","stored_at":1,"answer":"text"})" + '\n'
        << QStringLiteral("line 3");
}

void TestCachePersistence::unreadableFileIsSetAside()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    writeFile(cachePath(), content);
    QVERIFY(CacheFile(cachePath()).load().isEmpty());
    QVERIFY(!QFile::exists(cachePath()));
    const QStringList setAside =
        QDir(QFileInfo(cachePath()).absolutePath()).entryList({QStringLiteral("response-cache.ndjson.bad-*")});
    QCOMPARE(setAside.size(), 1);
    QFile moved(QFileInfo(cachePath()).absolutePath() + u'/' + setAside.first());
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), content);

    const QByteArray log = logText();
    QVERIFY2(log.contains(R"("level":"warn","msg":"response cache file set aside")"), log);
    QVERIFY2(log.contains(reason.toUtf8()), log);

    // the next save starts a fresh file
    QString error;
    QVERIFY(CacheFile(cachePath()).save({{key('c'), answer(QStringLiteral("C")), 1, 0}}, &error));
    QCOMPARE(CacheFile(cachePath()).load().size(), 1);
}

void TestCachePersistence::persistenceLoadsFreshEntriesOnly()
{
    QString error;
    QVERIFY(CacheFile(cachePath())
                .save({{key('a'), answer(QStringLiteral("old")), m_now - 3'600'000, 0},
                       {key('b'), answer(QStringLiteral("fresh")), m_now - 3'599'000, 0}},
                      &error));
    ResponseCache cache;
    cache.setClock([this] { return m_now; });
    cache.setLimits({1000, 1 << 20, 3'600'000});
    CachePersistence persistence(&cache);
    persistence.open(cachePath());
    QCOMPARE(persistence.path(), cachePath());
    QCOMPARE(cache.stats().entries, 1);
    QVERIFY(!cache.find(key('a')));
    QCOMPARE(cache.find(key('b')), answer(QStringLiteral("fresh")));
}

void TestCachePersistence::changesAreWrittenAfterADelayAndAtFlush()
{
    ResponseCache cache;
    CachePersistence persistence(&cache);
    persistence.open(cachePath());
    cache.insert(key('a'), answer(QStringLiteral("A")));
    QVERIFY(!QFile::exists(cachePath())); // not at once
    QTRY_COMPARE_WITH_TIMEOUT(
        CacheFile(cachePath()).load().size(), 1, int(CachePersistence::kWriteDelay.count()) + 3000);

    cache.insert(key('b'), answer(QStringLiteral("B")));
    persistence.flush();
    QCOMPARE(CacheFile(cachePath()).load().size(), 2);

    cache.clear();
    persistence.close();
    QCOMPARE(CacheFile(cachePath()).load().size(), 0);
    cache.insert(key('c'), answer(QStringLiteral("C"))); // closed: no longer written
    persistence.flush();
    QCOMPARE(CacheFile(cachePath()).load().size(), 0);
    QCOMPARE(persistence.path(), QString());
}

void TestCachePersistence::destructionFlushes()
{
    ResponseCache cache;
    {
        CachePersistence persistence(&cache);
        persistence.open(cachePath());
        cache.insert(key('a'), answer(QStringLiteral("A")));
    }
    QCOMPARE(CacheFile(cachePath()).load().size(), 1);
}

void TestCachePersistence::serviceMovesWithItsCache()
{
    // The gateway creates the service on the main thread and moves it to its own: the cache, the persistence and its
    // write timer must go along, or every change would cross threads (and the snapshot would race the cache).
    QThread thread;
    CacheService service;
    service.moveToThread(&thread);
    QCOMPARE(service.cache()->thread(), &thread);
    const QList<QObject*> children = service.findChildren<QObject*>();
    QVERIFY(!children.isEmpty());
    for (const QObject* child : children)
        QCOMPARE(child->thread(), &thread);
}

QTEST_GUILESS_MAIN(TestCachePersistence)
#include "tst_cache_persistence.moc"
