#include "gateway/openai/ModelsTranslator.h"

#include "gateway/openai/NativeReplyFields.h"

#include <QJsonArray>
#include <QStringList>

namespace llamagate {

namespace {

/// `created` is 0 when Ollama gives no modification time (older /api/show replies have none).
QJsonObject model(const QString& id, const QJsonValue& modifiedAt)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("object"), QStringLiteral("model")},
                       {QStringLiteral("created"), NativeReplyFields::unixSeconds(modifiedAt.toString(), 0)},
                       {QStringLiteral("owned_by"), ModelsTranslator::ownedBy(id)}};
}

} // namespace

QJsonObject ModelsTranslator::fromTags(const QJsonObject& tags)
{
    QJsonArray data;
    for (const QJsonValue& entry : tags.value(QStringLiteral("models")).toArray()) {
        const QJsonObject object = entry.toObject();
        QString name = object.value(QStringLiteral("name")).toString();
        if (name.isEmpty())
            name = object.value(QStringLiteral("model")).toString();
        data.append(model(name, object.value(QStringLiteral("modified_at"))));
    }
    return QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}};
}

QJsonObject ModelsTranslator::fromShow(const QString& id, const QJsonObject& show)
{
    return model(id, show.value(QStringLiteral("modified_at")));
}

QString ModelsTranslator::ownedBy(const QString& name)
{
    const QStringList path = name.split(u'/', Qt::SkipEmptyParts);
    return path.size() >= 2 ? path.at(path.size() - 2) : QStringLiteral("library");
}

} // namespace llamagate
