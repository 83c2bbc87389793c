#include "server/servedatabase.h"

#include "core/engine/changelog.h"
#include "core/engine/schemareader.h"
#include "core/engine/sqlitedb.h"
#include "core/engine/workerthread.h"
#include "core/sqlkeywords.h"
#include "core/sqlquoting.h"
#include "server/quickreader.h"
#include "server/servedcursors.h"
#include "server/servedtransactions.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QUuid>

#include <future>

ServedDatabase::ServedDatabase(const QString &name, const QString &path, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_path(path)
    , m_transactions(new ServedTransactions(this))
    , m_cursors(new ServedCursors(this))
{}

ServedDatabase::~ServedDatabase()
{
    delete m_transactions; // their threads end before ours
    delete m_cursors;
    m_readers.clear();
    if (m_writer) {
        // The log lives on the writer thread, and writes still queued there use it: it goes
        // last, on that thread. (reset() waits for this task, so `this` is still whole.)
        m_writer->post([this](SqliteDb &) { m_log.reset(); });
        m_writer.reset();
    }
}

std::optional<DbError> ServedDatabase::open(bool create)
{
    m_writer = std::make_unique<WorkerThread>(QStringLiteral("dosqld-%1-writer").arg(m_name));
    std::promise<std::optional<DbError>> writerOpened;
    const QString path = m_path;
    m_writer->post([&, path, create](SqliteDb &db) {
        auto error
            = db.open(path, create ? SqliteDb::OpenMode::Create : SqliteDb::OpenMode::ReadWrite);
        if (!error) // dosqld owns its files: WAL lets readers run beside the writer
            error = db.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        if (!error)
            error = db.mapIntoMemory(kMappedBytes);
        if (!error) {
            m_log = std::make_unique<ChangeLog>(db);
            error = m_log->ensureTable();
        }
        if (!error)
            error = ensureIdempotencyTable(db);
        qint64 lsn = 0;
        if (!error)
            error = ChangeLog::currentLsn(db, &lsn);
        m_lsn.store(lsn);
        writerOpened.set_value(error);
    });
    if (auto error = writerOpened.get_future().get())
        return error;

    for (int i = 0; i < kReaderCount; ++i) {
        m_readers.push_back(std::make_unique<WorkerThread>(
            QStringLiteral("dosqld-%1-reader-%2").arg(m_name).arg(i)));
        std::promise<std::optional<DbError>> readerOpened;
        m_readers.back()->post([&, path](SqliteDb &db) {
            auto error = db.open(path, SqliteDb::OpenMode::ReadWrite);
            if (!error)
                error = db.mapIntoMemory(kMappedBytes);
            readerOpened.set_value(error);
        });
        if (auto error = readerOpened.get_future().get())
            return error;
    }
    m_quickReader = std::make_unique<QuickReader>();
    return m_quickReader->open(path);
}

qint64 ServedDatabase::fileSizeBytes() const
{
    return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
}

int ServedDatabase::leastBusyReaderIndex() const
{
    int best = 0;
    for (int i = 1; i < int(m_readers.size()); ++i) {
        if (m_readers.at(i)->load() < m_readers.at(best)->load())
            best = i;
    }
    return best;
}

WorkerThread *ServedDatabase::leastBusyReader() const
{
    return m_readers.at(leastBusyReaderIndex()).get();
}

void ServedDatabase::Finished::add(const Work &work, Outcome outcome)
{
    if (!outcome.error && work.encode)
        outcome.encoded = work.encode(outcome);
    m_items.append({work.done, std::move(outcome)});
}

void ServedDatabase::deliver(Finished &finished)
{
    if (finished.m_items.isEmpty())
        return;
    // One event for many outcomes: pipelined requests cost the server's thread one wake-up.
    QMetaObject::invokeMethod(
        this,
        [items = std::move(finished.m_items)] {
            for (const auto &[done, outcome] : items)
                done(outcome);
        },
        Qt::QueuedConnection);
    finished.m_items.clear();
}

void ServedDatabase::run(const Statement &statement, Done done)
{
    runInOrder({Work{{statement}, true, {}, std::move(done), {}, -1}});
}

int ServedDatabase::runInOrder(const QList<Work> &reads, int reader)
{
    if (reader < 0 || reader >= int(m_readers.size()))
        reader = leastBusyReaderIndex();
    m_counters.queries.fetch_add(reads.size());
    m_readers.at(reader)->post([this, reads](SqliteDb &db) {
        // Several reads share one read transaction (one snapshot, one round of file locks);
        // they arrived together, so none of them waits on a write sent after another.
        const bool shared = reads.size() > 1 && !db.exec(QStringLiteral("BEGIN"));
        Finished finished;
        QElapsedTimer sinceDelivery;
        sinceDelivery.start();
        for (qsizetype i = 0; i < reads.size(); ++i) {
            const Work &work = reads.at(i);
            Outcome outcome;
            StatementResult result;
            outcome.error = refuseStatement(firstSqlKeyword(work.statements.first().sql));
            if (!outcome.error && !work.cancel->begin(&db))
                outcome.error = DbError{ErrorCode::Cancelled, tr("The request was cancelled."), {}};
            else if (!outcome.error) {
                outcome.error = StatementRunner::run(db, work.statements.first(), work.rowLimit,
                                                     &result, true);
                work.cancel->end();
            }
            if (!outcome.error && !result.readOnly && work.rowLimit >= 0)
                outcome.error = DbError{ErrorCode::InvalidRequest,
                                        tr("pageSize pages reads only; run writes without it."),
                                        {}};
            if (!outcome.error && !result.readOnly) {
                // It writes: it and everything after it go to the writer, keeping their order.
                if (shared)
                    db.exec(QStringLiteral("COMMIT"));
                deliver(finished);
                // This reader waits for them, so reads queued behind them see their effect.
                std::promise<void> written;
                const QList<Work> rest = reads.mid(i);
                m_writer->post([this, rest, &written](SqliteDb &writerDb) {
                    writeTask(writerDb, rest);
                    written.set_value();
                });
                written.get_future().wait();
                return;
            }
            if (outcome.error) {
                outcome.failedIndex = 0;
                m_counters.errors.fetch_add(1);
            } else {
                m_counters.rowsRead.fetch_add(result.rows.size());
                outcome.results.append(std::move(result));
            }
            outcome.lsn = m_lsn.load();
            finished.add(work, std::move(outcome));
            // A slow read must not hold back the answers of those before it.
            if (sinceDelivery.elapsed() >= kMaxDeliveryDelayMs) {
                deliver(finished);
                sinceDelivery.restart();
            }
        }
        if (shared)
            db.exec(QStringLiteral("COMMIT"));
        deliver(finished);
    });
    return reader;
}

bool ServedDatabase::runQuickly(const Work &read)
{
    if (read.statements.size() != 1 || read.cancel->isCancelled())
        return false;
    StatementResult result;
    if (!readQuickly(read.statements.first(), read.rowLimit, true, &result))
        return false;
    Outcome outcome;
    outcome.results.append(std::move(result));
    outcome.lsn = m_lsn.load();
    read.done(outcome);
    return true;
}

bool ServedDatabase::readQuickly(const Statement &statement, qint64 rowLimit, bool partial,
                                 StatementResult *result)
{
    if (!m_quickReader)
        return false;
    const QString keyword = firstSqlKeyword(statement.sql);
    // A PRAGMA may set the connection's own state (busy_timeout, cache_size...): not on the
    // connection every socket's quick reads share, on the server's thread.
    if (keyword == QLatin1StringView("PRAGMA") || refuseStatement(keyword))
        return false; // a reader runs it, or words the refusal
    if (!m_quickReader->tryRun(statement, rowLimit, result) || (!partial && result->hasMore))
        return false;
    m_counters.queries.fetch_add(1);
    m_counters.rowsRead.fetch_add(result->rows.size());
    return true;
}

ServedDatabase::QuickBatch::QuickBatch(ServedDatabase *database)
    : m_reader(database->m_quickReader.get())
{
    if (m_reader)
        m_reader->beginBatch();
}

ServedDatabase::QuickBatch::~QuickBatch()
{
    if (m_reader)
        m_reader->endBatch();
}

bool ServedDatabase::CancelToken::cancel()
{
    std::lock_guard lock(m_mutex);
    if (m_finished)
        return false;
    m_cancelled = true;
    if (m_running)
        m_running->interrupt();
    return true;
}

bool ServedDatabase::CancelToken::begin(SqliteDb *db)
{
    std::lock_guard lock(m_mutex);
    if (m_cancelled)
        return false; // nothing runs: a later cancel must not interrupt whatever runs next
    m_running = db;
    // interrupt() is lost on a statement that has not started yet; the flag is not.
    db->setCancelFlag(&m_cancelled);
    return true;
}

void ServedDatabase::CancelToken::end()
{
    std::lock_guard lock(m_mutex);
    if (m_running)
        m_running->setCancelFlag(nullptr);
    m_running = nullptr;
    m_finished = true;
}

bool ServedDatabase::CancelToken::claim()
{
    std::lock_guard lock(m_mutex);
    m_finished = true;
    return !m_cancelled;
}

bool ServedDatabase::CancelToken::isCancelled()
{
    std::lock_guard lock(m_mutex);
    return m_cancelled;
}

void ServedDatabase::runWrite(const QList<Statement> &statements, bool atomic, Done done,
                              const QString &idempotencyKey)
{
    runWrites({Work{statements, atomic, idempotencyKey, std::move(done), {}, -1}});
}

void ServedDatabase::runWrites(const QList<Work> &units)
{
    for (const Work &unit : units)
        m_counters.queries.fetch_add(unit.statements.size());
    m_writer->post([this, units](SqliteDb &db) { writeTask(db, units); });
}

void ServedDatabase::raiseLsn(qint64 lsn)
{
    qint64 known = m_lsn.load();
    while (lsn > known && !m_lsn.compare_exchange_weak(known, lsn)) {
    }
}

void ServedDatabase::noteCommitted(qint64 lsn)
{
    raiseLsn(lsn);
    Q_EMIT committed(lsn);
}

void ServedDatabase::writeTask(SqliteDb &db, const QList<Work> &units)
{
    const qint64 lsnBefore = m_lsn.load();
    QList<Outcome> outcomes;
    std::optional<DbError> groupError = db.exec(QStringLiteral("BEGIN IMMEDIATE"));
    for (const Work &unit : units) {
        if (groupError)
            break;
        if (!unit.cancel->claim()) {
            Outcome cancelled;
            cancelled.error = DbError{ErrorCode::Cancelled, tr("The request was cancelled."), {}};
            cancelled.failedIndex = 0;
            outcomes.append(cancelled);
            continue;
        }
        const bool savepoint = unit.atomic && unit.statements.size() > 1;
        if (savepoint)
            db.exec(QStringLiteral("SAVEPOINT dosqld_unit"));
        Outcome outcome = runLogged(db, *m_log, QUuid::createUuid().toString(QUuid::WithoutBraces),
                                    unit.statements, unit.idempotencyKey);
        if (outcome.error && unit.atomic) {
            m_log->discard();
            if (savepoint)
                db.exec(QStringLiteral("ROLLBACK TO dosqld_unit"));
            outcome.results.clear();
        }
        if (savepoint)
            db.exec(QStringLiteral("RELEASE dosqld_unit"));
        if (!db.inTransaction()) {
            // SQLite itself rolled everything back (a full disk, say): no unit stands.
            groupError = outcome.error.value_or(
                DbError{ErrorCode::InternalError, tr("The write was rolled back."), {}});
            break;
        }
        ChangeLog::currentLsn(db, &outcome.lsn);
        outcomes.append(std::move(outcome));
    }
    if (!groupError && db.inTransaction())
        groupError = db.exec(QStringLiteral("COMMIT"));
    if (groupError) {
        if (db.inTransaction())
            db.exec(QStringLiteral("ROLLBACK"));
        m_log->discard();
        m_log->schemaChanged();
        outcomes.clear();
        for (qsizetype i = 0; i < units.size(); ++i) {
            Outcome failed;
            failed.error = groupError;
            failed.failedIndex = 0;
            outcomes.append(failed);
        }
    }
    qint64 lsn = lsnBefore;
    ChangeLog::currentLsn(db, &lsn);
    raiseLsn(lsn);
    Finished finished;
    for (qsizetype i = 0; i < units.size(); ++i) {
        Outcome &outcome = outcomes[i];
        if (outcome.error) {
            m_counters.errors.fetch_add(1);
            outcome.lsn = lsn;
        }
        for (const StatementResult &r : std::as_const(outcome.results)) {
            m_counters.rowsWritten.fetch_add(r.rowsAffected);
            m_counters.rowsRead.fetch_add(r.rows.size());
        }
        finished.add(units.at(i), std::move(outcome));
    }
    deliver(finished);
    if (lsn != lsnBefore)
        QMetaObject::invokeMethod(
            this, [this, lsn] { Q_EMIT committed(lsn); }, Qt::QueuedConnection);
}

void ServedDatabase::readSchema(
    std::function<void(const DatabaseSchema &, const std::optional<DbError> &)> done)
{
    leastBusyReader()->post([this, done = std::move(done)](SqliteDb &db) {
        DatabaseSchema schema;
        const auto error = SchemaReader(db).read(&schema);
        // The change log is dosqld's own bookkeeping, not part of the user's schema.
        schema.tables.removeIf(
            [](const TableSchema &t) { return ChangeLog::isInternalTable(t.name); });
        QMetaObject::invokeMethod(
            this, [done, schema, error] { done(schema, error); }, Qt::QueuedConnection);
    });
}

void ServedDatabase::estimateRowCounts(std::function<void(const QHash<QString, qint64> &)> done)
{
    leastBusyReader()->post([this, done = std::move(done)](SqliteDb &db) {
        QStringList tables;
        db.query(QStringLiteral(
                     "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
                     " AND wr = 0 AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"),
                 {}, [&](const SqliteStatement &s) { tables.append(s.value(0).toText()); });
        QHash<QString, qint64> estimates;
        for (const QString &table : std::as_const(tables)) {
            if (ChangeLog::isInternalTable(table))
                continue;
            db.query(
                QStringLiteral("SELECT coalesce(max(rowid), 0) FROM ") + quoteIdentifier(table), {},
                [&](const SqliteStatement &s) { estimates.insert(table, s.value(0).toInteger()); });
        }
        QMetaObject::invokeMethod(
            this, [done, estimates] { done(estimates); }, Qt::QueuedConnection);
    });
}

void ServedDatabase::readChanges(qint64 afterLsn, int limit,
                                 std::function<void(const ChangePage &)> done)
{
    leastBusyReader()->post([this, afterLsn, limit, done = std::move(done)](SqliteDb &db) {
        ChangePage page;
        // One read transaction, so the bounds and the events agree.
        page.error = db.exec(QStringLiteral("BEGIN"));
        if (!page.error)
            page.error = ChangeLog::oldestLsn(db, &page.oldestLsn);
        if (!page.error)
            page.error = ChangeLog::currentLsn(db, &page.currentLsn);
        if (!page.error)
            page.error = ChangeLog::read(db, afterLsn, limit, &page.events);
        db.exec(QStringLiteral("COMMIT"));
        QMetaObject::invokeMethod(
            this, [done, page] { done(page); }, Qt::QueuedConnection);
    });
}

void ServedDatabase::trimLog(qint64 keepCount, qint64 maxAgeMs)
{
    m_writer->post([keepCount, maxAgeMs](SqliteDb &db) {
        if (db.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return;
        if (ChangeLog::trim(db, keepCount, maxAgeMs))
            db.exec(QStringLiteral("ROLLBACK"));
        else
            db.exec(QStringLiteral("COMMIT"));
    });
}

QString ServedDatabase::prepare(const QString &sql)
{
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(sql.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
    m_prepared.insert(hash, sql);
    return hash;
}
