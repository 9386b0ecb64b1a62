#include "gateway/json/JsonTree.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace llamagate;

/// JsonTree against QJsonDocument, the model it replaces on the hot path: the same documents accepted, the same
/// values read, the same compact bytes written — over the fixtures, hand-picked edge cases and random documents.
class TestJsonTree : public QObject
{
    Q_OBJECT

private:
    /// Fails the test where JsonTree and QJsonDocument disagree about `json`.
    static void compareWithQt(const QByteArray& json)
    {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        const std::optional<JsonTree> tree = JsonTree::parse(json);
        const bool qtAccepts = error.error == QJsonParseError::NoError;
        if (qtAccepts != tree.has_value())
            QFAIL(qPrintable(
                QStringLiteral("accepted by %1 only: %2")
                    .arg(qtAccepts ? u"Qt" : u"JsonTree", QString::fromUtf8(json.toPercentEncoding(" {}[]:,\"")))));
        if (!qtAccepts)
            return;
        const QJsonValue expected = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
        compareValues(tree->root(), expected, json);
        QByteArray compact;
        tree->root().appendCompact(compact);
        if (compact != document.toJson(QJsonDocument::Compact))
            QFAIL(qPrintable(QStringLiteral("compact differs for %1:\n  tree %2\n  Qt   %3")
                                 .arg(QString::fromUtf8(json),
                                      QString::fromUtf8(compact),
                                      QString::fromUtf8(document.toJson(QJsonDocument::Compact)))));
    }

    /// Walks both values: types, scalars, member lookup and element order agree.
    static void compareValues(const JsonRef& value, const QJsonValue& expected, const QByteArray& json)
    {
        const auto fail = [&](const char* what) {
            QFAIL(qPrintable(QStringLiteral("%1 differs in %2").arg(QLatin1StringView(what), QString::fromUtf8(json))));
        };
        if (value.type() != expected.type())
            return fail("type");
        if (value.toJsonValue() != expected)
            return fail("toJsonValue");
        if (value.toString() != expected.toString() || value.toBool() != expected.toBool() ||
            value.toInt(-7) != expected.toInt(-7) || value.toInteger(-7) != expected.toInteger(-7) ||
            value.toDouble(-7) != expected.toDouble(-7))
            return fail("a scalar conversion");
        if (expected.isArray()) {
            const QJsonArray array = expected.toArray();
            if (value.size() != array.size())
                return fail("array size");
            qsizetype index = 0;
            for (const JsonRef item : value)
                compareValues(item, array.at(index++), json);
        } else if (expected.isObject()) {
            const QJsonObject object = expected.toObject();
            for (auto it = value.begin(); it != value.end(); ++it) {
                const QString key = it.key().toString();
                if (!object.contains(key))
                    return fail("a key");
                // value() finds only ASCII keys by design (the gateway's field names); check it on those.
                bool ascii = std::all_of(key.begin(), key.end(), [](QChar c) { return c.unicode() < 0x80; });
                if (ascii)
                    compareValues(value.value(QLatin1StringView(key.toLatin1())), object.value(key), json);
            }
            if (!value.value(QLatin1StringView("no such key")).isUndefined())
                return fail("a missing key");
        }
    }

    static QString randomKey(QRandomGenerator& random)
    {
        static const QStringList keys{QStringLiteral("a"),
                                      QStringLiteral("b"),
                                      QStringLiteral("model"),
                                      QStringLiteral("content"),
                                      QStringLiteral("role"),
                                      QStringLiteral("Z"),
                                      QStringLiteral("é"),
                                      QStringLiteral("a\"b"),
                                      QStringLiteral("tab\t"),
                                      QStringLiteral(""),
                                      QStringLiteral("ü€"),
                                      QStringLiteral("messages")};
        return keys.at(random.bounded(keys.size()));
    }

    static QByteArray randomString(QRandomGenerator& random)
    {
        static const QList<QByteArray> pieces{
            "abc",     " ",      "\\n",  "\\\"",        "\\\\", "\\/", "\\u00e9", "\\u0041", "\\ud83d\\ude00",
            "\\ud800", "é",      "😀",    "\t",          "\x01", "\\t", "\\x",     "\\b",     "\\f",
            "\\r",     "Hello!", "\x7f", "\xe2\x80\xa8"};
        QByteArray text = "\"";
        const int count = random.bounded(4);
        for (int i = 0; i < count; ++i)
            text += pieces.at(random.bounded(pieces.size()));
        return text + '"';
    }

