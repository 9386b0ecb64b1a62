#include "gateway/config/ConfigLoader.h"
#include "gateway/config/DotEnvFile.h"
#include "gateway/config/SettingsVersion.h"
#include "gateway/config/ValueParsers.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace llamagate;

/// The settings table, its value parsers, the .env parser and the layering of sources.
class TestConfig : public QObject
{
    Q_OBJECT
private slots:
    void durations_data();
    void durations();
    void sizes_data();
    void sizes();
    void booleans_data();
    void booleans();
    void defaults();
    void everyVariableParses_data();
    void everyVariableParses();
    void invalidValues_data();
    void invalidValues();
    void precedence_data();
    void precedence();
    void emptyVariableCountsAsUnset();
    void dotEnvSyntax();
    void dotEnvErrorNamesTheLine();
    void listenBeyondLoopbackNeedsKey();
    void savedSettingsAreRead();
    void modeDefaultsSitUnderEverySource();
    void settingsVersionIsStampedOnOldFilesOnly();
    void settingsFromANewerVersionAreLeftAlone();
};

void TestConfig::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("ms") << "1500ms" << qint64(1500);
    QTest::newRow("seconds") << "30s" << qint64(30000);
    QTest::newRow("minutes") << "5m" << qint64(300000);
    QTest::newRow("hours") << "1h" << qint64(3600000);
    QTest::newRow("compound") << "1m30s" << qint64(90000);
    QTest::newRow("fraction") << "1.5s" << qint64(1500);
    QTest::newRow("upper case and spaces") << " 2M " << qint64(120000);
    QTest::newRow("no unit") << "30" << qint64(-1);
    QTest::newRow("unknown unit") << "3d" << qint64(-1);
    QTest::newRow("negative") << "-5s" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("trailing junk") << "5sx" << qint64(-1);
}

void TestConfig::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    const std::optional<qint64> parsed = ValueParsers::parseDuration(text);
    QCOMPARE(parsed.value_or(-1), ms);
}

void TestConfig::sizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("plain") << "1048576" << qint64(1048576);
    QTest::newRow("KB") << "512KB" << qint64(512 * 1024);
    QTest::newRow("MB") << "64MB" << qint64(64 * 1024 * 1024);
    QTest::newRow("GB") << "1GB" << qint64(1024LL * 1024 * 1024);
    QTest::newRow("short k") << "4k" << qint64(4096);
    QTest::newRow("MiB") << "2MiB" << qint64(2 * 1024 * 1024);
    QTest::newRow("B") << "100B" << qint64(100);
    QTest::newRow("fraction of MB") << "1.5MB" << qint64(1536 * 1024);
    QTest::newRow("fraction of a byte") << "1.5" << qint64(-1);
    QTest::newRow("unknown unit") << "5TB" << qint64(-1);
    QTest::newRow("words") << "big" << qint64(-1);
    QTest::newRow("negative") << "-1" << qint64(-1);
}

void TestConfig::sizes()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QCOMPARE(ValueParsers::parseSize(text).value_or(-1), bytes);
}

void TestConfig::booleans_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected"); // 1 true, 0 false, -1 invalid
    for (const char* yes : {"true", "TRUE", "1", "yes", "on"})
        QTest::newRow(yes) << QString::fromLatin1(yes) << 1;
    for (const char* no : {"false", "False", "0", "no", "off"})
        QTest::newRow(no) << QString::fromLatin1(no) << 0;
    QTest::newRow("maybe") << "maybe" << -1;
    QTest::newRow("2") << "2" << -1;
}

void TestConfig::booleans()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    const std::optional<bool> parsed = ValueParsers::parseBool(text);
    QCOMPARE(parsed ? int(*parsed) : -1, expected);
}

