#include "gateway/json/JsonTree.h"

#include "gateway/json/CompactJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace llamagate {

namespace {

using Node = JsonTree::Node;

/// QJsonDocument's parser's depth limit (qjsonparser_p.h).
constexpr int NestingLimit = 1024;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    return isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

/// The bytes a string holds as they are: printable ASCII other than the quote and the backslash.
constexpr std::array<bool, 256> PlainText = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c)
        plain[c] = c != '"' && c != '\\';
    return plain;
}();

/// The length of the well-formed UTF-8 sequence at `p` (not ASCII), or 0 when it is not one: no overlong forms,
/// no surrogates, nothing above U+10FFFF.
qsizetype utf8SequenceLength(const uchar* p, const uchar* end)
{
    const uchar lead = *p;
    qsizetype length = 0;
    char32_t min = 0;
    char32_t code = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        min = 0x80;
        code = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        min = 0x800;
        code = lead & 0x0f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        min = 0x10000;
        code = lead & 0x07;
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    for (qsizetype i = 1; i < length; ++i) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        code = (code << 6) | (p[i] & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return 0;
    return length;
}

/// Whether `d` is a whole number an int64 holds exactly, as QJsonDocument's parser stores such numbers.
bool doubleToInteger(double d, qint64* integer)
{
    if (!std::isfinite(d) || std::trunc(d) != d || d < -9223372036854775808.0 || d >= 9223372036854775808.0)
        return false;
    *integer = qint64(d);
    return true;
}

/// A recursive-descent reader with QJsonDocument's grammar (and its leniencies: any escaped character, raw control
/// characters in strings, "1." as a number), appending one Node per value.
class Parser
{
public:
    Parser(const QByteArray& json, std::vector<Node>& nodes)
        : m_p(json.constData()), m_end(json.constData() + json.size()), m_begin(json.constData()), m_nodes(nodes)
    {
    }

    bool parseDocument()
    {
        if (m_end - m_p > 3 && uchar(m_p[0]) == 0xef && uchar(m_p[1]) == 0xbb && uchar(m_p[2]) == 0xbf)
            m_p += 3;
        skipSpace();
        if (m_p >= m_end || (*m_p != '{' && *m_p != '['))
            return false;
        if (!(*m_p == '{' ? parseObject() : parseArray()))
            return false;
        skipSpace();
        return m_p == m_end;
    }

private:
    void skipSpace()
    {
        const char* start = m_p;
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
        if (m_p != start)
            ++m_spaces;
    }

    quint32 offset(const char* p) const { return quint32(p - m_begin); }

    quint32 push(Node::Type type, quint8 flags)
    {
        Node node;
        node.type = type;
        node.flags = flags;
        node.begin = offset(m_p);
        m_nodes.push_back(node);
        return quint32(m_nodes.size() - 1);
    }

    /// Closes the leaf or container at `index`, whose text ends at m_p.
    void close(quint32 index)
    {
        Node& node = m_nodes[index];
        node.end = offset(m_p);
        node.next = quint32(m_nodes.size());
    }

    bool compact(quint32 index) const { return m_nodes[index].flags & Node::Compact; }

    bool parseValue()
    {
        if (m_p >= m_end)
            return false;
        switch (*m_p) {
        case 'n':
            return parseLiteral("null", Node::Null);
        case 't':
            return parseLiteral("true", Node::True);
        case 'f':
            return parseLiteral("false", Node::False);
        case '"':
            return parseString();
        case '[':
            return parseArray();
        case '{':
            return parseObject();
        case ',':
        case ']':
        case '}':
            return false;
        default:
            return parseNumber();
        }
    }

    bool parseLiteral(QByteArrayView word, Node::Type type)
    {
        // Like Qt's parser, a literal must be followed by at least one more byte (a document never ends in one).
        if (m_end - m_p <= word.size() || QByteArrayView(m_p, word.size()) != word)
            return false;
        const quint32 index = push(type, Node::Compact);
        m_p += word.size();
        close(index);
        return true;
    }

    bool parseString()
    {
        const quint32 index = push(Node::String, 0);
        ++m_p; // the opening quote
        bool escaped = false;
        bool ascii = true;
        bool control = false;
        while (true) {
            while (m_p < m_end && PlainText[uchar(*m_p)])
                ++m_p;
            if (m_p >= m_end)
                return false;
            const auto c = uchar(*m_p);
            if (c == '"')
                break;
            if (c == '\\') {
                escaped = true;
                if (++m_p >= m_end)
                    return false;
                if (*m_p++ == 'u') {
                    if (m_end - m_p < 4 || !std::all_of(m_p, m_p + 4, isHexDigit))
                        return false;
                    m_p += 4;
                }
                continue; // Qt takes any other escaped byte as the character itself
            }
            if (c < 0x80) {
                control = control || c < 0x20;
                ++m_p;
                continue;
            }
            ascii = false;
            const qsizetype length =
                utf8SequenceLength(reinterpret_cast<const uchar*>(m_p), reinterpret_cast<const uchar*>(m_end));
            if (length == 0)
                return false;
            m_p += length;
        }
        ++m_p;            // the closing quote
        if (m_p >= m_end) // as in Qt's parser: a string never ends the document
            return false;
        Node& node = m_nodes[index];
        if (!escaped) {
            node.flags |= Node::Unescaped;
            if (!control)
                node.flags |= Node::Compact;
        }
        if (ascii && !escaped)
            node.flags |= Node::Ascii;
        close(index);
        return true;
    }

    bool parseNumber()
    {
        const char* start = m_p;
        bool wholeLiteral = true; // no fraction or exponent
        bool zeroFraction = true; // Qt reads "1.0" as an integer too
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p < m_end && *m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && *m_p == '.') {
            wholeLiteral = false;
            ++m_p;
            while (m_p < m_end && isDigit(*m_p)) {
                zeroFraction = zeroFraction && *m_p == '0';
                ++m_p;
            }
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            wholeLiteral = false;
            zeroFraction = false;
            ++m_p;
            if (m_p < m_end && (*m_p == '-' || *m_p == '+'))
                ++m_p;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p >= m_end)
            return false;

        Node node;
        node.type = Node::Number;
        node.begin = offset(start);
        node.end = offset(m_p);
        node.next = quint32(m_nodes.size() + 1);
        const QByteArray literal = QByteArray::fromRawData(start, m_p - start);
        bool ok = false;
        const bool negative = *start == '-';
        const qsizetype digitCount = literal.size() - (negative ? 1 : 0);
        if (wholeLiteral && digitCount > 0 &&
            digitCount <= 18) { // fits in an int64 whatever its digits: no need for Qt
            qint64 value = 0;
            for (const char* digit = start + (negative ? 1 : 0); digit < m_p; ++digit)
                value = value * 10 + (*digit - '0');
            node.integer = negative ? -value : value;
            node.flags = Node::Integer | (negative && value == 0 ? 0 : Node::Compact);
            m_nodes.push_back(node);
            return true;
        }
        if (zeroFraction) {
            node.integer = literal.toLongLong(&ok);
            if (ok) {
                node.flags = Node::Integer;
                if (wholeLiteral && !literal.startsWith("-0"))
                    node.flags |= Node::Compact;
            }
        }
        if (!ok) {
            const double number = literal.toDouble(&ok);
            if (!ok)
                return false;
            if (doubleToInteger(number, &node.integer))
                node.flags = Node::Integer;
            else
                node.number = number;
        }
        m_nodes.push_back(node);
        return true;
    }

    bool parseArray()
    {
        if (++m_depth > NestingLimit)
            return false;
        const quint32 index = push(Node::Array, 0);
        const int spacesBefore = m_spaces;
        ++m_p; // [
        bool compactItems = true;
        quint32 count = 0;
        skipSpace();
        if (m_p >= m_end)
            return false;
        if (*m_p == ']') {
            ++m_p;
        } else {
            while (true) {
                skipSpace();
                const quint32 item = quint32(m_nodes.size());
                if (!parseValue())
                    return false;
                compactItems = compactItems && compact(item);
                ++count;
                skipSpace();
                if (m_p >= m_end)
                    return false;
                const char token = *m_p++;
                if (token == ']')
                    break;
                if (token != ',')
                    return false;
            }
        }
        --m_depth;
        Node& node = m_nodes[index];
        node.count = count;
        if (compactItems && m_spaces == spacesBefore)
            node.flags |= Node::Compact;
        close(index);
        return true;
    }

    bool parseObject()
    {
        if (++m_depth > NestingLimit)
            return false;
        const quint32 index = push(Node::Object, 0);
        const int spacesBefore = m_spaces;
        ++m_p; // {
        // Compact as written: plain ASCII keys in strictly ascending order, compact values, no spaces.
        bool compactMembers = true;
        QByteArrayView previousKey;
        quint32 count = 0;
        skipSpace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
        } else {
            while (true) {
                if (m_p >= m_end || *m_p != '"')
                    return false;
                const quint32 key = quint32(m_nodes.size());
                if (!parseString())
                    return false;
                skipSpace();
                if (m_p >= m_end || *m_p != ':')
                    return false;
                ++m_p;
                skipSpace();
                const quint32 value = quint32(m_nodes.size());
                if (!parseValue())
                    return false;
                ++count;
                if (compactMembers) {
                    const Node& keyNode = m_nodes[key];
                    const QByteArrayView keyText(m_begin + keyNode.begin + 1, keyNode.end - keyNode.begin - 2);
                    const bool plainKey =
                        (keyNode.flags & (Node::Compact | Node::Ascii)) == (Node::Compact | Node::Ascii);
                    compactMembers = plainKey && compact(value) && (count == 1 || previousKey < keyText);
                    previousKey = keyText;
                }
                skipSpace();
                if (m_p >= m_end)
                    return false;
                const char token = *m_p++;
                if (token == '}')
                    break;
                if (token != ',')
                    return false;
                skipSpace();
            }
        }
        --m_depth;
        Node& node = m_nodes[index];
        node.count = count;
        if (compactMembers && m_spaces == spacesBefore)
            node.flags |= Node::Compact;
        close(index);
        return true;
    }

    const char* m_p;
    const char* const m_end;
    const char* const m_begin;
    std::vector<Node>& m_nodes;
    int m_depth = 0;
    int m_spaces = 0; ///< runs of whitespace skipped so far (a container with any inside is not compact)
};

