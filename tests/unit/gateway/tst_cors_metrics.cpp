#include "gateway/http/CorsPolicy.h"
#include "gateway/metrics/GatewayMetrics.h"

#include <QTest>

using namespace llamagate;

/// CORS decisions and the Prometheus text rendering of the gateway's counters.
class TestCorsMetrics : public QObject
{
    Q_OBJECT
private slots:
    void origins_data();
    void origins();
    void preflight();
    void notAPreflight();
    void countersAndHistogram();
    void labelsAreEscaped();
};

void TestCorsMetrics::origins_data()
{
    QTest::addColumn<QStringList>("configured");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("off") << QStringList() << QByteArray("http://a.test") << false;
    QTest::newRow("listed") << QStringList{QStringLiteral("http://a.test")} << QByteArray("http://a.test") << true;
    QTest::newRow("trailing slash in config")
        << QStringList{QStringLiteral("http://a.test/")} << QByteArray("http://a.test") << true;
    QTest::newRow("other origin") << QStringList{QStringLiteral("http://a.test")} << QByteArray("http://b.test")
                                  << false;
    QTest::newRow("other port") << QStringList{QStringLiteral("http://a.test")} << QByteArray("http://a.test:8080")
                                << false;
    QTest::newRow("any") << QStringList{QStringLiteral("*")} << QByteArray("https://x.example") << true;
    QTest::newRow("no origin header") << QStringList{QStringLiteral("*")} << QByteArray() << false;
}

void TestCorsMetrics::origins()
{
    QFETCH(QStringList, configured);
    QFETCH(QByteArray, origin);
    QFETCH(bool, allowed);
    const CorsPolicy policy(configured);
    QCOMPARE(policy.allows(origin), allowed);
    const HttpHeaders headers = policy.responseHeaders(origin);
    QCOMPARE(headers.isEmpty(), !allowed);
    if (allowed) {
        QCOMPARE(headers.constFirst().first, QByteArray("Access-Control-Allow-Origin"));
        QCOMPARE(headers.constFirst().second, origin);
    }
}

void TestCorsMetrics::preflight()
{
    const CorsPolicy policy({QStringLiteral("http://app.test")});
    HttpRequest request;
    request.method = "OPTIONS";
    request.headers = {{"origin", "http://app.test"},
                       {"access-control-request-method", "POST"},
                       {"access-control-request-headers", "authorization,content-type,openai-beta,x-stainless-arch"}};
    const std::optional<CorsPolicy::Preflight> answer = policy.preflight(request);
    QVERIFY(answer.has_value());
    QCOMPARE(answer->status, 204);
    const auto value = [&answer](const QByteArray& name) {
        for (const auto& [key, headerValue] : answer->headers) {
            if (key == name)
                return headerValue;
        }
        return QByteArray();
    };
    QCOMPARE(value("Access-Control-Allow-Origin"), QByteArray("http://app.test"));
    QCOMPARE(value("Access-Control-Allow-Headers"),
             QByteArray("authorization,content-type,openai-beta,x-stainless-arch"));
    QVERIFY(value("Access-Control-Allow-Methods").contains("POST"));

    request.headers[0].second = "http://evil.test";
    QCOMPARE(policy.preflight(request)->status, 403);
}

void TestCorsMetrics::notAPreflight()
{
    const CorsPolicy policy({QStringLiteral("*")});
    HttpRequest request;
    request.method = "OPTIONS";
    request.headers = {{"origin", "http://app.test"}};
    QVERIFY(!policy.preflight(request).has_value()); // no Access-Control-Request-Method
    request.method = "GET";
    request.headers.append(qMakePair(QByteArray("access-control-request-method"), QByteArray("GET")));
    QVERIFY(!policy.preflight(request).has_value());
}