void TestConfig::defaults()
{
    const GatewayConfig config;
    QCOMPARE(config.text(Setting::OllamaHost), QStringLiteral("http://localhost:11434"));
    QCOMPARE(config.text(Setting::ApiKey), QString());
    QCOMPARE(config.number(Setting::RateLimitRps), 10.0);
    QCOMPARE(config.flag(Setting::Debug), false);
    QCOMPARE(config.integer(Setting::Port), 8080);
    QCOMPARE(config.text(Setting::LogFile), QString());
    QCOMPARE(config.integer(Setting::Timeout), 5 * 60 * 1000);
    QCOMPARE(config.flag(Setting::McpEnabled), false);
    QCOMPARE(config.integer(Setting::McpMaxToolRounds), 10);
    QCOMPARE(config.integer(Setting::McpMaxToolCallsPerRound), 10);
    QCOMPARE(config.integer(Setting::McpDefaultToolTimeout), 30 * 1000);
    QCOMPARE(config.integer(Setting::McpMaxToolResultSize), 1048576);
    QCOMPARE(config.list(Setting::McpAllowTools), QStringList());
    QCOMPARE(config.list(Setting::McpDenyTools), QStringList());
    QCOMPARE(config.text(Setting::ListenAddress), QStringLiteral("127.0.0.1"));
    QVERIFY(config.listensOnLoopbackOnly());
    QCOMPARE(config.source(Setting::Port), SettingSource::Default);
}

void TestConfig::everyVariableParses_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("OLLAMA_HOST") << "OLLAMA_HOST"
                                 << "http://10.1.2.3:11434/" << QVariant(QStringLiteral("http://10.1.2.3:11434"));
    QTest::newRow("API_KEY") << "API_KEY"
                             << "sk-secret" << QVariant(QStringLiteral("sk-secret"));
    QTest::newRow("RATE_LIMIT_RPS") << "RATE_LIMIT_RPS"
                                    << "2.5" << QVariant(2.5);
    QTest::newRow("DEBUG") << "DEBUG"
                           << "yes" << QVariant(true);
    QTest::newRow("PORT") << "PORT"
                          << "9090" << QVariant(qint64(9090));
    QTest::newRow("LOG_FILE") << "LOG_FILE"
                              << "/tmp/lg.log" << QVariant(QStringLiteral("/tmp/lg.log"));
    QTest::newRow("TIMEOUT") << "TIMEOUT"
                             << "30m" << QVariant(qint64(1800000));
    QTest::newRow("MCP_ENABLED") << "MCP_ENABLED"
                                 << "true" << QVariant(true);
    QTest::newRow("MCP_MAX_TOOL_ROUNDS") << "MCP_MAX_TOOL_ROUNDS"
                                         << "3" << QVariant(qint64(3));
    QTest::newRow("MCP_MAX_TOOL_CALLS_PER_ROUND") << "MCP_MAX_TOOL_CALLS_PER_ROUND"
                                                  << "4" << QVariant(qint64(4));
    QTest::newRow("MCP_DEFAULT_TOOL_TIMEOUT") << "MCP_DEFAULT_TOOL_TIMEOUT"
                                              << "1500ms" << QVariant(qint64(1500));
    QTest::newRow("MCP_MAX_TOOL_RESULT_SIZE") << "MCP_MAX_TOOL_RESULT_SIZE"
                                              << "64KB" << QVariant(qint64(65536));
    QTest::newRow("MCP_ALLOW_TOOLS") << "MCP_ALLOW_TOOLS"
                                     << "mcp.fs.*, mcp.everything.echo"
                                     << QVariant(QStringList{QStringLiteral("mcp.fs.*"),
                                                             QStringLiteral("mcp.everything.echo")});
    QTest::newRow("MCP_DENY_TOOLS") << "MCP_DENY_TOOLS"
                                    << "mcp.fs.write_*" << QVariant(QStringList{QStringLiteral("mcp.fs.write_*")});
    QTest::newRow("LISTEN_ADDRESS v6") << "LISTEN_ADDRESS"
                                       << "::1" << QVariant(QStringLiteral("::1"));
    QTest::newRow("MAX_REQUEST_SIZE") << "MAX_REQUEST_SIZE"
                                      << "8MB" << QVariant(qint64(8 * 1024 * 1024));
    QTest::newRow("MAX_HEADER_SIZE") << "MAX_HEADER_SIZE"
                                     << "16KB" << QVariant(qint64(16384));
    QTest::newRow("MAX_HEADER_COUNT") << "MAX_HEADER_COUNT"
                                      << "50" << QVariant(qint64(50));
    QTest::newRow("HEADER_TIMEOUT") << "HEADER_TIMEOUT"
                                    << "2s" << QVariant(qint64(2000));
    QTest::newRow("IDLE_TIMEOUT") << "IDLE_TIMEOUT"
                                  << "1m" << QVariant(qint64(60000));
    QTest::newRow("SHUTDOWN_TIMEOUT") << "SHUTDOWN_TIMEOUT"
                                      << "0s" << QVariant(qint64(0));
    QTest::newRow("HEALTH_TIMEOUT") << "HEALTH_TIMEOUT"
                                    << "500ms" << QVariant(qint64(500));
    QTest::newRow("LOG_MAX_SIZE") << "LOG_MAX_SIZE"
                                  << "1MB" << QVariant(qint64(1048576));
    QTest::newRow("LOG_MAX_FILES") << "LOG_MAX_FILES"
                                   << "3" << QVariant(qint64(3));
}

