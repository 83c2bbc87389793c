#pragma once

#include "core/dberror.h"
#include "core/engine/sqlitedb.h"

#include <chrono>
#include <optional>

struct Statement;
struct StatementResult;

// A read-only connection on the server's own thread for the reads that take microseconds (point
// SELECTs, lookups by key): handing such a read to a reader thread and its answer back costs
// several times more than running it. A read gets a small time budget; one that outlasts it is
// stopped (a read changed nothing, so nothing is lost) and goes to a reader instead, which keeps
// what a long read can cost the server's other sockets to that budget.
class QuickReader
{
public:
    std::optional<DbError> open(const QString &path);

    // Runs `statement` (stopping after `rowLimit` rows, -1: all) and returns true with `result`
    // filled when it finished within the budget. False when it was not answered here: it writes,
    // ran out of time, waited on a lock, or failed; the reader it goes to then runs it again and
    // reports its error in full.
    bool tryRun(const Statement &statement, qint64 rowLimit, StatementResult *result);

    // A few dozen point SELECTs' worth: what one slow read may delay everyone else.
    static constexpr std::chrono::microseconds kBudget{200};
    static constexpr qint64 kMaxRows = 100;

    // Reads between these share one read transaction: one snapshot and one round of file locks
    // for all of them, like reads that a reader runs together. Only for reads already at hand,
    // never across a return to the event loop (later writes would stay unseen).
    void beginBatch() { ++m_batchDepth; }
    void endBatch();

private:
    static constexpr auto kNoDeadline = std::chrono::steady_clock::time_point::max();

    SqliteDb m_db;
    int m_batchDepth = 0;
};
