#include "gateway/cache/ResponseCache.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace llamagate;

/// The LRU store: eviction by entries, bytes and age (with a test clock), recency, counts, and restore.
class TestResponseCache : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void findsWhatWasStored();
    void evictsLeastRecentlyUsedBeyondMaxEntries();
    void evictsBeyondMaxBytes();
    void neverStoresAnAnswerLargerThanTheLimit();
    void expiresAfterTtl();
    void replacingAKeyKeepsOneEntry();
    void newLimitsApplyAtOnce();
    void countsHitsAndMisses();
    void clearEmptiesButKeepsCounts();
    void changedIsEmittedForStoresAndRemovalsOnly();
    void snapshotAndRestoreKeepOrderAndSkipExpired();

private:
    std::unique_ptr<ResponseCache> m_cache;
    qint64 m_now = 0;
};

namespace {

QByteArray key(char c)
{
    return QByteArray(64, c);
}

AnswerJson answer(const QString& text)
{
    return AnswerJson::of(
        QJsonObject{{QStringLiteral("object"), QStringLiteral("chat.completion")}, {QStringLiteral("text"), text}});
}

ResponseCache::Limits limits(qint64 entries, qint64 bytes, qint64 ttlMs)
{
    return ResponseCache::Limits{entries, bytes, ttlMs};
}

qint64 sizeOf(const AnswerJson& answer)
{
    return 64 + QJsonDocument(answer.object()).toJson(QJsonDocument::Compact).size();
}

} // namespace

void TestResponseCache::init()
{
    m_now = 1'700'000'000'000;
    m_cache = std::make_unique<ResponseCache>();
    m_cache->setClock([this] { return m_now; });
    m_cache->setLimits(limits(1000, 64 * 1024 * 1024, 3'600'000));
}

void TestResponseCache::findsWhatWasStored()
{
    QVERIFY(!m_cache->find(key('a')));
    m_cache->insert(key('a'), answer(QStringLiteral("A")));
    QCOMPARE(m_cache->find(key('a')), answer(QStringLiteral("A")));
    QVERIFY(!m_cache->find(key('b')));
    QCOMPARE(m_cache->stats().entries, 1);
    QCOMPARE(m_cache->stats().bytes, sizeOf(answer(QStringLiteral("A"))));
}

void TestResponseCache::evictsLeastRecentlyUsedBeyondMaxEntries()
{
    m_cache->setLimits(limits(2, 1 << 20, 3'600'000));
    m_cache->insert(key('a'), answer(QStringLiteral("A")));
    m_cache->insert(key('b'), answer(QStringLiteral("B")));
    QVERIFY(m_cache->find(key('a'))); // a is now more recently used than b
    m_cache->insert(key('c'), answer(QStringLiteral("C")));
    QCOMPARE(m_cache->stats().entries, 2);
    QVERIFY(m_cache->find(key('a')));
    QVERIFY(!m_cache->find(key('b')));
    QVERIFY(m_cache->find(key('c')));
}

void TestResponseCache::evictsBeyondMaxBytes()
{
    const AnswerJson big = answer(QString(400, u'x'));
    m_cache->setLimits(limits(1000, 2 * sizeOf(big) + 10, 3'600'000));
    m_cache->insert(key('a'), big);
    m_cache->insert(key('b'), big);
    QCOMPARE(m_cache->stats().entries, 2);
    m_cache->insert(key('c'), big);
    QCOMPARE(m_cache->stats().entries, 2);
    QCOMPARE(m_cache->stats().bytes, 2 * sizeOf(big));
    QVERIFY(!m_cache->find(key('a')));
    QVERIFY(m_cache->find(key('b')));
    QVERIFY(m_cache->find(key('c')));
}

void TestResponseCache::neverStoresAnAnswerLargerThanTheLimit()
{
    m_cache->setLimits(limits(1000, 200, 3'600'000));
    m_cache->insert(key('a'), answer(QStringLiteral("small")));
    m_cache->insert(key('b'), answer(QString(300, u'x')));
    QVERIFY(!m_cache->find(key('b')));
    QVERIFY(m_cache->find(key('a'))); // the oversized answer did not push out what fits
    QCOMPARE(m_cache->stats().entries, 1);
}

