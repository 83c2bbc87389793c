#include "core/engine/queryexecutor.h"

#include "core/engine/sqlitedb.h"
#include "core/engine/statementrunner.h"
#include "core/requestcontrol.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QScopeGuard>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("QueryExecutor", text);
}

// Encoded rows are sent on once they reach this size even before the batch has its rows, so
// that wide rows keep memory bounded too.
constexpr qsizetype kMaxEncodedBatchBytes = 1 << 20;

DbError cancelledError()
{
    return {ErrorCode::Cancelled, tr("The statement was cancelled."), {}};
}

} // namespace

QueryExecutor::QueryExecutor(SqliteDb &db, const Statement &statement,
                             std::shared_ptr<RequestControl> control)
    : m_db(db)
    , m_statement(statement)
    , m_control(std::move(control))
{}

void QueryExecutor::fail(const DbError &error)
{
    m_control->post([error](DbRequest *r) { r->deliverFailure(error); });
}

bool QueryExecutor::prepare()
{
    if (m_control->isCancelled()) {
        fail(cancelledError());
        return false;
    }
    DbError error;
    QString tail;
    m_stmt = m_db.prepare(m_statement.sql, &error, &tail);
    if (!m_stmt) {
        fail(error);
        return false;
    }
    // One statement per request keeps results, errors and cancellation unambiguous; scripts are
    // split by the caller.
    DbError tailError;
    const bool tailIsOnlyComments
        = tail.trimmed().isEmpty()
          || (!m_db.prepare(tail, &tailError) && tailError.code == ErrorCode::InvalidRequest);
    if (!tailIsOnlyComments) {
        fail({ErrorCode::InvalidRequest,
              tr("Only one statement can run per request; split the script into statements."),
              {}});
        return false;
    }
    return true;
}

bool QueryExecutor::isReadOnly() const
{
    return m_stmt && m_stmt->isReadOnly();
}

bool QueryExecutor::bindParameters()
{
    if (auto error = StatementRunner::bind(*m_stmt, m_statement)) {
        fail(*error);
        return false;
    }
    return true;
}

void QueryExecutor::run()
{
    if (!bindParameters())
        return;

    QElapsedTimer timer;
    timer.start();
    SqliteDb *db = &m_db;
    m_control->setInterruptHandler([db] { db->interrupt(); });
    // An interrupt that lands before the first step is lost (SQLite interrupts only running
    // statements): the connection also watches the flag while the statement runs.
    m_db.setCancelFlag(m_control->cancelFlag());
    const auto unwatch = qScopeGuard([db] { db->setCancelFlag(nullptr); });
    if (m_control->isCancelled()) {
        m_control->setInterruptHandler({});
        fail(cancelledError());
        return;
    }

    const QList<ResultColumn> columns = m_stmt->columns();
    m_control->post(
        [columns](DbRequest *r) { static_cast<QueryRequest *>(r)->deliverColumns(columns); });

    const QueryOptions &options = m_statement.options;
    const int sampleEvery = qMax(1, options.sampleEvery);
    const int batchSize = qMax(1, options.batchSize);
    const int columnCount = int(columns.size());
    qint64 rowsRead = 0;
    RowBatch batch;
    bool ok = true;
    DbError error;

    const RowEncoder *encoder = options.encoder.get();

    auto flush = [&]() -> bool {
        if (batch.rowCount() == 0)
            return true;
        if (!m_control->acquireBatchCredit())
            return false;
        m_control->post([b = std::move(batch)](DbRequest *r) {
            static_cast<QueryRequest *>(r)->deliverRows(b);
        });
        batch = RowBatch{};
        return true;
    };

    while (true) {
        const auto step = m_stmt->step();
        if (step == SqliteStatement::StepResult::Done)
            break;
        if (step == SqliteStatement::StepResult::Error) {
            ok = false;
            error = m_stmt->error();
            break;
        }
        if (rowsRead % sampleEvery == 0) {
            const qint64 index = rowsRead / sampleEvery;
            if (batch.rowCount() == 0)
                batch.firstRow = index;
            if (encoder) {
                encoder->encode(columns, m_stmt->rawRow(), index, batch.encoded);
                ++batch.encodedRows;
            } else {
                Row row;
                row.reserve(columnCount);
                for (int c = 0; c < columnCount; ++c)
                    row.append(m_stmt->value(c));
                batch.rows.append(std::move(row));
            }
        }
        ++rowsRead;
        const bool batchFull
            = batch.rowCount() >= batchSize || batch.encoded.size() >= kMaxEncodedBatchBytes;
        if (batchFull && !flush()) {
            ok = false;
            error = cancelledError();
            break;
        }
        if (options.maxRows >= 0 && rowsRead >= options.maxRows)
            break;
    }
    if (ok && !flush()) {
        ok = false;
        error = cancelledError();
    }
    m_control->setInterruptHandler({});
    // A cancel that arrived just as the last row was read changed nothing: report success.
    if (!ok) {
        m_stmt->reset();
        fail(error);
        return;
    }

    ExecSummary summary;
    summary.rowsRead = rowsRead;
    summary.changedData = !m_stmt->isReadOnly();
    if (summary.changedData) {
        summary.rowsAffected = m_db.changes();
        summary.lastInsertRowid = m_db.lastInsertRowid();
    }
    summary.durationMs = double(timer.nsecsElapsed()) / 1e6;
    m_stmt->reset();
    m_control->post(
        [summary](DbRequest *r) { static_cast<QueryRequest *>(r)->deliverFinished(summary); });
}
