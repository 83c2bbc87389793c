#pragma once

#include "core/statement.h"

#include <memory>

class RequestControl;
class SqliteDb;
class SqliteStatement;

// Runs one Statement on a worker's database and streams its outcome to the request behind
// `control`: columns, row batches (with flow control), then a summary or an error.
class QueryExecutor
{
public:
    QueryExecutor(SqliteDb &db, const Statement &statement,
                  std::shared_ptr<RequestControl> control);

    // Prepares the statement. False when it failed (the failure is already delivered) or was
    // cancelled before it began.
    bool prepare();
    bool isReadOnly() const;
    // Binds, steps to the end and delivers everything.
    void run();

private:
    bool bindParameters();
    void fail(const struct DbError &error);

    SqliteDb &m_db;
    Statement m_statement;
    std::shared_ptr<RequestControl> m_control;
    std::unique_ptr<SqliteStatement> m_stmt;
};
