#include "gateway/openai/ResponseIds.h"

#include <QRandomGenerator>

namespace llamagate {

QString ResponseIds::make(const QString& prefix)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static constexpr int length = 24;
    QString id = prefix;
    id.reserve(prefix.size() + length);
    QRandomGenerator* random = QRandomGenerator::global();
    for (int i = 0; i < length; ++i)
        id.append(QLatin1Char(alphabet[random->bounded(int(sizeof(alphabet) - 1))]));
    return id;
}

} // namespace llamagate
