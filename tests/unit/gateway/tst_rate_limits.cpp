#include "gateway/access/AccessControl.h"
#include "gateway/access/RateLimiter.h"
#include "gateway/access/TokenBucket.h"
#include "gateway/config/GatewayConfig.h"
#include "gateway/http/HttpRequest.h"

#include <QTest>

using namespace llamagate;

namespace {

constexpr qint64 kMs = 1000000;

const QHostAddress kAddressA(QStringLiteral("192.0.2.1"));
const QHostAddress kAddressB(QStringLiteral("2001:db8::2"));

/// A clock the test moves by hand.
struct ManualClock
{
    qint64 nowNs = 1000 * kMs;

    RateLimiter::Clock clock()
    {
        return [this] { return nowNs; };
    }
    void advanceMs(qint64 ms) { nowNs += ms * kMs; }
};

} // namespace

/// Token buckets and the rate limiter on a hand-moved clock: bursts, refill, the global, per-key and per-address
/// limits, and Retry-After values that are exact (waiting that long is enough, a millisecond less is not).
class TestRateLimits : public QObject
{
    Q_OBJECT
private slots:
    void bucket();
    void global_data();
    void global();
    void refusedRequestsTakeNoTokens();
    void perKey();
    void keyLimitChangeKeepsSavedTokens();
    void forgottenKeysStartFull();
    void perAddress();
    void anonymousCallersDoNotUseTheGlobalShare();
    void wrongKeysRunIntoTheAddressLimit();
    void limitsOff();
    void answers429WithTrueRetryAfter_data();
    void answers429WithTrueRetryAfter();
    void healthIsNotCounted();
};

void TestRateLimits::bucket()
{
    TokenBucket bucket(4, 2, 0); // 4 per second, 2 at once
    QCOMPARE(bucket.waitNs(0), 0);
    bucket.take();
    QCOMPARE(bucket.waitNs(0), 0);
    bucket.take();
    QCOMPARE(bucket.waitNs(0), 250 * kMs);
    QCOMPARE(bucket.waitNs(100 * kMs), 150 * kMs);
    QCOMPARE(bucket.waitNs(250 * kMs), 0);
    QVERIFY(!bucket.isFull(250 * kMs));
    QVERIFY(bucket.isFull(500 * kMs));
    QCOMPARE(bucket.waitNs(10000 * kMs), 0); // saved up: at most the capacity
    bucket.take();
    bucket.take();
    QCOMPARE(bucket.waitNs(10000 * kMs), 250 * kMs);
}

void TestRateLimits::global_data()
{
    QTest::addColumn<double>("perSecond");
    QTest::addColumn<int>("burst");
    QTest::addColumn<QString>("steps"); // "<advance ms>:<expected retry ms, 0 = admitted>" …
    QTest::newRow("burst, then one every 500 ms") << 2.0 << 3 << "0:0 0:0 0:0 0:500 499:1 1:0 0:500 500:0";
    QTest::newRow("saved tokens stop at the burst") << 10.0 << 2 << "0:0 0:0 0:100 10000:0 0:0 0:100";
    QTest::newRow("slower than one a second") << 0.4 << 1 << "0:0 0:2500 1000:1500 1499:1 1:0";
    QTest::newRow("fast: the wait rounds up to 1 ms") << 100000.0 << 1 << "0:0 0:1 1:0";
    QTest::newRow("burst of one") << 1.0 << 1 << "0:0 0:1000 250:750 750:0 0:1000";
    QTest::newRow("a partial refill is kept") << 4.0 << 4 << "0:0 0:0 0:0 0:0 0:250 100:150 400:0 0:0 0:250";
}

void TestRateLimits::global()
{
    QFETCH(double, perSecond);
    QFETCH(int, burst);
    QFETCH(QString, steps);
    ManualClock clock;
    RateLimiter limiter(clock.clock());
    limiter.setLimits({perSecond, burst, 0});
    int index = 0;
    for (const QString& step : steps.split(u' ')) {
        const QStringList parts = step.split(u':');
        clock.advanceMs(parts.at(0).toLongLong());
        const RateLimiter::Verdict verdict = limiter.admit(QString(), 0);
        QVERIFY2(verdict.retryAfterMs == parts.at(1).toLongLong(),
                 qPrintable(
                     QStringLiteral("step %1 (%2): retry after %3 ms").arg(index).arg(step).arg(verdict.retryAfterMs)));
        QCOMPARE(verdict.limit, verdict.admitted() ? QString() : QStringLiteral("global"));
        ++index;
    }
}