/// A member of an object being written: its key (as bytes when every key is plain ASCII, else decoded) and value.
struct Member
{
    QByteArrayView plainKey;
    QString key;
    JsonRef keyRef;
    JsonRef value;
};

/// std::stable_sort, by insertion for the few members most objects have (stable_sort takes a buffer from the heap).
template <typename Less> void stableSort(QVarLengthArray<Member, 16>& members, Less less)
{
    if (members.size() > 16) {
        std::stable_sort(members.begin(), members.end(), less);
        return;
    }
    for (qsizetype i = 1; i < members.size(); ++i) {
        for (qsizetype j = i; j > 0 && less(members[j], members[j - 1]); --j)
            std::swap(members[j], members[j - 1]);
    }
}

} // namespace

std::optional<JsonTree> JsonTree::parse(QByteArray json)
{
    // The nodes are collected in a list this thread keeps, and the tree gets an exact copy: one small allocation
    // per document. (Reserving a guess from the size asked glibc for more than 1 KiB for Ollama's every reply, and a
    // request that large makes it consolidate all its freed small blocks first, on every request.)
    constexpr size_t kMaxKeptNodes = 4096; // a larger document's list is not kept for the next one
    thread_local std::vector<Node> scratch;
    scratch.clear();
    const bool parsed = Parser(json, scratch).parseDocument();
    std::optional<JsonTree> tree;
    if (parsed) {
        auto data = std::make_shared<Data>();
        data->json = std::move(json);
        data->nodes.assign(scratch.begin(), scratch.end());
        tree.emplace();
        tree->m_data = std::move(data);
    }
    if (scratch.capacity() > kMaxKeptNodes)
        scratch = {};
    return tree;
}