void TestConfig::everyVariableParses()
{
    QFETCH(QString, variable);
    QFETCH(QString, text);
    QFETCH(QVariant, expected);
    ConfigInputs inputs;
    inputs.environment.insert(variable, text);
    const ConfigResult result = ConfigLoader::load(inputs);
    QVERIFY2(result.config.has_value(), qPrintable(result.error));
    for (const SettingSpec& spec : settingsTable()) {
        if (spec.envName != variable)
            continue;
        QCOMPARE(result.config->value(spec.id), expected);
        QCOMPARE(result.config->source(spec.id), SettingSource::Environment);
        return;
    }
    QFAIL("variable not in the settings table");
}

void TestConfig::invalidValues_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("accepted");
    QTest::newRow("port not a number") << "PORT"
                                       << "eighty"
                                       << "an integer from 0 to 65535";
    QTest::newRow("port too big") << "PORT"
                                  << "70000"
                                  << "an integer from 0 to 65535";
    QTest::newRow("timeout over 30m") << "TIMEOUT"
                                      << "31m"
                                      << "from 1s to 30m";
    QTest::newRow("timeout without unit") << "TIMEOUT"
                                          << "300"
                                          << "a duration";
    QTest::newRow("bool") << "DEBUG"
                          << "sure"
                          << "true/false";
    QTest::newRow("url scheme") << "OLLAMA_HOST"
                                << "ftp://x"
                                << "http:// or https://";
    QTest::newRow("url without host") << "OLLAMA_HOST"
                                      << "localhost"
                                      << "http:// or https://";
    QTest::newRow("address") << "LISTEN_ADDRESS"
                             << "my-host"
                             << "IPv4 or IPv6";
    QTest::newRow("rate negative") << "RATE_LIMIT_RPS"
                                   << "-1"
                                   << "a number from 0";
    QTest::newRow("size unit") << "MAX_REQUEST_SIZE"
                               << "5TB"
                               << "KB/MB/GB";
    QTest::newRow("size too small") << "MCP_MAX_TOOL_RESULT_SIZE"
                                    << "10"
                                    << "from 1KB to 100MB";
    QTest::newRow("rounds zero") << "MCP_MAX_TOOL_ROUNDS"
                                 << "0"
                                 << "from 1 to 100";
}

void TestConfig::invalidValues()
{
    QFETCH(QString, variable);
    QFETCH(QString, text);
    QFETCH(QString, accepted);
    ConfigInputs inputs;
    inputs.environment.insert(variable, text);
    const ConfigResult result = ConfigLoader::load(inputs);
    QVERIFY(!result.config.has_value());
    QVERIFY2(result.error.contains(variable), qPrintable(result.error));
    QVERIFY2(result.error.contains(QLatin1Char('"') + text + QLatin1Char('"')), qPrintable(result.error));
    QVERIFY2(result.error.contains(accepted), qPrintable(result.error));
    QVERIFY2(!result.error.contains(u'\n'), "the error is one line");
}

void TestConfig::precedence_data()
{
    QTest::addColumn<bool>("saved");
    QTest::addColumn<bool>("dotEnv");
    QTest::addColumn<bool>("environment");
    QTest::addColumn<bool>("commandLine");
    QTest::addColumn<qint64>("port");
    QTest::addColumn<int>("source");
    QTest::newRow("default") << false << false << false << false << qint64(8080) << int(SettingSource::Default);
    QTest::newRow("saved") << true << false << false << false << qint64(1001) << int(SettingSource::Saved);
    QTest::newRow(".env beats saved") << true << true << false << false << qint64(1002) << int(SettingSource::DotEnv);
    QTest::newRow("env beats .env") << true << true << true << false << qint64(1003) << int(SettingSource::Environment);
    QTest::newRow("cli beats env") << true << true << true << true << qint64(1004) << int(SettingSource::CommandLine);
    QTest::newRow("cli alone") << false << false << false << true << qint64(1004) << int(SettingSource::CommandLine);
}

