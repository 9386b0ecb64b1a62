#include "ui/models/RequestLogModel.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace llamagate;

namespace {

RequestLogEntry entry(int number)
{
    RequestLogEntry result;
    result.time = QDateTime::currentDateTimeUtc();
    result.requestId = QStringLiteral("request-%1").arg(number);
    result.method = QStringLiteral("POST");
    result.path = QStringLiteral("/v1/chat/completions");
    result.status = 200;
    result.latencyMs = number;
    result.extra = {{QStringLiteral("model"), QStringLiteral("llama3.2")},
                    {QStringLiteral("key"), QStringLiteral("editor")},
                    {QStringLiteral("cache"), QStringLiteral("hit")},
                    {QStringLiteral("prompt_tokens"), 26},
                    {QStringLiteral("completion_tokens"), number}};
    return result;
}

} // namespace

/// The live log's model: its columns, its bound, pausing and clearing.
class TestRequestLogModel : public QObject
{
    Q_OBJECT
private slots:
    void showsTheColumns();
    void staysBounded();
    void pauseHoldsBackRowsUntilResumed();
    void pausedRowsAreBoundedToo();
    void clearForgetsEverything();
};

void TestRequestLogModel::showsTheColumns()
{
    RequestLogModel model(10);
    model.append(entry(7));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(RequestLogModel::ColumnCount));
    const auto cell = [&model](int column) { return model.index(0, column).data().toString(); };
    QCOMPARE(cell(RequestLogModel::Status), QStringLiteral("200"));
    QCOMPARE(cell(RequestLogModel::Method), QStringLiteral("POST"));
    QCOMPARE(cell(RequestLogModel::Path), QStringLiteral("/v1/chat/completions"));
    QCOMPARE(cell(RequestLogModel::Model), QStringLiteral("llama3.2"));
    QCOMPARE(cell(RequestLogModel::Key), QStringLiteral("editor"));
    QCOMPARE(cell(RequestLogModel::Latency), QStringLiteral("7 ms"));
    QCOMPARE(cell(RequestLogModel::Cache), QStringLiteral("hit"));
    QCOMPARE(cell(RequestLogModel::Tokens), QStringLiteral("26 + 7"));
    QCOMPARE(cell(RequestLogModel::Tools), QString()); // a chat that ran no MCP tool

    RequestLogEntry withTools = entry(8);
    withTools.extra.insert(
        QStringLiteral("tool_calls"),
        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("everything__get-sum")},
                               {QStringLiteral("outcome"), QStringLiteral("ok")}},
                   QJsonObject{{QStringLiteral("name"), QStringLiteral("slow__trigger-long-running-operation")},
                               {QStringLiteral("outcome"), QStringLiteral("timeout")}}});
    model.append(withTools);
    QCOMPARE(model.index(1, RequestLogModel::Tools).data().toString(),
             QStringLiteral("everything__get-sum, slow__trigger-long-running-operation (timeout)"));
    QCOMPARE(model.headerData(RequestLogModel::Tools, Qt::Horizontal).toString(), QStringLiteral("Tools"));
    QCOMPARE(model.headerData(RequestLogModel::Latency, Qt::Horizontal).toString(), QStringLiteral("Latency"));
}

void TestRequestLogModel::staysBounded()
{
    RequestLogModel model(3);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    for (int number = 1; number <= 5; ++number)
        model.append(entry(number));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entry(0).requestId, QStringLiteral("request-3"));
    QCOMPARE(model.entry(2).requestId, QStringLiteral("request-5"));
    QCOMPARE(removed.size(), 2); // views are told about each row that drops off
}

void TestRequestLogModel::pauseHoldsBackRowsUntilResumed()
{
    RequestLogModel model(10);
    model.append(entry(1));
    model.setPaused(true);
    QSignalSpy pending(&model, &RequestLogModel::pendingCountChanged);
    model.append(entry(2));
    model.append(entry(3));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.pendingCount(), 2);
    QCOMPARE(pending.size(), 2);
    model.setPaused(false);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(model.entry(2).requestId, QStringLiteral("request-3"));
}

void TestRequestLogModel::pausedRowsAreBoundedToo()
{
    RequestLogModel model(3);
    model.append(entry(1));
    model.append(entry(2));
    model.setPaused(true);
    for (int number = 3; number <= 10; ++number)
        model.append(entry(number));
    QCOMPARE(model.pendingCount(), 3);
    model.setPaused(false);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entry(0).requestId, QStringLiteral("request-8"));
    QCOMPARE(model.entry(2).requestId, QStringLiteral("request-10"));
}

void TestRequestLogModel::clearForgetsEverything()
{
    RequestLogModel model(10);
    model.append(entry(1));
    model.setPaused(true);
    model.append(entry(2));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 0);
    model.setPaused(false);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestRequestLogModel)
#include "tst_request_log_model.moc"
