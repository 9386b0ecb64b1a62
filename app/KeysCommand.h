#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace llamagate {

/// `llamagate keys create|list|revoke`: headless management of the named API keys in the saved settings — the ones
/// the control panel edits; a running gateway picks changes up. A new key's secret goes to stdout once, everything
/// else to stderr. run() returns the exit code: 0 done, 2 usage error, 1 failure.
class KeysCommand
{
public:
    KeysCommand(QString settingsFile, QTextStream& out, QTextStream& err);

    /// The arguments after "keys".
    int run(const QStringList& arguments);

    static QString helpText();

private:
    int create(const QStringList& arguments);
    int list(const QStringList& arguments);
    int revoke(const QStringList& arguments);
    int usageError(const QString& problem);
    int failure(const QString& problem);

    QString m_settingsFile;
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace llamagate