void TestConfig::precedence()
{
    QFETCH(bool, saved);
    QFETCH(bool, dotEnv);
    QFETCH(bool, environment);
    QFETCH(bool, commandLine);
    QFETCH(qint64, port);
    QFETCH(int, source);
    ConfigInputs inputs;
    if (saved)
        inputs.saved.insert(QStringLiteral("gateway/port"), QStringLiteral("1001"));
    if (dotEnv)
        inputs.dotEnv = QByteArrayLiteral("PORT=1002\n");
    if (environment)
        inputs.environment.insert(QStringLiteral("PORT"), QStringLiteral("1003"));
    if (commandLine)
        inputs.commandLine.insert(QStringLiteral("port"), QStringLiteral("1004"));
    const ConfigResult result = ConfigLoader::load(inputs);
    QVERIFY2(result.config.has_value(), qPrintable(result.error));
    QCOMPARE(result.config->integer(Setting::Port), port);
    QCOMPARE(int(result.config->source(Setting::Port)), source);
}

void TestConfig::emptyVariableCountsAsUnset()
{
    ConfigInputs inputs;
    inputs.environment.insert(QStringLiteral("PORT"), QString());
    inputs.environment.insert(QStringLiteral("TIMEOUT"), QStringLiteral("  "));
    const ConfigResult result = ConfigLoader::load(inputs);
    QVERIFY2(result.config.has_value(), qPrintable(result.error));
    QCOMPARE(result.config->integer(Setting::Port), 8080);
    QCOMPARE(result.config->integer(Setting::Timeout), 300000);
}

void TestConfig::dotEnvSyntax()
{
    const DotEnvFile file = DotEnvFile::parse("# comment\n"
                                              "\n"
                                              "PORT=9000\r\n"
                                              "export DEBUG=true\n"
                                              "OLLAMA_HOST = http://h:1 # trailing comment\n"
                                              "API_KEY=\"quoted # not a comment\"\n"
                                              "LOG_FILE='/tmp/a b.log'\n"
                                              "MCP_ALLOW_TOOLS=\n"
                                              "ESCAPED=\"a\\\"b\"\n");
    QVERIFY(file.ok());
    QCOMPARE(file.values().value(QStringLiteral("PORT")), QStringLiteral("9000"));
    QCOMPARE(file.values().value(QStringLiteral("DEBUG")), QStringLiteral("true"));
    QCOMPARE(file.values().value(QStringLiteral("OLLAMA_HOST")), QStringLiteral("http://h:1"));
    QCOMPARE(file.values().value(QStringLiteral("API_KEY")), QStringLiteral("quoted # not a comment"));
    QCOMPARE(file.values().value(QStringLiteral("LOG_FILE")), QStringLiteral("/tmp/a b.log"));
    QVERIFY(file.values().contains(QStringLiteral("MCP_ALLOW_TOOLS")));
    QCOMPARE(file.values().value(QStringLiteral("ESCAPED")), QStringLiteral("a\"b"));
}

void TestConfig::dotEnvErrorNamesTheLine()
{
    ConfigInputs inputs;
    inputs.dotEnvPath = QStringLiteral("/work/.env");
    inputs.dotEnv = QByteArrayLiteral("PORT=9000\n# fine\nthis line is wrong\n");
    ConfigResult result = ConfigLoader::load(inputs);
    QVERIFY(!result.config.has_value());
    QCOMPARE(result.error, QStringLiteral("/work/.env line 3: expected KEY=value"));

    inputs.dotEnv = QByteArrayLiteral("API_KEY=\"unterminated\n");
    result = ConfigLoader::load(inputs);
    QCOMPARE(result.error, QStringLiteral("/work/.env line 1: missing closing quote"));

    inputs.dotEnv = QByteArrayLiteral("PORT=abc\n");
    result = ConfigLoader::load(inputs);
    QVERIFY2(result.error.startsWith(QStringLiteral("Invalid PORT in /work/.env \"abc\"")), qPrintable(result.error));
}

