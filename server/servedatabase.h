#pragma once

#include "core/changeevent.h"
#include "core/dberror.h"
#include "core/engine/statementrunner.h"
#include "core/tableschema.h"
#include "server/loggedexecution.h"

#include <QHash>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

class ChangeLog;
class ServedCursors;
class QuickReader;
class ServedTransactions;
class WorkerThread;

// One database file that dosqld serves. A writer thread runs every change inside a transaction
// that also appends the change's log entries (ChangeLog), so data and log commit together; reader
// threads answer reads beside it. Results come back through callbacks run in the thread that owns
// this object (the server's).
class ServedDatabase final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServedDatabase)

public:
    using Outcome = ExecutionOutcome;
    using Done = std::function<void(const Outcome &)>;

    ServedDatabase(const QString &name, const QString &path, QObject *parent = nullptr);
    ~ServedDatabase() override;

    // Opens the file (making it when `create`) on every thread and readies the change log.
    // Blocks the caller for the few milliseconds that takes; dosqld opens a database once.
    std::optional<DbError> open(bool create);

    QString name() const { return m_name; }
    QString path() const { return m_path; }

    // A unit of work: statements that succeed or fail together (with `atomic`), and the callback
    // that gets their outcome.
    // Lets a client cancel a read while it waits or runs (PROTOCOL §2.3 `cancel`). A write in a
    // group commit is not interrupted: SQLite would roll back the whole group with it.
    class CancelToken
    {
    public:
        // True when the read had not finished: it now ends in CANCELLED.
        bool cancel();
        bool begin(SqliteDb *db); // false when already cancelled
        void end();
        // For a write: false when already cancelled, else it can no longer be cancelled.
        bool claim();
        bool isCancelled();

    private:
        std::mutex m_mutex;
        SqliteDb *m_running = nullptr; // not owned; set while the read runs
        // Atomic as well as guarded: the running connection watches it (SqliteDb::setCancelFlag).
        std::atomic<bool> m_cancelled = false;
        bool m_finished = false;
    };

    struct Work
    {
        QList<Statement> statements;
        bool atomic = true;
        QString idempotencyKey;
        Done done;
        // Turns a successful outcome into reply JSON; run on the thread that did the work, so
        // encoding rows costs the server's thread nothing.
        std::function<QByteArray(const Outcome &)> encode;
        // For a read: stop after this many rows (the result then says hasMore); -1: all.
        // Set, it also refuses a statement that writes (paging is for reads).
        qint64 rowLimit = -1;
        std::shared_ptr<CancelToken> cancel = std::make_shared<CancelToken>();
    };

    // One statement: read on a reader, or, if it writes, as a one-statement write.
    void run(const Statement &statement, Done done);
    // Single statements in order on one reader; from the first that writes on, the rest run on
    // the writer, still in order. Outcomes come back in order. `reader` picks the reader (as
    // returned by an earlier call, so that later reads run after earlier ones); -1 takes the
    // least busy. Returns the reader used.
    int runInOrder(const QList<Work> &reads, int reader = -1);
    // Runs a one-statement read at once, on this object's thread, when it takes only
    // microseconds (see QuickReader): its `done` has been called when this returns true. False:
    // nothing happened, and it goes to runInOrder like any read.
    bool runQuickly(const Work &read);
    // The same for one statement, its result handed back rather than to a `done`: true when it
    // ran and finished, and `partial` allows, or the result fits `rowLimit`. False: nothing
    // happened, nothing was counted.
    bool readQuickly(const Statement &statement, qint64 rowLimit, bool partial,
                     StatementResult *result);
    // While one lives, quick reads share one snapshot (QuickReader::beginBatch).
    class QuickBatch
    {
    public:
        explicit QuickBatch(ServedDatabase *database);
        ~QuickBatch();
        Q_DISABLE_COPY_MOVE(QuickBatch)

    private:
        QuickReader *m_reader;
    };
    // Units in order in one SQLite transaction (a group commit: one sync for all of them), each
    // in a savepoint of its own and with a change-log transaction id of its own, so that one
    // unit's failure undoes only that unit.
    void runWrites(const QList<Work> &units);
    // Statements in order in one write transaction; on a failure with `atomic` nothing stays,
    // without it the statements before the failure stay.
    // With an idempotency key (one statement), a repeat within 24 h replays the first result.
    void runWrite(const QList<Statement> &statements, bool atomic, Done done,
                  const QString &idempotencyKey = {});

    // Called when a transaction elsewhere committed change-log entries up to `lsn`.
    void noteCommitted(qint64 lsn);
    void
    readSchema(std::function<void(const DatabaseSchema &, const std::optional<DbError> &)> done);

    // Rough row counts for tables with a rowid: the largest rowid, one index step per table
    // (exact counts would scan). Tables without one are left out.
    void estimateRowCounts(std::function<void(const QHash<QString, qint64> &)> done);

    struct ChangePage
    {
        QList<ChangeEvent> events;
        qint64 oldestLsn = 0;  // the oldest entry still kept
        qint64 currentLsn = 0; // the latest issued
        std::optional<DbError> error;
    };
    // Up to `limit` change-log entries after `afterLsn`, with the log's current bounds.
    void readChanges(qint64 afterLsn, int limit, std::function<void(const ChangePage &)> done);

    // Drops change-log entries beyond the newest `keepCount` or older than `maxAgeMs` (0: no
    // limit), on the writer thread.
    void trimLog(qint64 keepCount, qint64 maxAgeMs);

    qint64 currentLsn() const { return m_lsn.load(); }
    ServedTransactions *transactions() const { return m_transactions; }
    ServedCursors *cursors() const { return m_cursors; }

    // Prepared statements are kept per database, so any socket may execute them by hash.
    QString prepare(const QString &sql);
    QString preparedSql(const QString &hash) const { return m_prepared.value(hash); }
    qint64 fileSizeBytes() const;

    struct Counters
    {
        std::atomic<qint64> queries{0};
        std::atomic<qint64> rowsRead{0};
        std::atomic<qint64> rowsWritten{0};
        std::atomic<qint64> errors{0};
    };
    const Counters &counters() const { return m_counters; }

    static constexpr int kReaderCount = 2;
    // How much of a database its connections read through a memory map (SqliteDb::mapIntoMemory):
    // point reads of a database larger than SQLite's page cache otherwise cost a system call
    // for nearly every lookup, several times the lookup itself.
    static constexpr qint64 kMappedBytes = qint64(1) << 30;

