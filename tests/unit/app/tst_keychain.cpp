#include "app/platform/KeychainSecretStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace llamagate;

namespace {

constexpr int kTimeoutMs = 15000;

/// Waits for a Done callback; its (ok, error).
struct DoneWaiter : QObject
{
    Q_OBJECT
public:
    SecretStore::Done callback()
    {
        return [this](bool ok, const QString& error) { emit done(ok, error); };
    }
signals:
    void done(bool ok, const QString& error);
};

/// Waits for a Found callback.
struct FoundWaiter : QObject
{
    Q_OBJECT
public:
    SecretStore::Found callback()
    {
        return [this](const std::optional<QString>& secret) {
            m_secret = secret;
            emit found();
        };
    }
    std::optional<QString> m_secret;
signals:
    void found();
};

} // namespace

/// KeychainSecretStore: write, read, remove against gnome-keyring; and the answer when there is no keychain.
class TestKeychain : public QObject
{
    Q_OBJECT
private slots:
    void withSecretService_data();
    void withSecretService();
    void withoutKeychain();
};

void TestKeychain::withSecretService_data()
{
    QTest::addColumn<QString>("secret");
    QTest::newRow("key-sized") << QStringLiteral("llg_0123456789abcdef_") + QString(43, u'x');
    QTest::newRow("4 KB") << QString(4096, u's');
    QTest::newRow("non-ASCII") << QStringLiteral("schlüssel-🔑");
}

void TestKeychain::withSecretService()
{
    QFETCH(QString, secret);
    KeychainSecretStore store;
    DoneWaiter available;
    QSignalSpy availableSpy(&available, &DoneWaiter::done);
    store.checkAvailable(available.callback(), 0);
    QVERIFY(availableSpy.wait(kTimeoutMs));
    QVERIFY2(availableSpy.at(0).at(0).toBool(), qPrintable(availableSpy.at(0).at(1).toString()));

    const QString keyId = QUuid::createUuid().toString(QUuid::Id128).left(16);
    DoneWaiter written;
    QSignalSpy writtenSpy(&written, &DoneWaiter::done);
    store.write(keyId, secret, written.callback());
    QVERIFY(writtenSpy.wait(kTimeoutMs));
    QVERIFY2(writtenSpy.at(0).at(0).toBool(), qPrintable(writtenSpy.at(0).at(1).toString()));

    FoundWaiter read;
    QSignalSpy readSpy(&read, &FoundWaiter::found);
    store.read(keyId, read.callback());
    QVERIFY(readSpy.wait(kTimeoutMs));
    QCOMPARE(read.m_secret, std::optional<QString>(secret));

    DoneWaiter removed;
    QSignalSpy removedSpy(&removed, &DoneWaiter::done);
    store.remove(keyId, removed.callback());
    QVERIFY(removedSpy.wait(kTimeoutMs));
    QVERIFY(removedSpy.at(0).at(0).toBool());

    FoundWaiter gone;
    QSignalSpy goneSpy(&gone, &FoundWaiter::found);
    store.read(keyId, gone.callback());
    QVERIFY(goneSpy.wait(kTimeoutMs));
    QCOMPARE(gone.m_secret, std::nullopt);
}

void TestKeychain::withoutKeychain()
{
    KeychainSecretStore store;
    DoneWaiter available;
    QSignalSpy availableSpy(&available, &DoneWaiter::done);
    store.checkAvailable(available.callback(), 1, 10); // one quick retry, then the answer
    QVERIFY(availableSpy.wait(kTimeoutMs));
    QCOMPARE(availableSpy.at(0).at(0).toBool(), false);
    QVERIFY(!availableSpy.at(0).at(1).toString().isEmpty());

    DoneWaiter written;
    QSignalSpy writtenSpy(&written, &DoneWaiter::done);
    store.write(QStringLiteral("0123456789abcdef"), QStringLiteral("secret"), written.callback());
    QVERIFY(writtenSpy.wait(kTimeoutMs));
    QCOMPARE(writtenSpy.at(0).at(0).toBool(), false); // no plain-text fallback
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
