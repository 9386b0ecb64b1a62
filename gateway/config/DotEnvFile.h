#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace llamagate {

/// Parses a `.env` file: `KEY=value` lines, `export` prefixes, `#` comments, single and double quotes.
class DotEnvFile
{
public:
    /// Parses the text; on the first line that does not parse, errorLine() and error() say which and why.
    static DotEnvFile parse(const QByteArray& text);

    const QHash<QString, QString>& values() const { return m_values; }
    bool ok() const { return m_errorLine == 0; }
    int errorLine() const { return m_errorLine; }
    QString error() const { return m_error; }

private:
    QHash<QString, QString> m_values;
    int m_errorLine = 0;
    QString m_error;
};

} // namespace llamagate
