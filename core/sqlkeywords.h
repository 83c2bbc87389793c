#pragma once

#include <QString>
#include <QStringList>

// The first keyword of a SQL statement, upper-cased, after leading whitespace and comments:
// enough to route a statement or refuse it before SQLite sees it.
QString firstSqlKeyword(const QString &sql);

// BEGIN, COMMIT, END, ROLLBACK, SAVEPOINT, RELEASE.
bool isTransactionControl(const QString &keyword);
// CREATE, DROP, ALTER.
bool isSchemaChange(const QString &keyword);

// Every keyword SQLite knows, from SQLite itself.
QStringList sqlKeywords();
// SQLite's built-in scalar, aggregate, window, date and JSON functions.
QStringList sqlFunctions();