Q_SIGNALS:
    // New change-log entries were committed, up to `lsn`.
    void committed(qint64 lsn);

private:
    // Outcomes finished on a worker thread, waiting to be handed to this object's thread.
    class Finished
    {
    public:
        // Encodes the outcome's reply here, on the worker thread, when the work can.
        void add(const Work &work, Outcome outcome);

    private:
        friend class ServedDatabase;
        QList<std::pair<Done, Outcome>> m_items;
    };
    void deliver(Finished &finished);
    static constexpr int kMaxDeliveryDelayMs = 2;
    void writeTask(class SqliteDb &db, const QList<Work> &units);
    int leastBusyReaderIndex() const;
    WorkerThread *leastBusyReader() const;
    // Raises the cached LSN, never lowers it: writers and transactions report in any order.
    void raiseLsn(qint64 lsn);

    QString m_name;
    QString m_path;
    std::unique_ptr<WorkerThread> m_writer;
    std::vector<std::unique_ptr<WorkerThread>> m_readers;
    std::unique_ptr<QuickReader> m_quickReader; // used on this object's thread
    std::unique_ptr<ChangeLog> m_log;           // used only on the writer thread
    std::atomic<qint64> m_lsn{0};
    ServedTransactions *m_transactions; // child
    ServedCursors *m_cursors;           // child
    QHash<QString, QString> m_prepared; // hash → SQL
    Counters m_counters;
};