void TestCorsMetrics::countersAndHistogram()
{
    GatewayMetrics metrics;
    RequestLogEntry chat;
    chat.method = QStringLiteral("POST");
    chat.status = 200;
    chat.latencyMs = 30;
    chat.extra = {{QStringLiteral("model"), QStringLiteral("llama3.2")},
                  {QStringLiteral("prompt_tokens"), 26},
                  {QStringLiteral("completion_tokens"), 3}};
    metrics.record(chat, QStringLiteral("/v1/chat/completions"));
    metrics.record(chat, QStringLiteral("/v1/chat/completions"));
    RequestLogEntry full;
    full.method = QStringLiteral("POST");
    full.status = 429;
    full.latencyMs = 1;
    full.extra = {{QStringLiteral("model"), QStringLiteral("llama3.2")},
                  {QStringLiteral("queue"), QStringLiteral("full")}};
    metrics.record(full, QStringLiteral("/v1/chat/completions"));
    RequestLogEntry down;
    down.method = QStringLiteral("GET");
    down.status = 502;
    down.latencyMs = 2000;
    down.extra = {{QStringLiteral("upstream_error"), QStringLiteral("refused")}};
    metrics.record(down, QStringLiteral("/v1/models"));
    RequestLogEntry promptOnly; // a series per token type only once it counted some; cache results in lower case
    promptOnly.method = QStringLiteral("POST");
    promptOnly.status = 200;
    promptOnly.extra = {{QStringLiteral("model"), QStringLiteral("m2")},
                        {QStringLiteral("prompt_tokens"), 5},
                        {QStringLiteral("completion_tokens"), 0},
                        {QStringLiteral("cache"), QStringLiteral("MISS")}};
    metrics.record(promptOnly, QStringLiteral("/v1/completions"));
    promptOnly.extra.insert(QStringLiteral("cache"), QStringLiteral("miss"));
    promptOnly.extra.insert(QStringLiteral("prompt_tokens"), QJsonValue(2.0));
    metrics.record(promptOnly, QStringLiteral("/v1/completions"));

    const QByteArray text =
        metrics.render({{QStringLiteral("llamagate_queue_waiting_requests"), QStringLiteral("Waiting."), 4}});
    const auto has = [&text](const char* line) { return text.contains(QByteArray(line) + '\n'); };
    QVERIFY(has("llamagate_http_requests_total{route=\"/v1/chat/"
                "completions\",method=\"POST\",model=\"llama3.2\",status=\"200\"} 2"));
    QVERIFY(has("llamagate_http_requests_total{route=\"/v1/chat/"
                "completions\",method=\"POST\",model=\"llama3.2\",status=\"429\"} 1"));
    QVERIFY(has("llamagate_http_request_duration_seconds_bucket{route=\"/v1/chat/completions\",le=\"0.025\"} 1"));
    QVERIFY(has("llamagate_http_request_duration_seconds_bucket{route=\"/v1/chat/completions\",le=\"0.05\"} 3"));
    QVERIFY(has("llamagate_http_request_duration_seconds_bucket{route=\"/v1/chat/completions\",le=\"+Inf\"} 3"));
    QVERIFY(has("llamagate_http_request_duration_seconds_count{route=\"/v1/chat/completions\"} 3"));
    QVERIFY(has("llamagate_http_request_duration_seconds_bucket{route=\"/v1/models\",le=\"1\"} 0"));
    QVERIFY(has("llamagate_http_request_duration_seconds_bucket{route=\"/v1/models\",le=\"2.5\"} 1"));
    QVERIFY(has("llamagate_upstream_errors_total{route=\"/v1/models\"} 1"));
    QVERIFY(has("llamagate_rate_limited_total{reason=\"queue_full\"} 1"));
    QVERIFY(has("llamagate_tokens_total{model=\"llama3.2\",type=\"prompt\"} 52"));
    QVERIFY(has("llamagate_tokens_total{model=\"llama3.2\",type=\"completion\"} 6"));
    QVERIFY(has("llamagate_tokens_total{model=\"m2\",type=\"prompt\"} 7"));
    QVERIFY(!text.contains("model=\"m2\",type=\"completion\""));
    QVERIFY(text.contains("llamagate_tokens_total{model=\"llama3.2\",type=\"completion\"} 6\n"
                          "llamagate_tokens_total{model=\"llama3.2\",type=\"prompt\"} 52\n"
                          "llamagate_tokens_total{model=\"m2\",type=\"prompt\"} 7\n")); // in label order
    QVERIFY(has("llamagate_cache_requests_total{result=\"miss\"} 2"));
    QVERIFY(has("# TYPE llamagate_queue_waiting_requests gauge"));
    QVERIFY(has("llamagate_queue_waiting_requests 4"));
}

void TestCorsMetrics::labelsAreEscaped()
{
    QCOMPARE(prometheusLabel(QStringLiteral("model"), QStringLiteral("a\"b\\c\nd")),
             QStringLiteral("model=\"a\\\"b\\\\c\\nd\""));
}

QTEST_GUILESS_MAIN(TestCorsMetrics)
#include "tst_cors_metrics.moc"
