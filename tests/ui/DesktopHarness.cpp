#include "DesktopHarness.h"

#include "app/platform/Autostart.h"
#include "ui/ControlPanel.h"
#include "ui/StatusTracker.h"
#include "ui/TrayIcon.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace llamagate::testing {

bool FakeOllama::start()
{
    const QString script = qEnvironmentVariable("LLAMAGATE_TESTS_DIR") + QStringLiteral("/fake-ollama/fake-ollama.mjs");
    m_process.start(qEnvironmentVariable("NODE_EXECUTABLE"),
                    {script, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--exit-with-stdin")});
    if (!m_process.waitForStarted(kTimeoutMs) || !m_process.waitForReadyRead(kTimeoutMs))
        return false;
    const QJsonObject event = QJsonDocument::fromJson(m_process.readLine()).object();
    m_url = event.value(QStringLiteral("url")).toString();
    return !m_url.isEmpty();
}

FakeOllama::~FakeOllama()
{
    m_process.closeWriteChannel();
    m_process.waitForFinished(kTimeoutMs);
}

MessageBoxAnswer::MessageBoxAnswer(QMessageBox::StandardButton button)
{
    QObject::connect(&m_timer, &QTimer::timeout, [button] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
            box->button(button)->click();
    });
    m_timer.start(20);
}

quint16 unusedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

QAction* menuAction(const TrayIcon& tray, const QString& text)
{
    for (QAction* action : tray.menu()->actions()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpReply httpSend(const QByteArray& method, const QString& url, const QJsonObject& body, const QString& apiKey)
{
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(url)};
    if (!apiKey.isEmpty())
        request.setRawHeader("X-API-Key", apiKey.toUtf8());
    QByteArray payload;
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply* reply = network.sendCustomRequest(request, method, payload);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpReply answer;
    if (!finished.wait(kTimeoutMs))
        return answer;
    reply->deleteLater();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    for (const QNetworkReply::RawHeaderPair& header : reply->rawHeaderPairs())
        answer.headers.insert(header.first.toLower(), header.second);
    return answer;
}

int httpGet(const QString& url, const QString& apiKey)
{
    return httpSend("GET", url, {}, apiKey).status;
}

QJsonObject everythingServer(const QString& name)
{
    const QString script = qEnvironmentVariable("LLAMAGATE_TESTS_DIR") +
                           QStringLiteral("/node_modules/@modelcontextprotocol/server-everything/dist/index.js");
    return {{QStringLiteral("name"), name},
            {QStringLiteral("command"), qEnvironmentVariable("NODE_EXECUTABLE")},
            {QStringLiteral("args"), QJsonArray{script, QStringLiteral("stdio")}}};
}

QWidget* showPage(ControlPanel& panel, const QString& objectName)
{
    for (int index = 0; index < panel.pageCount(); ++index) {
        if (panel.page(index)->objectName() == objectName) {
            panel.showPage(index);
            return panel.page(index);
        }
    }
    return nullptr;
}

DesktopHarness::DesktopHarness() : m_settingsFile(m_dir.filePath(QStringLiteral("LlamaGate.ini")))
{
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.setValue(QStringLiteral("gateway/port"), QStringLiteral("0"));
    settings.sync();
}

DesktopHarness::~DesktopHarness()
{
    if (m_desktop && m_desktop->status().state() != GatewayState::Stopped) {
        QSignalSpy stopped(m_host.get(), &GatewayHost::stopped);
        m_desktop->stopGateway();
        stopped.wait(kTimeoutMs);
    }
    m_desktop.reset();
    m_host.reset();
}

void DesktopHarness::run(const QHash<QString, QString>& environment, bool trayAvailable, bool toTray)
{
    QVERIFY(m_dir.isValid());
    m_host = std::make_unique<GatewayHost>();
    const auto build = [environment](const QHash<QString, QString>& saved) {
        ConfigInputs inputs;
        inputs.saved = saved;
        inputs.environment = environment;
        return ConfigLoader::load(inputs);
    };
    m_desktop =
        std::make_unique<DesktopController>(*m_host,
                                            m_settingsFile,
                                            build,
                                            std::make_unique<XdgAutostart>(m_dir.filePath(QStringLiteral("autostart")),
                                                                           QStringLiteral("/usr/bin/llamagate")));
    m_host->useKeyStore(m_settingsFile); // as main does: keys made in the panel count at once
    const ConfigResult config = build(ConfigLoader::readSaved(QSettings(m_settingsFile, QSettings::IniFormat)));
    QVERIFY2(config.config, qPrintable(config.error));
    m_desktop->run(*config.config, trayAvailable, toTray);
    QTRY_COMPARE_WITH_TIMEOUT(m_desktop->status().state(), GatewayState::Running, kTimeoutMs);
}

} // namespace llamagate::testing
