#include "app/platform/SingleInstance.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace llamagate;

/// One window app per user: a second start hands over to the first and exits.
class TestSingleInstance : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void secondClaimHandsOver();
    void leftoverSocketIsTakenOver();

private:
    QTemporaryDir m_home;
};

void TestSingleInstance::initTestCase()
{
    // A private settings folder gives this test its own socket name.
    qputenv("XDG_CONFIG_HOME", m_home.path().toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("LlamaGate"));
    QCoreApplication::setApplicationName(QStringLiteral("LlamaGateSingleInstanceTest"));
}

void TestSingleInstance::secondClaimHandsOver()
{
    SingleInstance first;
    QVERIFY(first.claim());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);

    // The second claimant runs in another process, as a second start would: the first must keep serving its socket.
    QProcess second;
    second.setProgram(QCoreApplication::applicationFilePath());
    second.setArguments({QStringLiteral("--claim-once")});
    second.start();
    QVERIFY(second.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), QProcess::NotRunning, 10000);
    QCOMPARE(second.exitCode(), 3); // the helper mode exits 3 when claim() returned false
}

void TestSingleInstance::leftoverSocketIsTakenOver()
{
    {
        SingleInstance crashed;
        QVERIFY(crashed.claim());
    } // its server is gone; on Unix a stale socket file may stay
    SingleInstance next;
    QVERIFY(next.claim());
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().contains(QStringLiteral("--claim-once"))) {
        QCoreApplication::setOrganizationName(QStringLiteral("LlamaGate"));
        QCoreApplication::setApplicationName(QStringLiteral("LlamaGateSingleInstanceTest"));
        SingleInstance instance;
        return instance.claim() ? 0 : 3;
    }
    TestSingleInstance test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_single_instance.moc"
