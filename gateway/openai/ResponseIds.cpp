#include "gateway/openai/ResponseIds.h"

#include <QRandomGenerator>

namespace llamagate {

QString ResponseIds::make(const QString& prefix)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static constexpr int length = 24;
    quint32 words[length];
    QRandomGenerator::global()->fillRange(words); // one call for all of them
    char text[length];
    for (int i = 0; i < length; ++i) // a word scaled to the alphabet, as QRandomGenerator::bounded() does
        text[i] = alphabet[(quint64(words[i]) * (sizeof(alphabet) - 1)) >> 32];
    return prefix + QLatin1StringView(text, length);
}

} // namespace llamagate
