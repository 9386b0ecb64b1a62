#include "gateway/routes/JsonBody.h"

#include <QTest>

using namespace llamagate;

/// The client's JSON body read in place (the inference routes) and as a QJsonObject (the other routes): the same
/// bodies accepted, the same 400s for the others.
class TestJsonBody : public QObject
{
    Q_OBJECT
private slots:
    void sameOutcomeBothWays_data();
    void sameOutcomeBothWays();
};

void TestJsonBody::sameOutcomeBothWays_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message"); // empty: accepted; else the 400 (Qt's words for JSON errors)
    const QString unparsable = QStringLiteral("We could not parse the JSON body of your request: %1 at offset %2");
    QTest::newRow("object") << QByteArray(R"({"model":"m","messages":[]})") << QString();
    QTest::newRow("object in whitespace") << QByteArray(" \n{ \"a\" : 1 }\r\n ") << QString();
    QTest::newRow("empty object") << QByteArray("{}") << QString();
    QTest::newRow("empty") << QByteArray() << QStringLiteral("The request body is empty; send a JSON object");
    QTest::newRow("whitespace") << QByteArray(" \n\t ")
                                << QStringLiteral("The request body is empty; send a JSON object");
    QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("The request body must be a JSON object");
    QTest::newRow("truncated") << QByteArray(R"({"model":"m",)")
                               << unparsable.arg(QStringLiteral("unterminated object")).arg(13);
    QTest::newRow("missing value") << QByteArray(R"({"model":})")
                                   << unparsable.arg(QStringLiteral("object is missing after a comma")).arg(10);
    QTest::newRow("garbage after") << QByteArray(R"({"a":1} x)")
                                   << unparsable.arg(QStringLiteral("garbage at the end of the document")).arg(8);
    QTest::newRow("a bare string") << QByteArray(R"("text")") << unparsable.arg(QStringLiteral("illegal value")).arg(1);
}

void TestJsonBody::sameOutcomeBothWays()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    HttpRequest request;
    request.body = body;
    const Result<QJsonObject> object = parseJsonBody(request);
    const Result<JsonTree> tree = parseJsonTree(request);
    QCOMPARE(tree.ok(), object.ok());
    if (object.ok()) {
        QVERIFY(message.isEmpty());
        QCOMPARE(tree.value().root().toJsonValue().toObject(), object.value());
        return;
    }
    QCOMPARE(tree.error().message, object.error().message);
    QCOMPARE(tree.error().status, 400);
    QCOMPARE(tree.error().type, object.error().type);
    QCOMPARE(tree.error().param, object.error().param);
    QCOMPARE(tree.error().message, message);
}

QTEST_GUILESS_MAIN(TestJsonBody)
#include "tst_json_body.moc"
