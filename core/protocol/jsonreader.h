#pragma once

#include "core/sqlvalue.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstring>

// A strict reader over compact JSON text, for the fast readers of the contract's most common
// frames (StatementRequest, RpcCodec::readResultFrame, ResultPage::read). Building a
// QJsonDocument costs more than a point SELECT does; these readers take the few shapes they
// know straight from the bytes.
//
// Every method answers false on anything it does not fully understand (malformed JSON, lone
// surrogates, bad UTF-8, nesting deeper than kMaxDepth) and its caller then gives up: the
// general path, through QJsonDocument, reads the frame instead and words any error.
class JsonReader
{
public:
    explicit JsonReader(QByteArrayView text)
        : m_p(text.data())
        , m_end(text.data() + text.size())
    {}

    static constexpr int kMaxDepth = 64;

    // Whether a member name read by key() is `literal`: a length check, then the bytes.
    template<qsizetype N>
    static bool is(QByteArrayView name, const char (&literal)[N])
    {
        return name.size() == N - 1 && std::memcmp(name.data(), literal, N - 1) == 0;
    }

    bool atEnd()
    {
        skipSpace();
        return m_p == m_end;
    }
    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    // Takes `bytes` (after any whitespace) when they come next, as they are.
    bool takeText(QByteArrayView bytes)
    {
        skipSpace();
        if (m_end - m_p < bytes.size() || std::memcmp(m_p, bytes.data(), bytes.size()) != 0)
            return false;
        m_p += bytes.size();
        return true;
    }
    // Takes `c` (after any whitespace) when it is next.
    bool take(char c)
    {
        if (!peek(c))
            return false;
        ++m_p;
        return true;
    }
    bool peek(char c)
    {
        skipSpace();
        return m_p != m_end && *m_p == c;
    }

    // An object: `member(name)` is called with the reader at each member's value, reads it,
    // and answers false to give up.
    template<typename Member>
    bool object(Member &&member)
    {
        if (!take('{'))
            return false;
        if (take('}'))
            return true;
        do {
            QByteArrayView name;
            if (!key(&name) || !member(name))
                return false;
        } while (take(','));
        return take('}');
    }
    // An object whose members usually come in `order`, each given as its writer puts it: the
    // name, quoted, and the colon. A member is tried first as those bytes where that writer puts
    // it (or one later, as members may be left out), which costs one comparison; any other is
    // read by name and looked up. `member(index)` is called with the reader at the value of
    // order[index], or of a name not in it (-1), reads it, and answers false to give up.
    template<qsizetype N, typename Member>
    bool objectInOrder(const QByteArrayView (&order)[N], Member &&member)
    {
        if (!take('{'))
            return false;
        if (take('}'))
            return true;
        qsizetype next = 0;
        do {
            qsizetype index = -1;
            for (qsizetype k = next; k < N && k < next + 2 && index < 0; ++k) {
                if (takeText(order[k]))
                    index = k;
            }
            if (index < 0) {
                QByteArrayView name;
                if (!key(&name))
                    return false;
                for (qsizetype k = 0; k < N && index < 0; ++k) {
                    if (order[k].size() == name.size() + 3
                        && std::memcmp(order[k].data() + 1, name.data(), name.size()) == 0)
                        index = k;
                }
            }
            if (index >= 0)
                next = index + 1;
            if (!member(index))
                return false;
        } while (take(','));
        return take('}');
    }
    // An array: `element()` reads each element, answering false to give up.
    template<typename Element>
    bool array(Element &&element)
    {
        if (!take('['))
            return false;
        if (take(']'))
            return true;
        do {
            if (!element())
                return false;
        } while (take(','));
        return take(']');
    }

    // A string, decoded.
    bool string(QString *out);
    // The last string read with it, as written and decoded: for a text that comes again and
    // again (a point query's SQL), which then costs a comparison instead of a new string.
    struct StringMemo
    {
        QByteArray written; // with its quotes
        QString decoded;
    };
    bool string(QString *out, StringMemo *memo);
    // A string of printable ASCII without escapes, not decoded; any other is not for it.
    bool plainString(QByteArrayView *out);
    // An object member's name (a plain string) and its colon: names with escapes or beyond
    // ASCII are not for the fast readers.
    bool key(QByteArrayView *out) { return plainString(out) && take(':'); }
    // JSON's number grammar, strictly; `integral` when it has no fraction and no exponent.
    bool number(double *out, bool *integral);
    bool boolean(bool *out);
    // null, true, false, a number or a string, decoded as JsonValue::decode decodes it.
    bool scalar(SqlValue *out);
    // Any value of PROTOCOL.md §2.1: a scalar, or one of the {"$int"|"$real"|"$blob": ...}
    // objects, which are rare enough to go through JsonValue::decode.
    bool sqlValue(SqlValue *out);
    // Steps over one value of any kind, checking it all, and gives its text.
    bool skip(QByteArrayView *text = nullptr);
    // Finds where one value ends, minding only strings and brackets, and gives its text: for
    // a caller that checks the text itself afterwards, so that it is read once, not twice.
    bool skipUnchecked(QByteArrayView *text);

private:
    bool skipValue(int depth);
    // Steps over the string m_p is at, without keeping it.
    bool skipString();
    bool digits();
    // The grammar of a JSON number, stepped over; `integral` as for number().
    bool numberText(bool *integral);
    bool literal(QByteArrayView word);
    bool startsWith(QByteArrayView bytes) const;
    // Inline: compact JSON has no whitespace, and this is called before every token.
    void skipSpace()
    {
        while (m_p != m_end && isSpace(*m_p))
            ++m_p;
    }
    bool hex4(char16_t *out);
    bool escapedString(const char *begin, QString *out);

    const char *m_p;
    const char *m_end;
};
