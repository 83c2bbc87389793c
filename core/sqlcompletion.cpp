#include "core/sqlcompletion.h"

#include "core/sqlkeywords.h"
#include "core/sqllexer.h"
#include "core/sqlquoting.h"

#include <QSet>

namespace SqlCompletion {

namespace {

const QSet<QString> &keywordSet()
{
    static const QSet<QString> keywords = [] {
        const QStringList list = sqlKeywords();
        return QSet<QString>(list.begin(), list.end());
    }();
    return keywords;
}

bool isKeyword(const QString &word)
{
    return keywordSet().contains(word.toUpper());
}

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c.unicode() > 0x7f;
}

// The name a Word or QuotedName token stands for.
QString nameOf(const QString &sql, const SqlLexer::Token &token)
{
    const QString text = sql.mid(token.start, token.length);
    if (token.kind != SqlLexer::Token::Kind::QuotedName || text.size() < 2)
        return text;
    const QChar open = text.front();
    const QChar close = open == u'[' ? u']' : open;
    QString inner = text.mid(1, text.back() == close ? text.size() - 2 : text.size() - 1);
    if (open != u'[')
        inner.replace(QString(2, close), QString(close));
    return inner;
}

// Names as they can be typed: bare when that reads the same, quoted otherwise.
QString typed(const QString &name)
{
    const bool bare = !name.isEmpty() && !name.front().isDigit() && !isKeyword(name)
                      && std::all_of(name.begin(), name.end(), isIdentifierChar);
    return bare ? name : quoteIdentifier(name);
}

const TableSchema *resolve(const DatabaseSchema &schema, const QList<TableRef> &scope,
                           const QString &name)
{
    for (const TableRef &ref : scope) {
        if (ref.alias.compare(name, Qt::CaseInsensitive) == 0)
            return schema.find(ref.table);
    }
    return schema.find(name);
}

} // namespace

QList<TableRef> tablesInScope(const QString &statement)
{
    QList<SqlLexer::Token> tokens;
    for (const SqlLexer::Token &t : SqlLexer::tokenize(statement)) {
        if (t.kind != SqlLexer::Token::Kind::Space && t.kind != SqlLexer::Token::Kind::Comment)
            tokens.append(t);
    }
    auto isName = [&](qsizetype i) {
        return i < tokens.size()
               && (tokens.at(i).kind == SqlLexer::Token::Kind::QuotedName
                   || (tokens.at(i).kind == SqlLexer::Token::Kind::Word
                       && !isKeyword(nameOf(statement, tokens.at(i)))));
    };
    auto isText = [&](qsizetype i, QStringView text) {
        return i < tokens.size()
               && QStringView(statement)
                          .mid(tokens.at(i).start, tokens.at(i).length)
                          .compare(text, Qt::CaseInsensitive)
                      == 0;
    };

    QList<TableRef> refs;
    // One "[schema.]table [[AS] alias]" at i; returns the index after it.
    auto readRef = [&](qsizetype i) {
        if (!isName(i))
            return i;
        TableRef ref{nameOf(statement, tokens.at(i)), {}};
        ++i;
        if (isText(i, u".") && isName(i + 1)) {
            ref.table = nameOf(statement, tokens.at(i + 1));
            i += 2;
        }
        if (isText(i, u"AS"))
            ++i;
        if (isName(i))
            ref.alias = nameOf(statement, tokens.at(i++));
        refs.append(ref);
        return i;
    };
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (tokens.at(i).kind != SqlLexer::Token::Kind::Word)
            continue;
        const QString word = nameOf(statement, tokens.at(i)).toUpper();
        if (word == u"JOIN" || word == u"UPDATE" || word == u"INTO") {
            readRef(i + 1);
        } else if (word == u"FROM") {
            qsizetype next = readRef(i + 1);
            while (next > i + 1 && isText(next, u","))
                next = readRef(next + 1);
        }
    }
    return refs;
}

Context contextAt(const QString &text, qsizetype offset)
{
    Context context;
    offset = qBound<qsizetype>(0, offset, text.size());
    qsizetype start = offset;
    while (start > 0 && isIdentifierChar(text.at(start - 1)))
        --start;
    context.prefixStart = start;
    context.prefix = text.mid(start, offset - start);
    if (start == 0 || text.at(start - 1) != u'.')
        return context;
    const qsizetype dot = start - 1;
    qsizetype begin = dot;
    if (begin > 0
        && (text.at(begin - 1) == u'"' || text.at(begin - 1) == u'`'
            || text.at(begin - 1) == u']')) {
        const QChar close = text.at(begin - 1);
        const QChar open = close == u']' ? u'[' : close;
        const qsizetype at = text.lastIndexOf(open, begin - 2);
        if (at >= 0)
            context.qualifier = text.mid(at + 1, begin - 2 - at);
        return context;
    }
    while (begin > 0 && isIdentifierChar(text.at(begin - 1)))
        --begin;
    context.qualifier = text.mid(begin, dot - begin);
    return context;
}

QStringList candidates(const DatabaseSchema &schema, const QString &statement,
                       const Context &context)
{
    QStringList out;
    // Names are matched as they read and offered as they must be typed (quoted if need be).
    auto offerName = [&](const QString &name) {
        if (name.startsWith(context.prefix, Qt::CaseInsensitive))
            out << typed(name);
    };
    auto offer = [&](const QString &word) {
        if (word.startsWith(context.prefix, Qt::CaseInsensitive))
            out << word;
    };
    auto offerColumns = [&](const TableSchema &table) {
        for (const ColumnInfo &c : table.columns)
            offerName(c.name);
    };
    const QList<TableRef> scope = tablesInScope(statement);

    if (!context.qualifier.isEmpty()) {
        if (const TableSchema *table = resolve(schema, scope, context.qualifier)) {
            offerColumns(*table);
        } else if (context.qualifier.compare(u"main", Qt::CaseInsensitive) == 0
                   || context.qualifier.compare(u"temp", Qt::CaseInsensitive) == 0) {
            for (const QList<TableSchema> *list : {&schema.tables, &schema.views}) {
                for (const TableSchema &t : *list)
                    offerName(t.name);
            }
        }
    } else {
        bool anyInScope = false;
        for (const TableRef &ref : scope) {
            if (const TableSchema *table = schema.find(ref.table)) {
                offerColumns(*table);
                anyInScope = true;
            }
        }
        for (const QList<TableSchema> *list : {&schema.tables, &schema.views}) {
            for (const TableSchema &t : *list) {
                offerName(t.name);
                if (!anyInScope)
                    offerColumns(t);
            }
        }
        for (const QString &keyword : sqlKeywords())
            offer(keyword);
        for (const QString &function : sqlFunctions())
            offer(function + u'(');
    }
    out.removeDuplicates();
    // In reading order: a quoted name sorts by its name.
    auto key = [](const QString &word) {
        return QStringView(word).mid(word.startsWith(u'"') ? 1 : 0);
    };
    std::sort(out.begin(), out.end(), [&](const QString &a, const QString &b) {
        const int c = key(a).compare(key(b), Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
    return out;
}

} // namespace SqlCompletion
