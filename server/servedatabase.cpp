#include "server/servedatabase.h"

#include "core/engine/changelog.h"
#include "core/engine/schemareader.h"
#include "core/engine/sqlitedb.h"
#include "core/engine/workerthread.h"
#include "core/sqlkeywords.h"
#include "server/servedtransactions.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QUuid>

#include <future>

ServedDatabase::ServedDatabase(const QString &name, const QString &path, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_path(path)
    , m_transactions(new ServedTransactions(this))
{}

ServedDatabase::~ServedDatabase()
{
    delete m_transactions; // their threads end before ours
    m_readers.clear();
    if (m_writer) {
        // The log lives on the writer thread: it goes there, before the writer stops.
        ChangeLog *log = m_log.release();
        m_writer->post([log](SqliteDb &) { delete log; });
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
            readerOpened.set_value(db.open(path, SqliteDb::OpenMode::ReadWrite));
        });
        if (auto error = readerOpened.get_future().get())
            return error;
    }
    return std::nullopt;
}

qint64 ServedDatabase::fileSizeBytes() const
{
    return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
}

WorkerThread *ServedDatabase::leastBusyReader() const
{
    WorkerThread *best = nullptr;
    for (const auto &w : m_readers) {
        if (!best || w->load() < best->load())
            best = w.get();
    }
    return best;
}

void ServedDatabase::deliver(Done done, Outcome outcome)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), outcome = std::move(outcome)] { done(outcome); },
        Qt::QueuedConnection);
}

void ServedDatabase::run(const Statement &statement, Done done)
{
    m_counters.queries.fetch_add(1);
    if (auto error = refuseStatement(firstSqlKeyword(statement.sql))) {
        Outcome outcome;
        outcome.error = error;
        outcome.failedIndex = 0;
        m_counters.errors.fetch_add(1);
        deliver(std::move(done), outcome);
        return;
    }
    leastBusyReader()->post([this, statement, done = std::move(done)](SqliteDb &db) mutable {
        StatementResult result;
        Outcome outcome;
        outcome.error = StatementRunner::run(db, statement, -1, &result, true);
        if (!outcome.error && !result.readOnly) {
            // It writes: the writer runs it, logged, in a transaction of its own.
            m_writer->post([this, statement, done = std::move(done)](SqliteDb &writerDb) mutable {
                writeTask(writerDb, {statement}, true, {}, std::move(done));
            });
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
        deliver(std::move(done), std::move(outcome));
    });
}

void ServedDatabase::runWrite(const QList<Statement> &statements, bool atomic, Done done,
                              const QString &idempotencyKey)
{
    m_counters.queries.fetch_add(statements.size());
    m_writer->post(
        [this, statements, atomic, idempotencyKey, done = std::move(done)](SqliteDb &db) mutable {
            writeTask(db, statements, atomic, idempotencyKey, std::move(done));
        });
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

void ServedDatabase::writeTask(SqliteDb &db, const QList<Statement> &statements, bool atomic,
                               const QString &idempotencyKey, Done done)
{
    const QString txId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 lsnBefore = m_lsn.load();
    Outcome outcome;
    if (auto error = db.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        outcome.error = error;
        outcome.failedIndex = 0;
    } else {
        outcome = runLogged(db, *m_log, txId, statements, idempotencyKey);
        const bool keep = !outcome.error || !atomic;
        std::optional<DbError> endError;
        if (keep && db.inTransaction())
            endError = db.exec(QStringLiteral("COMMIT"));
        if (!keep || endError) {
            if (db.inTransaction())
                db.exec(QStringLiteral("ROLLBACK"));
            m_log->discard();
            m_log->schemaChanged();
            if (endError && !outcome.error)
                outcome.error = endError;
            if (!keep || endError)
                outcome.results.clear();
        }
    }
    if (outcome.error) {
        m_counters.errors.fetch_add(1);
    } else {
        for (const StatementResult &r : std::as_const(outcome.results)) {
            m_counters.rowsWritten.fetch_add(r.rowsAffected);
            m_counters.rowsRead.fetch_add(r.rows.size());
        }
    }
    qint64 lsn = lsnBefore;
    ChangeLog::currentLsn(db, &lsn);
    raiseLsn(lsn);
    outcome.lsn = lsn;
    deliver(std::move(done), std::move(outcome));
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