void TestConfig::listenBeyondLoopbackNeedsKey()
{
    ConfigInputs inputs;
    inputs.environment.insert(QStringLiteral("LISTEN_ADDRESS"), QStringLiteral("0.0.0.0"));
    ConfigResult result = ConfigLoader::load(inputs);
    QVERIFY(!result.config.has_value());
    QVERIFY2(result.error.contains(QStringLiteral("API_KEY")), qPrintable(result.error));

    inputs.environment.insert(QStringLiteral("API_KEY"), QStringLiteral("secret"));
    result = ConfigLoader::load(inputs);
    QVERIFY2(result.config.has_value(), qPrintable(result.error));
    QVERIFY(!result.config->listensOnLoopbackOnly());
}

void TestConfig::savedSettingsAreRead()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("saved.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("gateway/port"), 7000);
    settings.setValue(QStringLiteral("ollama/timeout"), QStringLiteral("2m"));
    settings.setValue(QStringLiteral("unrelated/key"), 1);
    ConfigInputs inputs;
    inputs.saved = ConfigLoader::readSaved(settings);
    QCOMPARE(inputs.saved.size(), 2);
    const ConfigResult result = ConfigLoader::load(inputs);
    QVERIFY2(result.config.has_value(), qPrintable(result.error));
    QCOMPARE(result.config->integer(Setting::Port), 7000);
    QCOMPARE(result.config->integer(Setting::Timeout), 120000);
    QCOMPARE(result.config->source(Setting::Timeout), SettingSource::Saved);
}

void TestConfig::modeDefaultsSitUnderEverySource()
{
    ConfigInputs inputs;
    inputs.modeDefaults.insert(Setting::CachePersist, QStringLiteral("true"));
    ConfigResult result = ConfigLoader::load(inputs);
    QVERIFY2(result.config.has_value(), qPrintable(result.error));
    QCOMPARE(result.config->flag(Setting::CachePersist), true);
    QCOMPARE(result.config->source(Setting::CachePersist), SettingSource::Default);
    QCOMPARE(ConfigLoader::load({}).config->flag(Setting::CachePersist), false);

    inputs.saved.insert(settingSpec(Setting::CachePersist).key, QStringLiteral("false"));
    result = ConfigLoader::load(inputs);
    QCOMPARE(result.config->flag(Setting::CachePersist), false);
    QCOMPARE(result.config->source(Setting::CachePersist), SettingSource::Saved);
}

void TestConfig::settingsVersionIsStampedOnOldFilesOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("LlamaGate.ini"));
    {
        QSettings empty(path, QSettings::IniFormat);
        QVERIFY(SettingsVersion::upgrade(empty).isEmpty());
        empty.sync();
    }
    QVERIFY(!QFile::exists(path)); // a start with no saved settings writes nothing

    {
        QSettings old(path, QSettings::IniFormat); // as written before the version key existed
        old.setValue(QStringLiteral("gateway/port"), QStringLiteral("9000"));
    }
    QSettings settings(path, QSettings::IniFormat);
    QVERIFY(SettingsVersion::upgrade(settings).isEmpty());
    const QSettings reread(path, QSettings::IniFormat);
    QCOMPARE(reread.value(QLatin1String(SettingsVersion::key)).toInt(), SettingsVersion::current);
    QCOMPARE(reread.value(QStringLiteral("gateway/port")).toString(), QStringLiteral("9000"));
}

void TestConfig::settingsFromANewerVersionAreLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("LlamaGate.ini"));
    const int newer = SettingsVersion::current + 1;
    {
        QSettings future(path, QSettings::IniFormat);
        future.setValue(QLatin1String(SettingsVersion::key), newer);
        future.setValue(QStringLiteral("future/setting"), QStringLiteral("kept"));
    }
    QSettings settings(path, QSettings::IniFormat);
    const QString warning = SettingsVersion::upgrade(settings);
    QVERIFY2(warning.contains(QStringLiteral("newer LlamaGate")), qPrintable(warning));
    settings.setValue(QStringLiteral("gateway/port"), QStringLiteral("9001"));
    SettingsVersion::stamp(settings); // a save by this version does not claim the file as its own
    settings.sync();
    const QSettings reread(path, QSettings::IniFormat);
    QCOMPARE(reread.value(QLatin1String(SettingsVersion::key)).toInt(), newer);
    QCOMPARE(reread.value(QStringLiteral("future/setting")).toString(), QStringLiteral("kept"));
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
