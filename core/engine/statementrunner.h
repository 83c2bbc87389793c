#pragma once

#include "core/dberror.h"
#include "core/resultset.h"
#include "core/statement.h"

#include <optional>

class SqliteDb;

// A statement's whole answer, for callers that send it on as one message (dosqld).
struct StatementResult
{
    QList<ResultColumn> columns;
    QList<Row> rows;
    bool hasMore = false; // stopped at the row limit with rows left
    qint64 rowsAffected = 0;
    qint64 lastInsertRowid = 0;
    double durationMs = 0;
    bool readOnly = true;
};

// Runs one statement to completion (or to `rowLimit` rows) on the calling thread's connection.
class StatementRunner
{
public:
    // With `onlyIfReadOnly`, a statement that would write is not run: the result says
    // readOnly == false and nothing happened.
    static std::optional<DbError> run(SqliteDb &db, const Statement &statement, qint64 rowLimit,
                                      StatementResult *result, bool onlyIfReadOnly = false);
    // Binds `statement`'s positional and named values to a prepared statement.
    static std::optional<DbError> bind(class SqliteStatement &prepared, const Statement &statement);
};