JsonTree JsonTree::of(const QJsonObject& object)
{
    return *parse(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

JsonRef JsonTree::root() const
{
    return JsonRef(m_data.get(), m_data->nodes.data());
}

QJsonValue::Type JsonRef::type() const
{
    if (!m_node)
        return QJsonValue::Undefined;
    switch (m_node->type) {
    case Node::Null:
        return QJsonValue::Null;
    case Node::False:
    case Node::True:
        return QJsonValue::Bool;
    case Node::Number:
        return QJsonValue::Double;
    case Node::String:
        return QJsonValue::String;
    case Node::Array:
        return QJsonValue::Array;
    case Node::Object:
        return QJsonValue::Object;
    }
    return QJsonValue::Undefined;
}

bool JsonRef::isBool() const
{
    return m_node && (m_node->type == Node::True || m_node->type == Node::False);
}

bool JsonRef::toBool(bool defaultValue) const
{
    return isBool() ? m_node->type == Node::True : defaultValue;
}

double JsonRef::toDouble(double defaultValue) const
{
    if (!isDouble())
        return defaultValue;
    return (m_node->flags & Node::Integer) ? double(m_node->integer) : m_node->number;
}

qint64 JsonRef::toInteger(qint64 defaultValue) const
{
    if (!isDouble())
        return defaultValue;
    if (m_node->flags & Node::Integer)
        return m_node->integer;
    qint64 integer = 0;
    return doubleToInteger(m_node->number, &integer) ? integer : defaultValue;
}

int JsonRef::toInt(int defaultValue) const
{
    if (!isDouble())
        return defaultValue;
    const qint64 integer = toInteger(qint64(INT_MAX) + 1);
    return integer >= INT_MIN && integer <= INT_MAX ? int(integer) : defaultValue;
}

QString JsonRef::toString() const
{
    if (!isString())
        return {};
    const char* text = m_data->json.constData() + m_node->begin + 1;
    const qsizetype size = m_node->end - m_node->begin - 2;
    if (m_node->flags & Node::Ascii)
        return QString::fromLatin1(text, size);
    if (m_node->flags & Node::Unescaped)
        return QString::fromUtf8(text, size);
    QString decoded;
    decoded.reserve(size);
    const char* const end = text + size;
    const char* p = text;
    while (p < end) {
        const char* run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p != run)
            decoded += QString::fromUtf8(run, p - run);
        if (p == end)
            break;
        const char escaped = p[1];
        p += 2;
        switch (escaped) {
        case 'b':
            decoded += QChar(0x8);
            break;
        case 'f':
            decoded += QChar(0xc);
            break;
        case 'n':
            decoded += QChar(0xa);
            break;
        case 'r':
            decoded += QChar(0xd);
            break;
        case 't':
            decoded += QChar(0x9);
            break;
        case 'u':
            decoded +=
                QChar(char16_t(hexValue(p[0]) << 12 | hexValue(p[1]) << 8 | hexValue(p[2]) << 4 | hexValue(p[3])));
            p += 4;
            break;
        default: // '"', '\\', '/' and Qt's leniency: any other byte stands for itself (as a Latin-1 code point)
            decoded += QChar(uchar(escaped));
        }
    }
    return decoded;
}

bool JsonRef::equals(QLatin1StringView text) const
{
    if (!isString())
        return false;
    if (m_node->flags & Node::Unescaped)
        return QByteArrayView(m_data->json.constData() + m_node->begin + 1, m_node->end - m_node->begin - 2) ==
               QByteArrayView(text.data(), text.size());
    return toString() == text;
}

JsonRef JsonRef::value(QLatin1StringView key) const
{
    if (!isObject())
        return {};
    // Straight over the key nodes (a member's value follows its key): no iterator, and a plain key compared as bytes.
    const Node* const nodes = m_data->nodes.data();
    const char* const json = m_data->json.constData();
    const Node* found = nullptr;
    for (quint32 index = indexOf() + 1; index < m_node->next; index = nodes[index + 1].next) {
        const Node& keyNode = nodes[index];
        const bool same = (keyNode.flags & Node::Unescaped)
                              ? keyNode.end - keyNode.begin - 2 == quint32(key.size()) &&
                                    std::equal(key.begin(), key.end(), json + keyNode.begin + 1)
                              : JsonRef(m_data, &keyNode).equals(key);
        if (same)
            found = &nodes[index + 1]; // the last of duplicate keys wins, as in QJsonObject
    }
    return found ? JsonRef(m_data, found) : JsonRef();
}

JsonRef JsonRef::Iterator::operator*() const
{
    return JsonRef(m_data, &m_data->nodes[m_members ? m_index + 1 : m_index]);
}

JsonRef JsonRef::Iterator::key() const
{
    return JsonRef(m_data, &m_data->nodes[m_index]);
}

JsonRef::Iterator& JsonRef::Iterator::operator++()
{
    m_index = m_data->nodes[m_members ? m_index + 1 : m_index].next;
    return *this;
}

JsonRef::Iterator JsonRef::begin() const
{
    if (!isArray() && !isObject())
        return end();
    return Iterator(m_data, indexOf() + 1, isObject());
}

JsonRef::Iterator JsonRef::end() const
{
    return Iterator(m_data, m_node ? m_node->next : 0, isObject());
}

QByteArrayView JsonRef::source() const
{
    if (!m_node)
        return {};
    return QByteArrayView(m_data->json.constData() + m_node->begin, m_node->end - m_node->begin);
}

void JsonRef::appendCompact(QByteArray& out) const
{
    if (!m_node) {
        out += "null";
        return;
    }
    if (m_node->flags & Node::Compact) {
        out += source();
        return;
    }
    switch (m_node->type) {
    case Node::Null:
    case Node::False:
    case Node::True:
        out += source();
        return;
    case Node::Number:
        if (m_node->flags & Node::Integer)
            CompactJson::appendInteger(out, m_node->integer);
        else
            CompactJson::appendValue(out, QJsonValue(m_node->number));
        return;
    case Node::String:
        if (m_node->flags & Node::Unescaped)
            CompactJson::appendUtf8String(out, source().sliced(1, source().size() - 2));
        else
            CompactJson::appendString(out, toString());
        return;
    case Node::Array: {
        out += '[';
        bool first = true;
        for (const JsonRef item : *this) {
            if (!first)
                out += ',';
            first = false;
            item.appendCompact(out);
        }
        out += ']';
        return;
    }
    case Node::Object: {
        // QJsonObject's order: sorted by key (UTF-16), the last of equal keys kept.
        QVarLengthArray<Member, 16> members;
        bool plainKeys = true;
        for (auto it = begin(); it != end(); ++it) {
            const JsonRef key = it.key();
            plainKeys =
                plainKeys && (key.m_node->flags & (Node::Compact | Node::Ascii)) == (Node::Compact | Node::Ascii);
            members.append(Member{key.source().sliced(1, key.source().size() - 2), {}, key, *it});
        }
        if (plainKeys) {
            stableSort(members, [](const Member& a, const Member& b) { return a.plainKey < b.plainKey; });
        } else {
            for (Member& member : members)
                member.key = member.keyRef.toString();
            stableSort(members, [](const Member& a, const Member& b) { return a.key < b.key; });
        }
        out += '{';
        bool first = true;
        for (qsizetype i = 0; i < members.size(); ++i) {
            const bool sameAsNext =
                i + 1 < members.size() &&
                (plainKeys ? members[i].plainKey == members[i + 1].plainKey : members[i].key == members[i + 1].key);
            if (sameAsNext)
                continue; // a later duplicate replaces it
            if (!first)
                out += ',';
            first = false;
            const Node& keyNode = *members[i].keyRef.m_node;
            const Node& valueNode = *members[i].value.m_node;
            if (plainKeys && (valueNode.flags & Node::Compact) && valueNode.begin == keyNode.end + 1) {
                // `"key":value` as sent, only out of order: copied whole.
                out += QByteArrayView(m_data->json.constData() + keyNode.begin, valueNode.end - keyNode.begin);
                continue;
            }
            members[i].keyRef.appendCompact(out);
            out += ':';
            members[i].value.appendCompact(out);
        }
        out += '}';
        return;
    }
    }
}

void JsonRef::appendCompactString(QByteArray& out) const
{
    if (isString())
        appendCompact(out);
    else
        out += "\"\"";
}

QJsonValue JsonRef::toJsonValue() const
{
    switch (type()) {
    case QJsonValue::Undefined:
        return QJsonValue(QJsonValue::Undefined);
    case QJsonValue::Null:
        return QJsonValue(QJsonValue::Null);
    case QJsonValue::Bool:
        return toBool();
    case QJsonValue::Double:
        if (m_node->flags & Node::Integer)
            return QJsonValue(m_node->integer);
        return m_node->number;
    case QJsonValue::String:
        return toString();
    case QJsonValue::Array: {
        QJsonArray array;
        for (const JsonRef item : *this)
            array.append(item.toJsonValue());
        return array;
    }
    case QJsonValue::Object: {
        QJsonObject object;
        for (auto it = begin(); it != end(); ++it)
            object.insert(it.key().toString(), (*it).toJsonValue());
        return object;
    }
    }
    return {};
}

} // namespace llamagate