    static QByteArray randomNumber(QRandomGenerator& random)
    {
        static const QList<QByteArray> numbers{"0",
                                               "-0",
                                               "1",
                                               "-1",
                                               "42",
                                               "1.0",
                                               "1.5",
                                               "-2.25",
                                               "1e3",
                                               "1E-2",
                                               "1e+2",
                                               "0.1",
                                               "3.",
                                               "1.000",
                                               "123456789012345678",
                                               "9223372036854775807",
                                               "9223372036854775808",
                                               "-9223372036854775808",
                                               "1e308",
                                               "1e400",
                                               "2.5e-320",
                                               "0.30000000000000004",
                                               "100000000000000000000"};
        return numbers.at(random.bounded(numbers.size()));
    }

    static QByteArray space(QRandomGenerator& random)
    {
        static const QList<QByteArray> spaces{"", "", "", " ", "\n", "\t ", "\r\n"};
        return spaces.at(random.bounded(spaces.size()));
    }

    static QByteArray randomValue(QRandomGenerator& random, int depth)
    {
        switch (random.bounded(depth > 3 ? 5 : 7)) {
        case 0:
            return "null";
        case 1:
            return random.bounded(2) ? "true" : "false";
        case 2:
            return randomNumber(random);
        case 3:
        case 4:
            return randomString(random);
        case 5:
            return randomContainer(random, depth + 1, true);
        default:
            return randomContainer(random, depth + 1, false);
        }
    }

    static QByteArray randomContainer(QRandomGenerator& random, int depth, bool object)
    {
        QByteArray json = object ? "{" : "[";
        const int count = random.bounded(5);
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                json += space(random) + ',';
            json += space(random);
            if (object)
                json +=
                    QJsonDocument(QJsonArray{randomKey(random)}).toJson(QJsonDocument::Compact).sliced(1).chopped(1) +
                    space(random) + ':' + space(random);
            json += randomValue(random, depth);
        }
        return json + space(random) + (object ? "}" : "]");
    }

    static QByteArray mutated(QRandomGenerator& random, QByteArray json)
    {
        static const QByteArray bytes("{}[],:\"\\ -+.eE0123456789aeflnrstu\x01\x80\xc3\xa9\xed\xf4\xff");
        const int edits = 1 + random.bounded(2);
        for (int i = 0; i < edits && !json.isEmpty(); ++i) {
            const int at = random.bounded(int(json.size()));
            switch (random.bounded(3)) {
            case 0:
                json.remove(at, 1);
                break;
            case 1:
                json.insert(at, bytes.at(random.bounded(bytes.size())));
                break;
            default:
                json[at] = bytes.at(random.bounded(bytes.size()));
            }
        }
        return json;
    }

