#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QVarLengthArray>

#include <algorithm>
#include <initializer_list>

namespace llamagate {

/// A JSON object serialized once (compact), so that it can be written whole and without some of its members — the
/// body sent to Ollama and the canonical request of its cache key — from one pass.
class JsonMembers
{
public:
    explicit JsonMembers(const QJsonObject& object);

    /// The object's compact JSON, as QJsonDocument writes it, without the members named in `leftOut`.
    QByteArray object(std::initializer_list<QLatin1StringView> leftOut = {}) const;

    /// The same JSON handed to `write` (a callable taking a QByteArrayView) in pieces, without copying it first.
    template <typename Write> void writeObject(std::initializer_list<QLatin1StringView> leftOut, Write&& write) const
    {
        const QByteArrayView json(m_json);
        write(json.first(1));
        bool wrote = false;      // a member is written
        qsizetype runStart = -1; // where the kept members not yet written begin
        const auto writeRun = [&](qsizetype runEnd) {
            if (wrote)
                write(QByteArrayView(","));
            write(json.sliced(runStart, runEnd - runStart));
            wrote = true;
            runStart = -1;
        };
        qsizetype start = 1;
        for (const qsizetype end : m_ends) {
            const QByteArrayView member = json.sliced(start, end - start);
            const bool kept =
                std::none_of(leftOut.begin(), leftOut.end(), [&](QLatin1StringView key) { return named(member, key); });
            if (kept && runStart < 0)
                runStart = start;
            else if (!kept && runStart >= 0)
                writeRun(start - 1);
            start = end + 1;
        }
        if (runStart >= 0)
            writeRun(json.size() - 1);
        write(json.last(1));
    }

private:
    /// True when `member` (`"key":value`) is the one named `key`.
    static bool named(QByteArrayView member, QLatin1StringView key);

    QByteArray m_json;                    ///< `{"key":value,…}` in the object's (sorted) order
    QVarLengthArray<qsizetype, 8> m_ends; ///< where each member's `"key":value` ends in m_json
};

} // namespace llamagate
