// The latency the access step adds to a request: AccessControl::admit() — key lookup, one salted HMAC-SHA256,
// constant-time comparison, scope check, last-used bookkeeping and the token buckets — timed call by call.
// Usage: access_bench [iterations per case, default 200000]. Prints a Markdown table (nanoseconds per request).
#include "gateway/access/AccessControl.h"
#include "gateway/access/KeyStore.h"
#include "gateway/config/GatewayConfig.h"
#include "gateway/http/HttpRequest.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace llamagate;

namespace {

constexpr int kKeys = 300;

/// One benchmark case: a request and the route it goes to, against a configured AccessControl.
struct Case
{
    QString name;
    AccessControl* control;
    HttpRequest request;
    RouteAccess access;
    int expectedStatus; ///< 0: admitted
};

HttpRequest makeRequest(const HttpHeaders& headers)
{
    HttpRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/chat/completions");
    request.peer = QHostAddress(QStringLiteral("127.0.0.1"));
    request.headers = {{"host", "127.0.0.1:8080"},
                       {"content-type", "application/json"},
                       {"user-agent", "OpenAI/JS 6.49.0"},
                       {"x-stainless-lang", "js"},
                       {"accept", "application/json"}};
    request.headers.append(headers);
    return request;
}

GatewayConfig configWith(const QString& apiKey)
{
    GatewayConfig config;
    config.set(Setting::ApiKey, apiKey, SettingSource::Environment);
    // On, and never in the way (beyond the settings' range, which only bounds what users can ask for).
    config.set(Setting::RateLimitRps, 1e9, SettingSource::Environment);
    config.set(Setting::RateLimitBurst, 1000000000, SettingSource::Environment);
    return config;
}

void run(QTextStream& out, const Case& benchCase, int iterations)
{
    std::vector<qint64> ns(size_t(iterations), 0);
    for (int index = 0; index < iterations; ++index) {
        const auto start = std::chrono::steady_clock::now();
        const AccessControl::Decision decision = benchCase.control->admit(benchCase.request, benchCase.access);
        const auto end = std::chrono::steady_clock::now();
        ns[size_t(index)] = std::chrono::duration_cast<std::chrono::nanoseconds>(end - start).count();
        const int status = decision.refusal ? decision.refusal->status : 0;
        if (status != benchCase.expectedStatus) {
            std::fprintf(
                stderr, "%s: status %d, expected %d\n", qPrintable(benchCase.name), status, benchCase.expectedStatus);
            std::exit(1);
        }
    }
    std::sort(ns.begin(), ns.end());
    const auto at = [&ns](double quantile) { return ns[size_t(quantile * double(ns.size() - 1))]; };
    double sum = 0;
    for (const qint64 value : ns)
        sum += double(value);
    out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 |")
               .arg(benchCase.name)
               .arg(at(0.5))
               .arg(at(0.9))
               .arg(at(0.99))
               .arg(qint64(sum / double(ns.size())))
        << Qt::endl;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(1000, QString::fromLocal8Bit(argv[1]).toInt()) : 200000;
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    KeyStore store(file);
    QString error;
    QString inference;
    QString limited;
    for (int index = 0; index < kKeys; ++index) { // a large key file: the lookup must not depend on it
        const std::optional<IssuedKey> key = store.create(QStringLiteral("key-%1").arg(index),
                                                          Scope::Inference,
                                                          index == 1 ? KeyStore::kMaxRequestsPerMinute : 0,
                                                          &error);
        if (!key) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        if (index == 0)
            inference = key->secret;
        if (index == 1)
            limited = key->secret;
    }

    AccessControl withKeys;
    withKeys.configure(configWith(QStringLiteral("sk-environment-key")));
    withKeys.useKeyStore(file);
    AccessControl open;
    open.configure(configWith(QString()));

    const std::vector<Case> cases = {
        {QStringLiteral("stored key (X-API-Key) among %1, global limit").arg(kKeys),
         &withKeys,
         makeRequest({{"x-api-key", inference.toLatin1()}}),
         RouteAccess::needs(Scope::Inference),
         0},
        {QStringLiteral("stored key with its own limit (Bearer)"),
         &withKeys,
         makeRequest({{"authorization", "Bearer " + limited.toLatin1()}}),
         RouteAccess::needs(Scope::Inference),
         0},
        {QStringLiteral("API_KEY from the environment (Bearer)"),
         &withKeys,
         makeRequest({{"authorization", "Bearer sk-environment-key"}}),
         RouteAccess::needs(Scope::Inference),
         0},
        {QStringLiteral("missing scope (403)"),
         &withKeys,
         makeRequest({{"x-api-key", inference.toLatin1()}}),
         RouteAccess::needs(Scope::Admin),
         403},
        {QStringLiteral("wrong key (401)"),
         &withKeys,
         makeRequest({{"x-api-key", "lg-0000000000000000_nope"}}),
         RouteAccess::needs(Scope::Inference),
         401},
        {QStringLiteral("auth off, global limit only"),
         &open,
         makeRequest({}),
         RouteAccess::needs(Scope::Inference),
         0},
    };
    // The wrong-key case runs into the per-address limit (60 a minute) after a burst: measure it without that limit.
    GatewayConfig unlimitedAddresses = configWith(QStringLiteral("sk-environment-key"));
    unlimitedAddresses.set(Setting::RateLimitIpRpm, 0, SettingSource::Environment);
    withKeys.configure(unlimitedAddresses);

    QTextStream out(stdout);
    out << QStringLiteral("access_bench: %1 requests per case; %2, %3 logical CPUs, Qt %4, %5 build")
               .arg(iterations)
               .arg(QSysInfo::prettyProductName())
               .arg(QThread::idealThreadCount())
               .arg(QString::fromLatin1(qVersion()))
#ifdef QT_DEBUG
               .arg(QStringLiteral("debug"))
#else
               .arg(QStringLiteral("release"))
#endif
        << Qt::endl
        << Qt::endl;
    out << "| case | p50 ns | p90 ns | p99 ns | mean ns |" << Qt::endl << "|---|---|---|---|---|" << Qt::endl;
    for (const Case& benchCase : cases)
        run(out, benchCase, iterations);
    withKeys.flushUsage();
    return 0;
}
