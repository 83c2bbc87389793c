#include "core/protocol/statementrequest.h"

#include "core/protocol/jsonvalue.h"

#include <QStringDecoder>

#include <charconv>
#include <cmath>

namespace {

// A strict reader over JSON text for the few shapes StatementRequest accepts. Every method
// answers false on anything it does not fully understand, and the caller gives up.
class Reader
{
public:
    explicit Reader(QByteArrayView text)
        : m_p(text.data())
        , m_end(text.data() + text.size())
    {}

    bool atEnd()
    {
        skipSpace();
        return m_p == m_end;
    }

    bool take(char c)
    {
        skipSpace();
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    bool peek(char c)
    {
        skipSpace();
        return m_p != m_end && *m_p == c;
    }

    // A string's raw bytes when it has no escapes (the usual case), else its decoded text.
    bool string(QString *out)
    {
        if (!take('"'))
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

    // Compares a key without decoding it; keys with escapes are not for this reader.
    bool key(QByteArrayView *out)
    {
        if (!take('"'))
            return false;
        const char *begin = m_p;
        while (m_p != m_end && *m_p != '"') {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c < 0x20 || c >= 0x80 || c == '\\')
                return false;
            ++m_p;
        }
        if (m_p == m_end)
            return false;
        *out = QByteArrayView(begin, m_p - begin);
        ++m_p;
        return take(':');
    }

    // JSON's number grammar, strictly; `integral` when it has no fraction and no exponent.
    bool number(double *out, bool *integral)
    {
        skipSpace();
        const char *begin = m_p;
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
        const auto [end, error] = std::from_chars(begin, m_p, *out);
        return error == std::errc() && end == m_p && std::isfinite(*out);
    }

    // null, true, false, a number or a string, decoded as the general path decodes it.
    bool scalar(SqlValue *out)
    {
        skipSpace();
        if (m_p == m_end)
            return false;
        QJsonValue json;
        if (literal("null")) {
            json = QJsonValue(QJsonValue::Null);
        } else if (literal("true")) {
            json = QJsonValue(true);
        } else if (literal("false")) {
            json = QJsonValue(false);
        } else if (*m_p == '"') {
            QString text;
            if (!string(&text))
                return false;
            *out = SqlValue(text);
            return true;
        } else {
            double d = 0;
            bool integral = false;
            if (!number(&d, &integral))
                return false;
            json = QJsonValue(d);
        }
        return JsonValue::decode(json, out);
    }

private:
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    bool digits()
    {
        const char *begin = m_p;
        while (m_p != m_end && isDigit(*m_p))
            ++m_p;
        return m_p != begin;
    }

    bool literal(const char *word)
    {
        const qsizetype size = qsizetype(qstrlen(word));
        if (m_end - m_p < size || QByteArrayView(m_p, size) != QByteArrayView(word, size))
            return false;
        m_p += size;
        return true;
    }

    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }

    static bool decodeUtf8(QByteArrayView bytes, QString *out)
    {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        *out = decoder.decode(bytes);
        return !decoder.hasError();
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool hex4(char16_t *out)
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

    // The rest of a string that holds escapes; `begin` is its first byte, m_p at a backslash.
    bool escapedString(const char *begin, QString *out)
    {
        QByteArray utf8(begin, m_p - begin);
        QString text;
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

    const char *m_p;
    const char *m_end;
};

bool readParams(Reader &reader, StatementRequest *request)
{
    if (!reader.take('{'))
        return false;
    bool seenSql = false, seenParams = false, seenFormat = false, seenPage = false;
    if (reader.take('}'))
        return false; // no sql: the general path words that
    do {
        QByteArrayView name;
        if (!reader.key(&name))
            return false;
        if (name == "sql" && !seenSql) {
            seenSql = true;
            if (!reader.string(&request->statement.sql)
                || request->statement.sql.trimmed().isEmpty())
                return false;
        } else if (name == "params" && !seenParams) {
            seenParams = true;
            if (!reader.take('['))
                return false;
            if (!reader.take(']')) {
                do {
                    SqlValue value;
                    if (!reader.scalar(&value))
                        return false;
                    request->statement.params.append(value);
                } while (reader.take(','));
                if (!reader.take(']'))
                    return false;
            }
        } else if (name == "rowFormat" && !seenFormat) {
            seenFormat = true;
            QString format;
            if (!reader.string(&format))
                return false;
            request->arrayRows = format == u"array";
        } else if (name == "pageSize" && !seenPage) {
            seenPage = true;
            double size = 0;
            bool integral = false;
            if (!reader.number(&size, &integral) || !integral || size < 1 || size > 1e9)
                return false;
            request->pageSize = int(size);
        } else {
            return false;
        }
    } while (reader.take(','));
    return seenSql && reader.take('}');
}

} // namespace

bool StatementRequest::read(QByteArrayView frame, StatementRequest *request)
{
    *request = StatementRequest{};
    Reader reader(frame);
    if (!reader.take('{') || reader.peek('}'))
        return false;
    bool seenId = false, seenMethod = false, seenParams = false;
    do {
        QByteArrayView name;
        if (!reader.key(&name))
            return false;
        if (name == "id" && !seenId) {
            seenId = true;
            if (reader.peek('"')) {
                QString id;
                if (!reader.string(&id))
                    return false;
                request->id = id;
            } else {
                double id = 0;
                bool integral = false;
                if (!reader.number(&id, &integral))
                    return false;
                // As QJsonDocument keeps it: whole numbers that fit as integers.
                if (integral && std::abs(id) < 9.2e18)
                    request->id = qint64(id);
                else
                    request->id = id;
            }
        } else if (name == "method" && !seenMethod) {
            seenMethod = true;
            if (!reader.string(&request->method)
                || (request->method != u"query" && request->method != u"exec"))
                return false;
        } else if (name == "params" && !seenParams) {
            seenParams = true;
            if (!readParams(reader, request))
                return false;
        } else {
            return false;
        }
    } while (reader.take(','));
    if (!reader.take('}') || !reader.atEnd() || !seenId || !seenMethod || !seenParams)
        return false;
    // Paging is for reads; an exec that asks for it gets the general path's answer.
    return request->pageSize == 0 || request->method == u"query";
}
