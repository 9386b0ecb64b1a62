#pragma once

#include <QFile>
#include <QString>

namespace llamagate {

/// An append-only log file that rotates by size: file → file.1 → file.2 … keeping maxFiles old files.
class RotatingLogFile
{
public:
    RotatingLogFile(const QString& path, qint64 maxSize, int maxFiles);

    /// Appends whole lines (each with its newline); false when the file cannot be written.
    bool append(const QByteArray& line);
    QString errorString() const { return m_file.errorString(); }

private:
    bool openFile();
    void rotate();

    QFile m_file;
    qint64 m_maxSize;
    int m_maxFiles;
};

} // namespace llamagate