void TestResponseCache::expiresAfterTtl()
{
    m_cache->setLimits(limits(1000, 1 << 20, 10'000));
    m_cache->insert(key('a'), answer(QStringLiteral("A")));
    m_now += 5'000;
    m_cache->insert(key('b'), answer(QStringLiteral("B")));
    m_now += 4'999;
    QVERIFY(m_cache->find(key('a'))); // 9.999 s old; a lookup does not extend its life
    m_now += 1;
    QVERIFY(!m_cache->find(key('a')));
    QCOMPARE(m_cache->stats().entries, 1);
    m_now += 5'000;
    QCOMPARE(m_cache->stats().entries, 0); // counting drops expired entries too
    QCOMPARE(m_cache->stats().bytes, 0);
}

void TestResponseCache::replacingAKeyKeepsOneEntry()
{
    m_cache->insert(key('a'), answer(QStringLiteral("old")));
    m_cache->insert(key('a'), answer(QStringLiteral("the new one")));
    QCOMPARE(m_cache->stats().entries, 1);
    QCOMPARE(m_cache->stats().bytes, sizeOf(answer(QStringLiteral("the new one"))));
    QCOMPARE(m_cache->find(key('a')), answer(QStringLiteral("the new one")));
}

void TestResponseCache::newLimitsApplyAtOnce()
{
    for (char c : {'a', 'b', 'c', 'd'})
        m_cache->insert(key(c), answer(QString(QLatin1Char(c))));
    m_cache->setLimits(limits(2, 1 << 20, 3'600'000));
    QCOMPARE(m_cache->stats().entries, 2);
    QVERIFY(m_cache->find(key('c')));
    QVERIFY(m_cache->find(key('d')));
}

void TestResponseCache::countsHitsAndMisses()
{
    QCOMPARE(m_cache->stats().hitRatio(), 0.0);
    m_cache->insert(key('a'), answer(QStringLiteral("A")));
    m_cache->countMiss();
    QVERIFY(m_cache->find(key('a')));
    QVERIFY(m_cache->find(key('a')));
    QVERIFY(!m_cache->find(key('b'))); // a lookup that finds nothing is not yet a miss
    m_cache->countMiss();
    const ResponseCache::Stats stats = m_cache->stats();
    QCOMPARE(stats.hits, 2);
    QCOMPARE(stats.misses, 2);
    QCOMPARE(stats.hitRatio(), 0.5);
}

void TestResponseCache::clearEmptiesButKeepsCounts()
{
    m_cache->insert(key('a'), answer(QStringLiteral("A")));
    QVERIFY(m_cache->find(key('a')));
    m_cache->clear();
    QVERIFY(!m_cache->find(key('a')));
    QCOMPARE(m_cache->stats().entries, 0);
    QCOMPARE(m_cache->stats().bytes, 0);
    QCOMPARE(m_cache->stats().hits, 1);
}

void TestResponseCache::changedIsEmittedForStoresAndRemovalsOnly()
{
    m_cache->setLimits(limits(1000, 1 << 20, 10'000));
    QSignalSpy changed(m_cache.get(), &ResponseCache::changed);
    m_cache->insert(key('a'), answer(QStringLiteral("A")));
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_cache->find(key('a')));
    QVERIFY(!m_cache->find(key('b')));
    QCOMPARE(changed.size(), 1);
    m_now += 10'000;
    QVERIFY(!m_cache->find(key('a'))); // expired and dropped
    QCOMPARE(changed.size(), 2);
    m_cache->clear(); // already empty
    QCOMPARE(changed.size(), 2);
    m_cache->insert(key('b'), answer(QStringLiteral("B")));
    m_cache->clear();
    QCOMPARE(changed.size(), 4);
}

void TestResponseCache::snapshotAndRestoreKeepOrderAndSkipExpired()
{
    m_cache->setLimits(limits(1000, 1 << 20, 10'000));
    m_cache->insert(key('a'), answer(QStringLiteral("A")));
    m_now += 6'000;
    m_cache->insert(key('b'), answer(QStringLiteral("B")));
    m_cache->insert(key('c'), answer(QStringLiteral("C")));
    QVERIFY(m_cache->find(key('b'))); // order, least recently used first: a, c, b
    const QList<ResponseCache::Entry> entries = m_cache->snapshot();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).key, key('a'));
    QCOMPARE(entries.at(1).key, key('c'));
    QCOMPARE(entries.at(2).key, key('b'));
    QCOMPARE(entries.at(2).storedAtMs, m_now);

    ResponseCache restored;
    restored.setClock([this] { return m_now; });
    restored.setLimits(limits(2, 1 << 20, 10'000));
    QSignalSpy changed(&restored, &ResponseCache::changed);
    m_now += 5'000; // a is now 11 s old: past its TTL
    restored.restore(entries);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(restored.stats().entries, 2);
    QCOMPARE(restored.find(key('b')), answer(QStringLiteral("B")));
    QVERIFY(restored.find(key('c')));
    QVERIFY(!restored.find(key('a')));
    QCOMPARE(restored.stats().bytes, sizeOf(answer(QStringLiteral("B"))) + sizeOf(answer(QStringLiteral("C"))));
    m_now += 5'000; // restored entries keep their age
    QCOMPARE(restored.stats().entries, 0);

    ResponseCache small;
    small.setClock([this] { return m_now - 5'000; });
    small.setLimits(limits(1, 1 << 20, 10'000));
    small.restore(entries); // limits apply; the most recently used entry stays
    QCOMPARE(small.stats().entries, 1);
    QVERIFY(small.find(key('b')));
}

QTEST_GUILESS_MAIN(TestResponseCache)
#include "tst_response_cache.moc"
