#pragma once

#include "core/dberror.h"
#include "core/engine/statementrunner.h"

#include <optional>

class ChangeLog;
class SqliteDb;

// What running statements on dosqld produced.
struct ExecutionOutcome
{
    QList<StatementResult> results;
    std::optional<DbError> error;
    int failedIndex = -1;
    qint64 lsn = 0; // the LSN after the work (PROTOCOL §7: the last event's, or the current)
    bool replayed = false; // an idempotency key matched: nothing ran, the stored result came back
    QByteArray encoded;    // the result as reply JSON, when the work's thread encoded it
};

// Runs `statements` in order inside the connection's open transaction, each in a savepoint of
// its own and with its row changes appended to the change log under `txId`. The first failure
// is undone alone and ends the run; what ran before it stays in the transaction.
//
// With an idempotency key (one statement only) a key seen before within 24 hours replays the
// stored result instead of running, and a fresh key is stored in the same transaction as the
// work, so it is recorded exactly when the work commits (PROTOCOL §7).
ExecutionOutcome runLogged(SqliteDb &db, ChangeLog &log, const QString &txId,
                           const QList<Statement> &statements, const QString &idempotencyKey = {});

// Why dosqld refuses a statement starting with `keyword`, if it does: transaction control has its
// own methods, and ATTACH would reach files outside the served folder.
std::optional<DbError> refuseStatement(const QString &keyword);

// Creates dosqld's idempotency table if the database has none.
std::optional<DbError> ensureIdempotencyTable(SqliteDb &db);
