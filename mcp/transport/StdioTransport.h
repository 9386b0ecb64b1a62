#pragma once

#include "mcp/transport/Transport.h"

#include <QMap>
#include <QProcess>
#include <QStringList>

class QTimer;

namespace mcp {

/// How to start a stdio server process.
struct ProcessSpec
{
    QString command;
    QStringList args;
    /// Merged over the gateway's own environment, values already expanded.
    QMap<QString, QString> env;
    QString workingDirectory;
};

/// MCP over a child process: newline-delimited JSON on stdin/stdout, stderr kept as a bounded tail.
/// Shutdown closes stdin, then sends SIGTERM, then SIGKILL, each after a deadline.
class StdioTransport : public Transport
{
    Q_OBJECT
public:
    explicit StdioTransport(ProcessSpec spec, QObject* parent = nullptr);
    ~StdioTransport() override;

    void open() override;
    void send(const QJsonObject& message) override;
    void close() override;
    /// The last lines the process wrote to stderr (and any stdout lines that were not JSON).
    QString stderrTail() const override;
    qint64 processId() const;

    static constexpr qsizetype MaxTailBytes = 4096;

private:
    void readStdout();
    void readStderr();
    void appendTail(const QString& line);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);

    ProcessSpec m_spec;
    QProcess* m_process = nullptr;
    QTimer* m_shutdownTimer = nullptr;
    QByteArray m_stdoutBuffer;
    QByteArray m_stderrBuffer;
    QString m_tail;
    bool m_closing = false;
    bool m_reported = false;
};

} // namespace mcp
