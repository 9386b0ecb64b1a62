#include "mcp/transport/StdioTransport.h"

#include "mcp/McpLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTimer>

namespace mcp {

namespace {

constexpr int StdinCloseGraceMs = 2000;
constexpr int TerminateGraceMs = 2000;

} // namespace

StdioTransport::StdioTransport(ProcessSpec spec, QObject* parent) : Transport(parent), m_spec(std::move(spec)) {}

StdioTransport::~StdioTransport()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        // Kill without waiting: the QProcess outlives us until the child is reaped, then deletes itself.
        m_process->disconnect(this);
        m_process->setParent(nullptr);
        connect(m_process, &QProcess::finished, m_process, &QObject::deleteLater);
        m_process->kill();
    }
}

void StdioTransport::open()
{
    m_process = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_spec.env.cbegin(); it != m_spec.env.cend(); ++it)
        environment.insert(it.key(), it.value());
    m_process->setProcessEnvironment(environment);
    if (!m_spec.workingDirectory.isEmpty())
        m_process->setWorkingDirectory(m_spec.workingDirectory);

    connect(m_process, &QProcess::started, this, &Transport::opened);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &StdioTransport::readStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &StdioTransport::readStderr);
    connect(m_process, &QProcess::finished, this, &StdioTransport::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &StdioTransport::onError);
    m_process->start(m_spec.command, m_spec.args);
}

void StdioTransport::send(const QJsonObject& message)
{
    if (!m_process || m_process->state() != QProcess::Running)
        return;
    m_process->write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
}

void StdioTransport::close()
{
    m_closing = true;
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        if (!m_reported) {
            m_reported = true;
            emit closed({});
        }
        return;
    }
    m_process->closeWriteChannel();
    m_shutdownTimer = new QTimer(this);
    m_shutdownTimer->setSingleShot(true);
    connect(m_shutdownTimer, &QTimer::timeout, this, [this, terminated = false]() mutable {
        if (!terminated) {
            terminated = true;
            qCDebug(lcMcp) << objectName() << "did not exit after stdin closed; sending SIGTERM";
            m_process->terminate();
            m_shutdownTimer->start(TerminateGraceMs);
        } else {
            qCWarning(lcMcp) << objectName() << "did not exit after SIGTERM; killing it";
            m_process->kill();
        }
    });
    m_shutdownTimer->start(StdinCloseGraceMs);
}

QString StdioTransport::stderrTail() const
{
    return m_tail;
}

qint64 StdioTransport::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void StdioTransport::readStdout()
{
    m_stdoutBuffer.append(m_process->readAllStandardOutput());
    qsizetype newline;
    while ((newline = m_stdoutBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdoutBuffer.left(newline).trimmed();
        m_stdoutBuffer.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (document.isObject()) {
            emit messageReceived(document.object());
        } else if (document.isArray()) { // a JSON-RPC batch (protocol 2025-03-26)
            for (const QJsonValue& value : document.array())
                emit messageReceived(value.toObject());
        } else {
            const QString text = QString::fromUtf8(line.left(200));
            qCWarning(lcMcp) << objectName() << "ignored a stdout line that is not JSON-RPC:" << text;
            appendTail(QStringLiteral("[stdout, not JSON] %1").arg(text));
        }
        if (!m_process)
            return;
    }
}

void StdioTransport::readStderr()
{
    m_stderrBuffer.append(m_process->readAllStandardError());
    qsizetype newline;
    while ((newline = m_stderrBuffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_stderrBuffer.left(newline)).trimmed();
        m_stderrBuffer.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        qCInfo(lcMcpServer).noquote() << objectName() << line;
        appendTail(line);
    }
}

void StdioTransport::appendTail(const QString& line)
{
    m_tail.append(line).append(QLatin1Char('\n'));
    if (m_tail.size() > MaxTailBytes) {
        qsizetype cut = m_tail.size() - MaxTailBytes;
        const qsizetype lineEnd = m_tail.indexOf(QLatin1Char('\n'), cut);
        if (lineEnd >= 0 && lineEnd + 1 < m_tail.size())
            cut = lineEnd + 1;
        m_tail.remove(0, cut);
    }
}

void StdioTransport::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readStderr();
    if (!m_stderrBuffer.isEmpty()) {
        appendTail(QString::fromUtf8(m_stderrBuffer).trimmed());
        m_stderrBuffer.clear();
    }
    if (m_shutdownTimer)
        m_shutdownTimer->stop();
    if (m_reported)
        return;
    m_reported = true;
    if (m_closing) {
        emit closed({});
        return;
    }
    QString reason = status == QProcess::CrashExit
                         ? QStringLiteral("server process %1 crashed").arg(m_spec.command)
                         : QStringLiteral("server process %1 exited with code %2").arg(m_spec.command).arg(exitCode);
    if (!m_tail.isEmpty())
        reason += QStringLiteral("; stderr: %1").arg(m_tail.trimmed());
    emit closed(reason);
}

void StdioTransport::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_reported)
        return;
    m_reported = true;
    emit closed(QStringLiteral("could not start %1: %2").arg(m_spec.command, m_process->errorString()));
}

} // namespace mcp
