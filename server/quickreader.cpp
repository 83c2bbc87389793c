#include "server/quickreader.h"

#include "core/engine/statementrunner.h"
#include "server/servedatabase.h"

std::optional<DbError> QuickReader::open(const QString &path)
{
    // Read-only, so that nothing run here can change the file; no busy wait, so that a lock
    // sends the read to a reader rather than stalling this thread.
    auto error = m_db.open(path, SqliteDb::OpenMode::ReadOnly, 0);
    if (!error)
        error = m_db.mapIntoMemory(ServedDatabase::kMappedBytes);
    return error;
}

bool QuickReader::tryRun(const Statement &statement, qint64 rowLimit, StatementResult *result)
{
    if (!m_db.isOpen())
        return false;
    // Encoding the rows costs this thread too, so a large result is not quick however fast
    // SQLite found it.
    const bool capped = rowLimit < 0 || rowLimit > kMaxRows;
    if (m_batchDepth > 0 && !m_db.inTransaction()) {
        m_db.setDeadline(kNoDeadline);
        m_db.execCached(QStringLiteral("BEGIN"));
    }
    m_db.setDeadline(std::chrono::steady_clock::now() + kBudget);
    const std::optional<DbError> error = StatementRunner::run(
        m_db, statement, capped ? kMaxRows : rowLimit, result, /*onlyIfReadOnly=*/true);
    return !error && result->readOnly && !(capped && result->hasMore);
}

void QuickReader::endBatch()
{
    if (--m_batchDepth > 0 || !m_db.inTransaction())
        return;
    // A snapshot left open would hide every later write from these reads and keep the log
    // from being checkpointed: the transaction ends here whatever happens.
    m_db.setDeadline(kNoDeadline);
    if (m_db.execCached(QStringLiteral("COMMIT")))
        m_db.exec(QStringLiteral("ROLLBACK"));
}
