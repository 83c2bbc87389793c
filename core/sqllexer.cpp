#include "core/sqllexer.h"

namespace SqlLexer {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c.unicode() >= 0x80;
}

// The end of a quoted run starting at `i` (the opening quote), doubled closers included.
qsizetype skipQuoted(QStringView sql, qsizetype i, QChar close)
{
    for (qsizetype j = i + 1; j < sql.size(); ++j) {
        if (sql.at(j) != close)
            continue;
        if (close != u']' && j + 1 < sql.size() && sql.at(j + 1) == close) {
            ++j; // a doubled quote stands for itself
            continue;
        }
        return j + 1;
    }
    return sql.size();
}

} // namespace

QList<Token> tokenize(QStringView sql)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < sql.size()) {
        const QChar c = sql.at(i);
        const QChar next = i + 1 < sql.size() ? sql.at(i + 1) : QChar();
        qsizetype end = i + 1;
        Token::Kind kind = Token::Kind::Other;
        if (c.isSpace()) {
            kind = Token::Kind::Space;
            while (end < sql.size() && sql.at(end).isSpace())
                ++end;
        } else if (c == u'-' && next == u'-') {
            kind = Token::Kind::Comment;
            end = sql.indexOf(u'\n', i);
            end = end < 0 ? sql.size() : end;
        } else if (c == u'/' && next == u'*') {
            kind = Token::Kind::Comment;
            end = sql.indexOf(QStringLiteral("*/"), i + 2);
            end = end < 0 ? sql.size() : end + 2;
        } else if (c == u'\'') {
            kind = Token::Kind::String;
            end = skipQuoted(sql, i, c);
        } else if (c == u'"' || c == u'`') {
            kind = Token::Kind::QuotedName;
            end = skipQuoted(sql, i, c);
        } else if (c == u'[') {
            kind = Token::Kind::QuotedName;
            end = skipQuoted(sql, i, u']');
        } else if (c == u'?') {
            kind = Token::Kind::Parameter;
            while (end < sql.size() && sql.at(end).isDigit())
                ++end;
        } else if ((c == u':' || c == u'@' || c == u'$') && isNameChar(next) && next != u'$') {
            kind = Token::Kind::Parameter;
            while (end < sql.size() && isNameChar(sql.at(end)))
                ++end;
        } else if (c == u';') {
            kind = Token::Kind::Semicolon;
        } else if (isNameChar(c)) {
            kind = Token::Kind::Word;
            while (end < sql.size() && isNameChar(sql.at(end)))
                ++end;
        }
        tokens.append({kind, i, end - i});
        i = end;
    }
    return tokens;
}

} // namespace SqlLexer
