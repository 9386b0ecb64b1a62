#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace llamagate {

class JsonRef;

/// A JSON document read in place: one flat list of values over the original UTF-8 bytes. It accepts exactly what
/// QJsonDocument::fromJson accepts, reads like QJsonValue (strings are decoded only when asked for) and writes values
/// back byte for byte as QJsonDocument::Compact would, copying the parts already in that form — without building a
/// QJsonObject for the requests and replies the gateway translates.
class JsonTree
{
public:
    /// The tree of `json` (an object or an array at the top), or nothing when QJsonDocument would reject it (ask
    /// QJsonDocument for the error then: the failure path is rare and its messages stay Qt's).
    static std::optional<JsonTree> parse(QByteArray json);

    /// The tree of an object built in Qt's model (its compact JSON read back), for the paths that build one.
    static JsonTree of(const QJsonObject& object);

    /// The top-level object or array.
    JsonRef root() const;

    /// One value in the list; an object's members follow it as key, value, key, value…, an array's elements as
    /// values, each value followed by its own subtree.
    struct Node
    {
        enum Type : quint8
        {
            Null,
            False,
            True,
            Number,
            String,
            Array,
            Object
        };
        enum Flag : quint8
        {
            /// The source text is already what QJsonDocument::Compact writes for this value (and all inside it).
            Compact = 1,
            /// A string without escapes (its source text between the quotes is its UTF-8).
            Unescaped = 2,
            /// A string of ASCII characters only.
            Ascii = 4,
            /// A number stored as an integer (QJsonValue holds it exactly).
            Integer = 8,
        };
        quint32 begin = 0; ///< where its source text starts (the quote of a string)
        quint32 end = 0;   ///< where its source text ends (after the closing quote or bracket)
        quint32 next = 0;  ///< the index of the node after its subtree
        quint32 count = 0; ///< elements, or members, of an array or object
        Type type = Null;
        quint8 flags = 0;
        union {
            qint64 integer = 0;
            double number;
        };
    };

private:
    friend class JsonRef;
    struct Data
    {
        QByteArray json;
        std::vector<Node> nodes;
    };
    std::shared_ptr<const Data> m_data;
};

/// A value in a JsonTree (or undefined, like a missing QJsonObject member); valid while its tree lives.
class JsonRef
{
public:
    JsonRef() = default;

    QJsonValue::Type type() const;
    bool isUndefined() const { return !m_node; }
    bool isNull() const { return m_node && m_node->type == JsonTree::Node::Null; }
    bool isBool() const;
    bool isDouble() const { return m_node && m_node->type == JsonTree::Node::Number; }
    bool isString() const { return m_node && m_node->type == JsonTree::Node::String; }
    bool isArray() const { return m_node && m_node->type == JsonTree::Node::Array; }
    bool isObject() const { return m_node && m_node->type == JsonTree::Node::Object; }

    /// As QJsonValue's conversions: the default when the value is of another type (toInt also when it is not an
    /// integer that fits).
    bool toBool(bool defaultValue = false) const;
    double toDouble(double defaultValue = 0) const;
    qint64 toInteger(qint64 defaultValue = 0) const;
    int toInt(int defaultValue = 0) const;
    /// A string's text; empty for other types.
    QString toString() const;
    /// True when this is a string equal to `text` (ASCII), without decoding it.
    bool equals(QLatin1StringView text) const;

    /// This value when it is an object (or an array), else undefined — QJsonValue's toObject() and toArray().
    JsonRef toObject() const { return isObject() ? *this : JsonRef(); }
    JsonRef toArray() const { return isArray() ? *this : JsonRef(); }

    /// An object's member `key` (the last one of duplicates, as QJsonObject keeps), or undefined.
    JsonRef value(QLatin1StringView key) const;
    /// The number of an array's elements or an object's members (duplicates counted), else 0.
    qsizetype size() const { return m_node ? qsizetype(m_node->count) : 0; }

    /// An array's elements, or an object's members as key, value pairs, in the order of the source text.
    class Iterator
    {
    public:
        Iterator(const JsonTree::Data* data, quint32 index, bool members)
            : m_data(data), m_index(index), m_members(members)
        {
        }
        /// The element, or the member's value.
        JsonRef operator*() const;
        /// The member's key (an object's members only).
        JsonRef key() const;
        Iterator& operator++();
        bool operator==(const Iterator& other) const { return m_index == other.m_index; }

    private:
        const JsonTree::Data* m_data = nullptr;
        quint32 m_index = 0;
        bool m_members = false;
    };
    Iterator begin() const;
    Iterator end() const;

    /// The value's source text as the client sent it.
    QByteArrayView source() const;
    /// Appends the value as QJsonDocument::Compact writes the QJsonValue of it (members sorted by key, the last of
    /// duplicate keys kept); `null` for undefined.
    void appendCompact(QByteArray& out) const;
    /// Appends a string as JSON (what toString() holds, written compact), `""` for any other type.
    void appendCompactString(QByteArray& out) const;
    /// The value in Qt's model, for the paths that still work on QJsonObject.
    QJsonValue toJsonValue() const;

private:
    friend class JsonTree;
    JsonRef(const JsonTree::Data* data, const JsonTree::Node* node) : m_data(data), m_node(node) {}
    quint32 indexOf() const { return quint32(m_node - m_data->nodes.data()); }

    const JsonTree::Data* m_data = nullptr;
    const JsonTree::Node* m_node = nullptr;
};

} // namespace llamagate
