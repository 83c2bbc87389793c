#include "core/protocol/jsonreader.h"

#include "core/protocol/jsonvalue.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include <array>
#include <charconv>
#include <cmath>

namespace {

// Byte tables for the scanning loops, which run over every byte of every frame.
using ByteTable = std::array<bool, 256>;

template<typename Predicate>
constexpr ByteTable byteTable(Predicate predicate)
{
    ByteTable table{};
    for (int c = 0; c < 256; ++c)
        table[size_t(c)] = predicate(c);
    return table;
}

// Where a string of plain ASCII stops: its end, an escape, a control character, UTF-8.
constexpr ByteTable kEndsPlainText
    = byteTable([](int c) { return c == '"' || c == '\\' || c < 0x20 || c >= 0x80; });
// Where delimiting stops: strings, brackets and commas.
constexpr ByteTable kStructural = byteTable(
    [](int c) { return c == '"' || c == '{' || c == '}' || c == '[' || c == ']' || c == ','; });
// Inside a string, for delimiting only: its end or an escape.
constexpr ByteTable kEndsQuoted = byteTable([](int c) { return c == '"' || c == '\\'; });

bool at(const ByteTable &table, char c)
{
    return table[static_cast<unsigned char>(c)];
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool decodeUtf8(QByteArrayView bytes, QString *out)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = decoder.decode(bytes);
    return !decoder.hasError();
}

} // namespace

bool JsonReader::string(QString *out)
{
    if (!take('"'))
        return false;
    // A leading byte order mark, raw or escaped, is kept or dropped by QJsonDocument depending
    // on how the rest of the string is written: such strings are the general path's.
    if (startsWith("\xEF\xBB\xBF")
        || (startsWith("\\u") && m_end - m_p >= 6
            && QByteArrayView(m_p + 2, 4).compare("feff", Qt::CaseInsensitive) == 0))
        return false;
    const char *begin = m_p;
    bool ascii = true;
    while (m_p != m_end && *m_p != '"' && *m_p != '\\') {
        const auto c = static_cast<unsigned char>(*m_p);
        if (c < 0x20)
            return false;
        ascii = ascii && c < 0x80;
        ++m_p;
    }
    if (m_p == m_end)
        return false;
    if (*m_p == '"') {
        const QByteArrayView bytes(begin, m_p - begin);
        ++m_p;
        if (ascii) {
            *out = QString::fromLatin1(bytes);
            return true;
        }
        return decodeUtf8(bytes, out);
    }
    return escapedString(begin, out);
}

bool JsonReader::string(QString *out, StringMemo *memo)
{
    skipSpace();
    // The remembered text ends with its closing quote, so equal bytes are the whole string.
    const qsizetype size = memo->written.size();
    if (size > 0 && m_end - m_p >= size && std::memcmp(m_p, memo->written.constData(), size) == 0) {
        m_p += size;
        *out = memo->decoded;
        return true;
    }
    const char *begin = m_p;
    if (!string(out))
        return false;
    memo->written = QByteArray(begin, m_p - begin);
    memo->decoded = *out;
    return true;
}

bool JsonReader::plainString(QByteArrayView *out)
{
    if (!take('"'))
        return false;
    const char *begin = m_p;
    while (m_p != m_end && !at(kEndsPlainText, *m_p))
        ++m_p;
    if (m_p == m_end || *m_p != '"')
        return false;
    *out = QByteArrayView(begin, m_p - begin);
    ++m_p;
    return true;
}

bool JsonReader::digits()
{
    const char *begin = m_p;
    while (m_p != m_end && isDigit(*m_p))
        ++m_p;
    return m_p != begin;
}

bool JsonReader::number(double *out, bool *integral)
{
    skipSpace();
    const char *begin = m_p;
    if (!numberText(integral))
        return false;
    // Short whole numbers, most of them, are exact as a double: no need for the full parse.
    const bool negative = *begin == '-';
    if (*integral && m_p - begin - negative <= 15) {
        qint64 value = 0;
        for (const char *p = begin + negative; p != m_p; ++p)
            value = value * 10 + (*p - '0');
        *out = negative ? -double(value) : double(value);
        return true;
    }
    const auto [end, error] = std::from_chars(begin, m_p, *out);
    return error == std::errc() && end == m_p && std::isfinite(*out);
}

bool JsonReader::numberText(bool *integral)
{
    if (m_p != m_end && *m_p == '-')
        ++m_p;
    if (m_p == m_end)
        return false;
    if (*m_p == '0') {
        ++m_p;
    } else if (*m_p >= '1' && *m_p <= '9') {
        while (m_p != m_end && isDigit(*m_p))
            ++m_p;
    } else {
        return false;
    }
    *integral = true;
    if (m_p != m_end && *m_p == '.') {
        ++m_p;
        if (!digits())
            return false;
        *integral = false;
    }
    if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (!digits())
            return false;
        *integral = false;
    }
    return true;
}

bool JsonReader::literal(QByteArrayView word)
{
    skipSpace();
    if (m_end - m_p < word.size() || QByteArrayView(m_p, word.size()) != word)
        return false;
    m_p += word.size();
    return true;
}

bool JsonReader::boolean(bool *out)
{
    if (literal("true"))
        *out = true;
    else if (literal("false"))
        *out = false;
    else
        return false;
    return true;
}