void TestRateLimits::refusedRequestsTakeNoTokens()
{
    ManualClock clock;
    RateLimiter limiter(clock.clock());
    limiter.setLimits({10, 1, 0}); // global: 10 a second, 1 at once; the key: 6 a minute, 1 at once
    QVERIFY(limiter.admit(QStringLiteral("slow"), 6).admitted());
    clock.advanceMs(100);
    const RateLimiter::Verdict refused = limiter.admit(QStringLiteral("slow"), 6);
    QCOMPARE(refused.limit, QStringLiteral("key"));
    QCOMPARE(refused.retryAfterMs, 9900);
    // The global token the refused request did not take is still there for someone else.
    QVERIFY(limiter.admit(QStringLiteral("other"), 0).admitted());
    QCOMPARE(limiter.admit(QStringLiteral("other"), 0).limit, QStringLiteral("global"));
}

void TestRateLimits::perKey()
{
    ManualClock clock;
    RateLimiter limiter(clock.clock());
    limiter.setLimits({0, 20, 0});
    for (int request = 0; request < 20; ++request) // a burst of min(burst, rpm)
        QVERIFY(limiter.admit(QStringLiteral("a"), 60).admitted());
    const RateLimiter::Verdict refused = limiter.admit(QStringLiteral("a"), 60);
    QCOMPARE(refused.limit, QStringLiteral("key"));
    QCOMPARE(refused.retryAfterMs, 1000);
    QVERIFY(limiter.admit(QStringLiteral("b"), 60).admitted()); // other keys have their own bucket
    QVERIFY(limiter.admit(QStringLiteral("unlimited"), 0).admitted());
    clock.advanceMs(999);
    QCOMPARE(limiter.admit(QStringLiteral("a"), 60).retryAfterMs, 1);
    clock.advanceMs(1);
    QVERIFY(limiter.admit(QStringLiteral("a"), 60).admitted());

    for (int request = 0; request < 3; ++request) // a small limit is its own burst
        QVERIFY(limiter.admit(QStringLiteral("small"), 3).admitted());
    QCOMPARE(limiter.admit(QStringLiteral("small"), 3).retryAfterMs, 20000);
}

void TestRateLimits::keyLimitChangeKeepsSavedTokens()
{
    ManualClock clock;
    RateLimiter limiter(clock.clock());
    limiter.setLimits({0, 2, 0});
    QVERIFY(limiter.admit(QStringLiteral("a"), 60).admitted());
    QVERIFY(limiter.admit(QStringLiteral("a"), 60).admitted());
    QCOMPARE(limiter.admit(QStringLiteral("a"), 60).retryAfterMs, 1000);
    QCOMPARE(limiter.admit(QStringLiteral("a"), 120).retryAfterMs, 500); // edited: twice as fast, still empty
}

void TestRateLimits::forgottenKeysStartFull()
{
    ManualClock clock;
    RateLimiter limiter(clock.clock());
    limiter.setLimits({0, 1, 0});
    QVERIFY(limiter.admit(QStringLiteral("a"), 1).admitted());
    QVERIFY(!limiter.admit(QStringLiteral("a"), 1).admitted());
    limiter.retainKeys({QStringLiteral("a")});
    QVERIFY(!limiter.admit(QStringLiteral("a"), 1).admitted());
    limiter.retainKeys({}); // revoked; a key created again under that name starts afresh
    QVERIFY(limiter.admit(QStringLiteral("a"), 1).admitted());
}

void TestRateLimits::perAddress()
{
    ManualClock clock;
    RateLimiter limiter(clock.clock());
    limiter.setLimits({0, 20, 2});
    QVERIFY(limiter.admitAnonymous(kAddressA).admitted());
    QVERIFY(limiter.admitAnonymous(kAddressA).admitted());
    const RateLimiter::Verdict refused = limiter.admitAnonymous(kAddressA);
    QCOMPARE(refused.limit, QStringLiteral("ip"));
    QCOMPARE(refused.retryAfterMs, 30000);
    QVERIFY(limiter.admitAnonymous(kAddressB).admitted()); // another address
    clock.advanceMs(29999);
    QCOMPARE(limiter.admitAnonymous(kAddressA).retryAfterMs, 1);
    clock.advanceMs(1);
    QVERIFY(limiter.admitAnonymous(kAddressA).admitted());
    QVERIFY(!limiter.admitAnonymous(kAddressA).admitted());
}

void TestRateLimits::anonymousCallersDoNotUseTheGlobalShare()
{
    ManualClock clock;
    RateLimiter limiter(clock.clock());
    limiter.setLimits({1, 1, 60});
    QVERIFY(limiter.admitAnonymous(kAddressA).admitted());
    QVERIFY(limiter.admitAnonymous(kAddressB).admitted());
    QVERIFY(limiter.admit(QStringLiteral("k"), 0).admitted()); // the global token is still there
    QCOMPARE(limiter.admit(QStringLiteral("k"), 0).limit, QStringLiteral("global"));
}

