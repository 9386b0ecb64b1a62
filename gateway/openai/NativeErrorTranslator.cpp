#include "gateway/openai/NativeErrorTranslator.h"

#include "gateway/openai/NativeReplyFields.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace llamagate {

QString NativeErrorTranslator::message(int status, const QByteArray& body)
{
    static constexpr qsizetype maxLength = 500;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        if (const auto message = NativeReplyFields::errorMessage(document.object()))
            return *message;
    }
    const QString text = QString::fromUtf8(body).trimmed();
    if (text.isEmpty())
        return QStringLiteral("Ollama answered HTTP %1").arg(status);
    return text.size() > maxLength ? text.left(maxLength) + QStringLiteral("…") : text;
}

ApiError NativeErrorTranslator::toApiError(int status, const QByteArray& body)
{
    const QString text = message(status, body);
    switch (status) {
    case 400:
        return ApiError::invalidRequest(text);
    case 404: {
        // "model 'x' not found" (current Ollama) or "model \"x\" not found, try pulling it first" (older).
        static const QRegularExpression modelName(QStringLiteral("model ['\"]([^'\"]+)['\"] not found"));
        const QRegularExpressionMatch match = modelName.match(text);
        if (match.hasMatch())
            return ApiError::modelNotFound(match.captured(1));
        ApiError error = ApiError::upstreamError(404, text);
        error.code = QStringLiteral("model_not_found");
        return error;
    }
    case 503: {
        ApiError error = ApiError::upstreamBusy(busyRetryAfterMs);
        error.message += QStringLiteral(" (Ollama: %1)").arg(text);
        return error;
    }
    default:
        break;
    }
    if (status >= 500)
        return ApiError::upstreamError(status, QStringLiteral("Ollama failed: %1").arg(text));
    // Other 4xx (e.g. an auth proxy in front of Ollama): the client did nothing wrong, so a 502.
    ApiError error = ApiError::upstreamError(502, QStringLiteral("Ollama answered HTTP %1: %2").arg(status).arg(text));
    error.code = QStringLiteral("upstream_error");
    return error;
}

} // namespace llamagate
