#include "gateway/log/RotatingLogFile.h"

namespace llamagate {

RotatingLogFile::RotatingLogFile(const QString& path, qint64 maxSize, int maxFiles)
    : m_file(path), m_maxSize(maxSize), m_maxFiles(maxFiles)
{
}

bool RotatingLogFile::openFile()
{
    return m_file.isOpen() || m_file.open(QIODevice::WriteOnly | QIODevice::Append);
}

bool RotatingLogFile::append(const QByteArray& line)
{
    if (!openFile())
        return false;
    if (m_file.size() > 0 && m_file.size() + line.size() > m_maxSize) {
        rotate();
        if (!openFile())
            return false;
    }
    const bool written = m_file.write(line) == line.size();
    m_file.flush();
    return written;
}

void RotatingLogFile::rotate()
{
    const QString path = m_file.fileName();
    m_file.close();
    QFile::remove(QStringLiteral("%1.%2").arg(path).arg(m_maxFiles));
    for (int index = m_maxFiles - 1; index >= 1; --index)
        QFile::rename(QStringLiteral("%1.%2").arg(path).arg(index), QStringLiteral("%1.%2").arg(path).arg(index + 1));
    QFile::rename(path, path + QStringLiteral(".1"));
}

} // namespace llamagate