bool JsonReader::scalar(SqlValue *out)
{
    skipSpace();
    if (m_p == m_end)
        return false;
    if (*m_p == '"') {
        QString text;
        if (!string(&text))
            return false;
        *out = SqlValue(text);
        return true;
    }
    // As JsonValue::decode takes them; numbers, the common case, are told by their first byte.
    if (*m_p == '-' || isDigit(*m_p)) {
        double d = 0;
        bool integral = false;
        if (!number(&d, &integral))
            return false;
        *out = JsonValue::fromNumber(d);
        return true;
    }
    bool flag = false;
    if (literal("null"))
        *out = SqlValue();
    else if (boolean(&flag))
        *out = SqlValue(qint64(flag ? 1 : 0));
    else
        return false;
    return true;
}

bool JsonReader::sqlValue(SqlValue *out)
{
    if (!peek('{'))
        return scalar(out);
    QByteArrayView text;
    if (!skip(&text))
        return false;
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray());
    return document.isObject() && JsonValue::decode(document.object(), out);
}

bool JsonReader::skip(QByteArrayView *text)
{
    skipSpace();
    const char *begin = m_p;
    if (!skipValue(0))
        return false;
    if (text)
        *text = QByteArrayView(begin, m_p - begin);
    return true;
}

bool JsonReader::skipUnchecked(QByteArrayView *text)
{
    skipSpace();
    const char *begin = m_p;
    int depth = 0;
    while (m_p != m_end) {
        while (m_p != m_end && !at(kStructural, *m_p))
            ++m_p;
        if (m_p == m_end)
            break;
        const char c = *m_p;
        if (c == '"') {
            for (++m_p;; ++m_p) {
                while (m_p != m_end && !at(kEndsQuoted, *m_p))
                    ++m_p;
                if (m_p == m_end)
                    return false;
                if (*m_p == '"')
                    break;
                if (++m_p == m_end) // the escaped character
                    return false;
            }
            ++m_p;
            if (depth == 0)
                break; // a string on its own
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                break; // the end of what holds a number or a literal
            if (--depth == 0) {
                ++m_p;
                break;
            }
        } else if (c == ',' && depth == 0) {
            break;
        }
        ++m_p;
    }
    if (m_p == begin || depth != 0)
        return false;
    *text = QByteArrayView(begin, m_p - begin);
    return true;
}

bool JsonReader::skipValue(int depth)
{
    skipSpace();
    if (m_p == m_end || depth > kMaxDepth)
        return false;
    switch (*m_p) {
    case '"':
        return skipString();
    case '{': {
        ++m_p;
        if (take('}'))
            return true;
        do {
            if (!peek('"') || !skipString() || !take(':') || !skipValue(depth + 1))
                return false;
        } while (take(','));
        return take('}');
    }
    case '[': {
        ++m_p;
        if (take(']'))
            return true;
        do {
            if (!skipValue(depth + 1))
                return false;
        } while (take(','));
        return take(']');
    }
    case 't':
        return literal("true");
    case 'f':
        return literal("false");
    case 'n':
        return literal("null");
    default: {
        const char *begin = m_p;
        bool integral = false;
        if (!numberText(&integral))
            return false;
        // Without an exponent, and short, a number cannot overflow: no need to convert it.
        const QByteArrayView text(begin, m_p - begin);
        if (text.size() < 300 && !text.contains('e') && !text.contains('E'))
            return true;
        m_p = begin;
        double ignored = 0;
        return number(&ignored, &integral);
    }
    }
}

bool JsonReader::startsWith(QByteArrayView bytes) const
{
    return m_end - m_p >= bytes.size() && QByteArrayView(m_p, bytes.size()) == bytes;
}

bool JsonReader::skipString()
{
    // Plain ASCII is checked in place; escapes and other characters take the decoding path,
    // which checks them.
    const char *p = m_p + 1;
    while (p != m_end && !at(kEndsPlainText, *p))
        ++p;
    if (p != m_end && *p == '"') {
        m_p = p + 1;
        return true;
    }
    QString ignored;
    return string(&ignored);
}

bool JsonReader::hex4(char16_t *out)
{
    if (m_end - m_p < 4)
        return false;
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(m_p[i]);
        if (digit < 0)
            return false;
        value = value * 16 + digit;
    }
    m_p += 4;
    *out = char16_t(value);
    return true;
}

bool JsonReader::escapedString(const char *begin, QString *out)
{
    QByteArray utf8(begin, m_p - begin);
    while (m_p != m_end && *m_p != '"') {
        const auto c = static_cast<unsigned char>(*m_p);
        if (c < 0x20)
            return false;
        if (c != '\\') {
            utf8.append(char(c));
            ++m_p;
            continue;
        }
        if (++m_p == m_end)
            return false;
        const char escape = *m_p++;
        switch (escape) {
        case '"':
        case '\\':
        case '/':
            utf8.append(escape);
            break;
        case 'b':
            utf8.append('\b');
            break;
        case 'f':
            utf8.append('\f');
            break;
        case 'n':
            utf8.append('\n');
            break;
        case 'r':
            utf8.append('\r');
            break;
        case 't':
            utf8.append('\t');
            break;
        case 'u': {
            char16_t unit = 0;
            if (!hex4(&unit))
                return false;
            // Lone surrogates are left to the general path.
            if (QChar::isLowSurrogate(unit))
                return false;
            if (QChar::isHighSurrogate(unit)) {
                char16_t low = 0;
                if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                    return false;
                m_p += 2;
                if (!hex4(&low) || !QChar::isLowSurrogate(low))
                    return false;
                const char16_t pair[] = {unit, low};
                utf8.append(QString(reinterpret_cast<const QChar *>(pair), 2).toUtf8());
            } else {
                const QChar one(unit);
                utf8.append(QString(one).toUtf8());
            }
            break;
        }
        default:
            return false;
        }
    }
    if (m_p == m_end)
        return false;
    ++m_p;
    return decodeUtf8(utf8, out);
}
