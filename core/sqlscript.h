#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// What the SQL editor needs to know about the text it runs, worked out the way SQLite itself
// would: where statements end, which parameters they take, and which of them deserve a second
// thought before they run.
namespace SqlScript {

struct Piece
{
    qsizetype start = 0;  // in the script
    qsizetype length = 0; // up to and including its semicolon, if it has one
    QString text;
};

// The statements of `script`. A statement ends at a semicolon only where SQLite's own rule
// (sqlite3_complete) says it is complete: not inside a string, a quoted name, a comment or a
// trigger's body. Pieces of only whitespace and comments are left out; a last statement without
// a semicolon counts.
QList<Piece> split(const QString &script);
// The statement at `cursor` (in it, or the one just before it on its line's end).
std::optional<Piece> statementAt(const QString &script, qsizetype cursor);

// The parameters of `sql` in order, each once: "?1".."?N" for positional ones (numbered as
// SQLite numbers them), ":name", "@name", "$name" as written.
QStringList parameters(const QString &sql);

// Why `sql` should be confirmed before it runs (UPDATE or DELETE without WHERE, DROP), in words;
// empty when it need not be.
QString confirmationReason(const QString &sql);
// Whether `sql` may change data or schema, so a read-only connection refuses it unsent.
bool changesDatabase(const QString &sql);

} // namespace SqlScript
