#include "ui/StatusTracker.h"
#include "ui/Translations.h"
#include "ui/TrayIcon.h"
#include "ui/pages/SettingsPage.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QTest>
#include <QXmlStreamReader>

using namespace llamagate;

/// The embedded translations: English plural forms, a complete German, and the windows speaking German.
class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void germanTranslationIsComplete();
    void englishPluralForms();
    void windowsSpeakGerman();
};

void TestTranslations::germanTranslationIsComplete()
{
    QFile file(qEnvironmentVariable("LLAMAGATE_TESTS_DIR") + QStringLiteral("/../translations/llamagate_de.ts"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    int messages = 0;
    QStringList untranslated;
    QStringList mixedUp; ///< one translation given to two different texts of a context: a slip when filling in
    QHash<QString, QString> sourceOf; ///< context + translation → the text it translates
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            ++messages;
            const bool unfinished = !xml.attributes().value(QStringLiteral("type")).isEmpty();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty())
                untranslated.append(source);
            const QString seen = sourceOf.value(context + u'\n' + text, source);
            if (seen != source)
                mixedUp.append(QStringLiteral("%1: \"%2\" and \"%3\"").arg(context, seen, source));
            sourceOf.insert(context + u'\n' + text, source);
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(messages > 50);
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral(" | "))));
    QVERIFY2(mixedUp.isEmpty(), qPrintable(mixedUp.join(QStringLiteral(" | "))));
}

void TestTranslations::englishPluralForms()
{
    QVERIFY(installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)));
    StatusTracker status;
    TrayIcon tray(status);
    QVERIFY2(tray.toolTip().contains(QStringLiteral("0 requests served")), qPrintable(tray.toolTip()));
    status.countRequest(RequestLogEntry());
    QVERIFY2(tray.toolTip().contains(QStringLiteral("1 request served")), qPrintable(tray.toolTip()));
}

void TestTranslations::windowsSpeakGerman()
{
    QVERIFY(installTranslations(QLocale(QLocale::German, QLocale::Germany)));
    StatusTracker status;
    TrayIcon tray(status);
    QStringList texts;
    for (const QAction* action : tray.menu()->actions())
        texts.append(action->text());
    QVERIFY2(texts.contains(QStringLiteral("Steuerzentrale öffnen")), qPrintable(texts.join(u'|')));
    QVERIFY2(texts.contains(QStringLiteral("Gestoppt")), qPrintable(texts.join(u'|')));
    status.countRequest(RequestLogEntry());
    status.countRequest(RequestLogEntry());
    QVERIFY2(tray.toolTip().contains(QStringLiteral("2 Anfragen beantwortet")), qPrintable(tray.toolTip()));

    SettingsPage settings;
    QStringList labelTexts;
    for (const QLabel* label : settings.findChildren<QLabel*>())
        labelTexts.append(label->text());
    for (const QString& german : {QStringLiteral("Zugriff"),                      // a group heading
                                  QStringLiteral("Ollama-Server"),                // a setting's label
                                  QStringLiteral("Basis-URL des Ollama-Servers"), // its description
                                  QStringLiteral("OLLAMA_HOST")})                 // and its variable, as it is
        QVERIFY2(labelTexts.contains(german), qPrintable(german));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
