#include "mcp/ToolRegistry.h"

#include <QTest>

using namespace mcp;

class TestToolRegistry : public QObject
{
    Q_OBJECT

private slots:
    void mapsNames_data();
    void mapsNames();
    void namesAreStableWhateverElseIsRegistered();
    void unknownNamesResolveToNothing();
};

void TestToolRegistry::mapsNames_data()
{
    QTest::addColumn<QList<ToolRef>>("tools");
    QTest::addColumn<QStringList>("expectedNames"); // per tool, in order; "#" means "hashed: check shape only"

    QTest::newRow("plain") << QList<ToolRef>{{"everything", "echo"}, {"everything", "get-sum"}}
                           << QStringList{"everything__echo", "everything__get-sum"};
    QTest::newRow("dots and spaces are sanitised")
        << QList<ToolRef>{{"my server", "files.read"}} << QStringList{"my_server__files_read"};
    QTest::newRow("non-ASCII is sanitised")
        << QList<ToolRef>{{"wetter", "température"}} << QStringList{"wetter__temp_rature"};
    QTest::newRow("exactly 64 characters is kept")
        << QList<ToolRef>{{"s", QString(61, QLatin1Char('t'))}} << QStringList{"s__" + QString(61, QLatin1Char('t'))};
    QTest::newRow("too long is shortened with a hash")
        << QList<ToolRef>{{"server", QString(80, QLatin1Char('x'))}} << QStringList{"#"};
    QTest::newRow("sanitised clash: the exact name keeps it")
        << QList<ToolRef>{{"fs", "read_file"}, {"fs", "read.file"}} << QStringList{"fs__read_file", "#"};
    QTest::newRow("sanitised clash without an exact name: both hashed")
        << QList<ToolRef>{{"fs", "read.file"}, {"fs", "read file"}} << QStringList{"#", "#"};
    QTest::newRow("separator clash: both hashed")
        << QList<ToolRef>{{"a__b", "c"}, {"a", "b__c"}} << QStringList{"#", "#"};
    QTest::newRow("same tool on two servers")
        << QList<ToolRef>{{"one", "echo"}, {"two", "echo"}} << QStringList{"one__echo", "two__echo"};
}

void TestToolRegistry::mapsNames()
{
    QFETCH(QList<ToolRef>, tools);
    QFETCH(QStringList, expectedNames);

    ToolRegistry registry;
    registry.rebuild(tools);
    QCOMPARE(registry.size(), tools.size());
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const ToolRef& ref = tools.at(i);
        const QString name = registry.exposedName(ref.server, ref.tool);
        QVERIFY2(ToolRegistry::isValidName(name), qPrintable(name));
        if (expectedNames.at(i) == QLatin1String("#"))
            QVERIFY2(QRegularExpression(QStringLiteral("_[0-9a-f]{8}$")).match(name).hasMatch(), qPrintable(name));
        else
            QCOMPARE(name, expectedNames.at(i));
        const std::optional<ToolRef> back = registry.resolve(name);
        QVERIFY(back.has_value());
        QCOMPARE(back->server, ref.server);
        QCOMPARE(back->tool, ref.tool);
    }
}

void TestToolRegistry::namesAreStableWhateverElseIsRegistered()
{
    const ToolRef longTool{QStringLiteral("server"), QString(100, QLatin1Char('y'))};
    const ToolRef dotted{QStringLiteral("fs"), QStringLiteral("read.file")};
    ToolRegistry alone;
    alone.rebuild({longTool, dotted});
    ToolRegistry crowded;
    crowded.rebuild({{QStringLiteral("other"), QStringLiteral("tool")},
                     dotted,
                     longTool,
                     {QStringLiteral("fs"), QStringLiteral("write.file")}});
    QCOMPARE(crowded.exposedName(longTool.server, longTool.tool), alone.exposedName(longTool.server, longTool.tool));
    QCOMPARE(crowded.exposedName(dotted.server, dotted.tool), alone.exposedName(dotted.server, dotted.tool));
    QCOMPARE(alone.exposedName(longTool.server, longTool.tool).size(), ToolRegistry::MaxNameLength);
}

void TestToolRegistry::unknownNamesResolveToNothing()
{
    ToolRegistry registry;
    registry.rebuild({{QStringLiteral("a"), QStringLiteral("b")}});
    QVERIFY(!registry.resolve(QStringLiteral("a__c")).has_value());
    QVERIFY(registry.exposedName(QStringLiteral("a"), QStringLiteral("c")).isEmpty());
    registry.rebuild({});
    QVERIFY(!registry.resolve(QStringLiteral("a__b")).has_value());
}

QTEST_GUILESS_MAIN(TestToolRegistry)
#include "tst_toolregistry.moc"
