#include "core/sqlscript.h"

#include "core/sqlkeywords.h"
#include "core/sqllexer.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace SqlScript {

namespace {

using Kind = SqlLexer::Token::Kind;

QString tr(const char *text)
{
    return QCoreApplication::translate("SqlScript", text);
}

bool isBlank(const QString &text)
{
    for (const SqlLexer::Token &t : SqlLexer::tokenize(text)) {
        if (t.kind != Kind::Space && t.kind != Kind::Comment && t.kind != Kind::Semicolon)
            return false;
    }
    return true;
}

// The words of `sql` outside strings, quoted names and comments, upper-cased; with `topLevel`
// only those outside parentheses (not in a WITH clause's subqueries, say).
QStringList words(const QString &sql, bool topLevel = false)
{
    QStringList out;
    int depth = 0;
    for (const SqlLexer::Token &t : SqlLexer::tokenize(sql)) {
        if (t.kind == Kind::Other && sql.at(t.start) == u'(')
            ++depth;
        else if (t.kind == Kind::Other && sql.at(t.start) == u')')
            depth = qMax(0, depth - 1);
        else if (t.kind == Kind::Word && (!topLevel || depth == 0))
            out << sql.mid(t.start, t.length).toUpper();
    }
    return out;
}

} // namespace

QList<Piece> split(const QString &script)
{
    QList<Piece> pieces;
    qsizetype start = 0;
    auto add = [&](qsizetype end) {
        const QString text = script.mid(start, end - start);
        if (!isBlank(text)) {
            // Leading whitespace is not part of the statement.
            qsizetype skip = 0;
            while (skip < text.size() && text.at(skip).isSpace())
                ++skip;
            pieces.append({start + skip, end - start - skip, text.mid(skip)});
        }
        start = end;
    };
    for (const SqlLexer::Token &t : SqlLexer::tokenize(script)) {
        if (t.kind != Kind::Semicolon)
            continue;
        const qsizetype end = t.start + 1;
        if (sqlite3_complete(script.mid(start, end - start).toUtf8().constData()))
            add(end);
    }
    if (start < script.size())
        add(script.size());
    return pieces;
}

std::optional<Piece> statementAt(const QString &script, qsizetype cursor)
{
    const QList<Piece> pieces = split(script);
    std::optional<Piece> before;
    for (const Piece &p : pieces) {
        if (cursor >= p.start && cursor <= p.start + p.length)
            return p;
        if (p.start + p.length <= cursor)
            before = p;
    }
    // After the last statement, on blank space or a comment: that statement.
    return before;
}

QStringList parameters(const QString &sql)
{
    QStringList out;
    int positional = 0;
    for (const SqlLexer::Token &t : SqlLexer::tokenize(sql)) {
        if (t.kind != Kind::Parameter)
            continue;
        QString name = sql.mid(t.start, t.length);
        if (name.startsWith(u'?')) {
            const int index = name.size() > 1 ? name.mid(1).toInt() : positional + 1;
            positional = qMax(positional, index);
            name = QStringLiteral("?%1").arg(index);
        }
        if (!out.contains(name))
            out << name;
    }
    return out;
}

QString confirmationReason(const QString &sql)
{
    // The statement's verb: the first word, or after a WITH clause the first outside its
    // parentheses that is one.
    const QStringList w = words(sql, true);
    if (w.isEmpty())
        return {};
    qsizetype verbAt = 0;
    if (w.first() == u"WITH") {
        static const QStringList verbs{QStringLiteral("DELETE"), QStringLiteral("UPDATE"),
                                       QStringLiteral("INSERT"), QStringLiteral("REPLACE"),
                                       QStringLiteral("SELECT")};
        for (qsizetype i = 1; i < w.size() && verbAt == 0; ++i) {
            if (verbs.contains(w.at(i)))
                verbAt = i;
        }
    }
    const QString verb = w.at(verbAt);
    if (verb == u"DROP")
        return tr("It drops %1 %2, with everything in it.")
            .arg(w.value(verbAt + 1).toLower(), w.value(w.size() - 1));
    if ((verb == u"DELETE" || verb == u"UPDATE")
        && !w.mid(verbAt).contains(QStringLiteral("WHERE")))
        return verb == u"DELETE" ? tr("It deletes every row of the table: it has no WHERE clause.")
                                 : tr("It changes every row of the table: it has no WHERE clause.");
    return {};
}

bool changesDatabase(const QString &sql)
{
    const QStringList w = words(sql);
    if (w.isEmpty())
        return false;
    const QString first = w.first();
    if (first == u"SELECT" || first == u"VALUES" || first == u"EXPLAIN")
        return false;
    if (first == u"PRAGMA") // reading one is harmless; `PRAGMA x = y` sets it
        return sql.contains(u'=') || sql.contains(u'(');
    if (first == u"WITH")
        return w.contains(QStringLiteral("INSERT")) || w.contains(QStringLiteral("UPDATE"))
               || w.contains(QStringLiteral("DELETE")) || w.contains(QStringLiteral("REPLACE"));
    return !isTransactionControl(first); // BEGIN and COMMIT change nothing themselves
}

} // namespace SqlScript
