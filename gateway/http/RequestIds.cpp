#include "gateway/http/RequestIds.h"

#include <QRandomGenerator>
#include <QUuid>

namespace llamagate {

QString RequestIds::make()
{
    quint32 words[4];
    QRandomGenerator::global()->fillRange(words);
    QUuid uuid(words[0],
               quint16(words[1]),
               quint16((words[1] >> 16 & 0x0fff) | 0x4000), // version 4
               uchar((words[2] & 0x3f) | 0x80),             // RFC 4122 variant
               uchar(words[2] >> 8),
               uchar(words[2] >> 16),
               uchar(words[2] >> 24),
               uchar(words[3]),
               uchar(words[3] >> 8),
               uchar(words[3] >> 16),
               uchar(words[3] >> 24));
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace llamagate