private slots:
    void fixtures()
    {
        int files = 0;
        QDirIterator it(qEnvironmentVariable("LLAMAGATE_FIXTURES"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            if (it.fileName().endsWith(u".ndjson")) {
                for (const QByteArray& line : content.split('\n')) {
                    if (!line.trimmed().isEmpty())
                        compareWithQt(line);
                }
            } else if (it.fileName().endsWith(u".json")) {
                compareWithQt(content);
            } else {
                continue;
            }
            ++files;
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY2(files >= 10, "no fixtures under $LLAMAGATE_FIXTURES; run from CTest");
    }

    void edgeCases_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QList<QByteArray> cases{"{}",
                                      "[]",
                                      " {} ",
                                      "\xef\xbb\xbf{}",
                                      "\xef\xbb\xbf",
                                      "{",
                                      "}",
                                      "",
                                      " ",
                                      "[1]",
                                      "[1,]",
                                      "[,1]",
                                      "{,}",
                                      "{\"a\":1,}",
                                      "{\"a\" : 1 , \"b\" : [ ] }",
                                      "{\"a\":1}x",
                                      "{\"a\":1}{}",
                                      "\"a\"",
                                      "1",
                                      "null",
                                      "[null]",
                                      "[nul]",
                                      "[nulll]",
                                      "[true]",
                                      "[tru]",
                                      "[false]",
                                      "[-]",
                                      "[01]",
                                      "[-01]",
                                      "[1.]",
                                      "[.5]",
                                      "[1e]",
                                      "[1e+]",
                                      "[+1]",
                                      "[0x10]",
                                      "[1,2",
                                      "[\"\\u00e9\"]",
                                      "[\"\\u00\"]",
                                      "[\"\\uZZZZ\"]",
                                      "[\"\\q\"]",
                                      "[\"\\\"]",
                                      "[\"\x01\"]",
                                      "[\"\xc3\"]",
                                      "[\"\xc3\xa9\"]",
                                      "[\"\xc0\x80\"]",
                                      "[\"\xed\xa0\x80\"]",
                                      "[\"\xf4\x90\x80\x80\"]",
                                      "[\"\xef\xbf\xbf\"]",
                                      "[\"\xf0\x9f\x98\x80\"]",
                                      "[\"\\\xc3\"]",
                                      "{\"b\":1,\"a\":2}",
                                      "{\"role\":\"user\",\"content\":\"hi\"}",
                                      "{\"role\" :\"user\",\"content\": \"hi\"}",
                                      "{\"z\":{\"b\":1,\"a\":2},\"y\":[1, 2],\"x\":\"\\u0041\",\"w\":1.50,\"v\":{}}",
                                      "{\"b\":1,\"a\":2,\"b\":3,\"a\":4}",
                                      "{\"b\":1,\"\u00e9\":2,\"a\":3}",
                                      "{\"a\":1,\"a\":2}",
                                      "{\"a\":{\"a\":1,\"a\":[2,3]},\"a\":3}",
                                      "{\"\":0}",
                                      "{\"\\u0061\":1,\"a\":2}",
                                      "{1:2}",
                                      "{\"a\" 1}",
                                      "{\"a\":}",
                                      "[[[[[[[[[[]]]]]]]]]]",
                                      "{\"a\":\"\\u0000\"}",
                                      "[1 2]",
                                      "[\"a\" \"b\"]",
                                      "[1\n]",
                                      QByteArray(1100, '[') + QByteArray(1100, ']'),
                                      QByteArray(1024, '[') + QByteArray(1024, ']'),
                                      QByteArray(1025, '[') + QByteArray(1025, ']')};
        for (const QByteArray& json : cases)
            QTest::newRow(json.left(40).toPercentEncoding().constData()) << json;
        // Members out of order (copied whole where `"key":value` is compact as sent), more than sorted in place.
        QByteArray many = "{";
        for (char key = 'q'; key >= 'a'; --key)
            many += QByteArray("\"") + key + "\":" + QByteArray::number(key) + ',';
        QTest::newRow("17 members out of order") << many + "\"a\":0}";
    }

    void edgeCases()
    {
        QFETCH(QByteArray, json);
        compareWithQt(json);
    }

    void randomDocuments()
    {
        QRandomGenerator random(20261126);
        for (int i = 0; i < 20000; ++i) {
            const QByteArray json = randomContainer(random, 0, random.bounded(4) != 0);
            compareWithQt(json);
            if (QTest::currentTestFailed())
                return;
            compareWithQt(mutated(random, json));
            if (QTest::currentTestFailed())
                return;
        }
    }

    void readsWithoutDecoding()
    {
        const std::optional<JsonTree> tree =
            JsonTree::parse(R"({"model":"llama3.2","n":2,"role":"us\u0065r","messages":[{"content":"hi"}]})");
        QVERIFY(tree);
        const JsonRef root = tree->root();
        QVERIFY(root.value(QLatin1StringView("model")).equals(QLatin1StringView("llama3.2")));
        QVERIFY(!root.value(QLatin1StringView("model")).equals(QLatin1StringView("llama3")));
        QVERIFY(root.value(QLatin1StringView("role")).equals(QLatin1StringView("user")));
        QVERIFY(!root.value(QLatin1StringView("n")).equals(QLatin1StringView("2")));
        QCOMPARE(root.value(QLatin1StringView("messages")).source(), QByteArrayView(R"([{"content":"hi"}])"));
        QCOMPARE(root.size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestJsonTree)
#include "tst_json_tree.moc"