void TestRateLimits::wrongKeysRunIntoTheAddressLimit()
{
    ManualClock clock;
    AccessControl control(clock.clock());
    GatewayConfig config;
    config.set(Setting::ApiKey, QStringLiteral("sk-right"), SettingSource::Environment);
    config.set(Setting::RateLimitIpRpm, 2, SettingSource::Environment);
    control.configure(config);
    HttpRequest request;
    request.method = "GET";
    request.path = QStringLiteral("/v1/models");
    request.peer = kAddressA;
    request.headers = {{"x-api-key", "sk-wrong"}};
    const RouteAccess access = RouteAccess::needs(Scope::Inference);
    QCOMPARE(control.admit(request, access).refusal->status, 401);
    QCOMPARE(control.admit(request, access).refusal->status, 401);
    const AccessControl::Decision limited = control.admit(request, access);
    QCOMPARE(limited.refusal->status, 429);
    QCOMPARE(limited.refusal->retryAfterMs, 30000);
    QCOMPARE(limited.rateLimit, QStringLiteral("ip"));
    QCOMPARE(control.admit(request, RouteAccess::open()).refusal->status, 429); // GET / counts too
    request.headers = {{"x-api-key", "sk-right"}};
    QVERIFY(!control.admit(request, access).refusal); // the same address with the key
}

void TestRateLimits::limitsOff()
{
    ManualClock clock;
    RateLimiter limiter(clock.clock());
    limiter.setLimits({0, 1, 0});
    for (int request = 0; request < 1000; ++request) {
        QVERIFY(limiter.admit(QString(), 0).admitted());
        QVERIFY(limiter.admitAnonymous(kAddressA).admitted());
    }
}

void TestRateLimits::answers429WithTrueRetryAfter_data()
{
    QTest::addColumn<double>("perSecond");
    QTest::addColumn<qint64>("retryMs");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::newRow("1 per second") << 1.0 << qint64(1000) << QByteArray("1");
    QTest::newRow("0.4 per second: seconds round up") << 0.4 << qint64(2500) << QByteArray("3");
    QTest::newRow("8 per second: at least 1 second") << 8.0 << qint64(125) << QByteArray("1");
}

void TestRateLimits::answers429WithTrueRetryAfter()
{
    QFETCH(double, perSecond);
    QFETCH(qint64, retryMs);
    QFETCH(QByteArray, retryAfter);
    ManualClock clock;
    AccessControl control(clock.clock());
    GatewayConfig config;
    config.set(Setting::RateLimitRps, perSecond, SettingSource::Environment);
    config.set(Setting::RateLimitBurst, 1, SettingSource::Environment);
    control.configure(config);
    HttpRequest request;
    request.method = "GET";
    request.path = QStringLiteral("/v1/models");
    request.peer = kAddressA;
    const RouteAccess access = RouteAccess::needs(Scope::Inference);

    QVERIFY(!control.admit(request, access).refusal);
    const AccessControl::Decision refused = control.admit(request, access);
    QVERIFY(refused.refusal);
    QCOMPARE(refused.refusal->status, 429);
    QCOMPARE(refused.refusal->type, QStringLiteral("rate_limit_error"));
    QCOMPARE(refused.rateLimit, QStringLiteral("global"));
    const HttpHeaders headers = refused.refusal->headers();
    QVERIFY(headers.contains({QByteArray("Retry-After"), retryAfter}));
    QVERIFY(headers.contains({QByteArray("retry-after-ms"), QByteArray::number(retryMs)}));
    clock.advanceMs(retryMs - 1);
    QVERIFY(control.admit(request, access).refusal);
    clock.advanceMs(1);
    QVERIFY(!control.admit(request, access).refusal);
}

void TestRateLimits::healthIsNotCounted()
{
    ManualClock clock;
    AccessControl control(clock.clock());
    GatewayConfig config;
    config.set(Setting::RateLimitRps, 1.0, SettingSource::Environment);
    config.set(Setting::RateLimitBurst, 1, SettingSource::Environment);
    control.configure(config);
    HttpRequest request;
    request.method = "GET";
    request.peer = kAddressA;
    for (int probe = 0; probe < 50; ++probe)
        QVERIFY(!control.admit(request, RouteAccess::unmetered()).refusal);
    QVERIFY(!control.admit(request, RouteAccess::open()).refusal);
    QCOMPARE(control.admit(request, RouteAccess::open()).refusal->status, 429);
}

QTEST_GUILESS_MAIN(TestRateLimits)
#include "tst_rate_limits.moc"
