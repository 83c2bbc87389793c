#pragma once

#include "core/tableschema.h"

#include <QStringList>

// What to offer while a statement is typed: the columns of the tables the statement names (by
// alias or name after a dot, or among everything else), tables and views, keywords and SQLite's
// functions. Works on any text, however unfinished.
namespace SqlCompletion {

// A table the statement reads or writes, and the name it goes by there.
struct TableRef
{
    QString table;
    QString alias; // empty when it has none
};

// The word being typed at `offset` in `text`, and the name before it when it follows a dot
// ("o.na|" -> qualifier "o", prefix "na").
struct Context
{
    QString qualifier;
    QString prefix;
    qsizetype prefixStart = 0;
};

// Tables named after FROM, JOIN, UPDATE, INTO and in FROM lists, with their aliases.
QList<TableRef> tablesInScope(const QString &statement);
Context contextAt(const QString &text, qsizetype offset);
// The candidates for `context` in `statement`, sorted without regard to case. After a
// qualifier, only that table's columns; otherwise the columns of the tables in scope (all
// columns when the statement names none yet), tables, views, keywords and functions, all
// starting with the prefix.
QStringList candidates(const DatabaseSchema &schema, const QString &statement,
                       const Context &context);

} // namespace SqlCompletion
