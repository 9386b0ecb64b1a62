#include "app/platform/Autostart.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace llamagate;

/// Launch at login: the Linux backend against a redirected folder; the Windows and macOS backends as data.
class TestAutostart : public QObject
{
    Q_OBJECT
private slots:
    void xdgEntryIsWrittenAndRemoved();
    void xdgExecQuoting_data();
    void xdgExecQuoting();
    void platformBackendHonoursTheRedirect();
    void windowsRunValue();
    void windowsBackendWritesTheValue();
    void launchAgentPlist();
};

void TestAutostart::xdgEntryIsWrittenAndRemoved()
{
    QTemporaryDir dir;
    XdgAutostart autostart(dir.filePath(QStringLiteral("autostart")), QStringLiteral("/opt/llamagate/bin/llamagate"));
    QVERIFY(!autostart.isEnabled());
    QString error;
    QVERIFY2(autostart.setEnabled(true, &error), qPrintable(error));
    QVERIFY(autostart.isEnabled());
    QFile file(dir.filePath(QStringLiteral("autostart/llamagate.desktop")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("[Desktop Entry]\n"));
    QVERIFY(text.contains("\nType=Application\n"));
    QVERIFY(text.contains("\nExec=/opt/llamagate/bin/llamagate --autostart\n"));
    QVERIFY(text.contains("\nName=LlamaGate\n"));
    QVERIFY2(autostart.setEnabled(false, &error), qPrintable(error));
    QVERIFY(!autostart.isEnabled());
    QVERIFY(!file.exists());
    QVERIFY(autostart.setEnabled(false, &error)); // removing twice is fine
}

void TestAutostart::xdgExecQuoting_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QByteArray>("exec");
    QTest::newRow("plain") << "/usr/bin/llamagate" << QByteArray("Exec=/usr/bin/llamagate --autostart");
    QTest::newRow("space") << "/home/a b/llamagate" << QByteArray("Exec=\"/home/a b/llamagate\" --autostart");
    QTest::newRow("dollar and quote") << "/x/$y\"z" << QByteArray("Exec=\"/x/\\$y\\\"z\" --autostart");
}

void TestAutostart::xdgExecQuoting()
{
    QFETCH(QString, program);
    QFETCH(QByteArray, exec);
    QVERIFY2(XdgAutostart::desktopEntry(program).contains('\n' + exec + '\n'),
             XdgAutostart::desktopEntry(program).constData());
}

void TestAutostart::platformBackendHonoursTheRedirect()
{
    QTemporaryDir dir;
    qputenv("LLAMAGATE_AUTOSTART_DIR", dir.path().toUtf8());
    const std::unique_ptr<Autostart> autostart = Autostart::forThisPlatform(QStringLiteral("/usr/bin/llamagate"));
    QVERIFY(autostart->location().startsWith(dir.path()));
    QString error;
    QVERIFY2(autostart->setEnabled(true, &error), qPrintable(error));
    QVERIFY(autostart->isEnabled());
    QVERIFY(autostart->setEnabled(false, &error));
    QVERIFY(!autostart->isEnabled());
    qunsetenv("LLAMAGATE_AUTOSTART_DIR");
}

void TestAutostart::windowsRunValue()
{
#ifdef Q_OS_WIN
    const QString expected = QStringLiteral("\"C:\\Program Files\\LlamaGate\\llamagate.exe\" --autostart");
#else
    const QString expected = QStringLiteral("\"C:/Program Files/LlamaGate/llamagate.exe\" --autostart");
#endif
    QCOMPARE(WindowsRunAutostart::runValue(QStringLiteral("C:/Program Files/LlamaGate/llamagate.exe")), expected);
    QCOMPARE(WindowsRunAutostart::registryKey(),
             QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"));
}

void TestAutostart::windowsBackendWritesTheValue()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("run.ini"));
    WindowsRunAutostart autostart(ini, QStringLiteral("C:/LlamaGate/llamagate.exe"));
    QString error;
    QVERIFY(autostart.setEnabled(true, &error));
    QVERIFY(autostart.isEnabled());
    QCOMPARE(QSettings(ini, QSettings::IniFormat).value(QStringLiteral("LlamaGate")).toString(),
             WindowsRunAutostart::runValue(QStringLiteral("C:/LlamaGate/llamagate.exe")));
    QVERIFY(autostart.setEnabled(false, &error));
    QVERIFY(!QSettings(ini, QSettings::IniFormat).contains(QStringLiteral("LlamaGate")));
}

void TestAutostart::launchAgentPlist()
{
    const QByteArray plist =
        LaunchAgentAutostart::plist(QStringLiteral("/Applications/LlamaGate.app/Contents/MacOS/llamagate"));
    QVERIFY(plist.contains("<key>Label</key>\n    <string>io.llamagate.LlamaGate</string>"));
    QVERIFY(plist.contains(
        "<string>/Applications/LlamaGate.app/Contents/MacOS/llamagate</string>\n        <string>--autostart</string>"));
    QVERIFY(plist.contains("<key>RunAtLoad</key>\n    <true/>"));
    QVERIFY2(!plist.contains("KeepAlive"), "launchd must not restart an app the user quit");

    QTemporaryDir dir;
    LaunchAgentAutostart autostart(dir.path(), QStringLiteral("/a & b/llamagate"));
    QString error;
    QVERIFY(autostart.setEnabled(true, &error));
    QFile file(autostart.location());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("<string>/a &amp; b/llamagate</string>"));
    QVERIFY(autostart.location().endsWith(QStringLiteral("/io.llamagate.LlamaGate.plist")));
}

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
