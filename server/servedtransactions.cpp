#include "server/servedtransactions.h"

#include "core/engine/changelog.h"
#include "core/engine/sqlitedb.h"
#include "core/engine/workerthread.h"
#include "server/servedatabase.h"

#include <QTimer>
#include <QUuid>

struct ServedTransactions::Transaction
{
    QString id;
    Info info;
    std::unique_ptr<WorkerThread> worker;
    // Made, used and destroyed only on `worker`'s thread; tasks hold it, not the Transaction.
    std::shared_ptr<std::unique_ptr<ChangeLog>> log
        = std::make_shared<std::unique_ptr<ChangeLog>>();
    QTimer *idle = nullptr; // child of ServedTransactions
    int timeoutMs = kDefaultTimeoutMs;
    int busy = 0; // requests queued or running: never idle then

    ~Transaction()
    {
        idle->deleteLater(); // we may be inside its timeout signal
        if (worker) {
            // Closing the connection rolls back whatever is still open.
            worker->post([log = log](SqliteDb &) { log->reset(); });
            worker.reset();
        }
    }
};

ServedTransactions::ServedTransactions(ServedDatabase *database)
    : QObject(database)
    , m_database(database)
{}

ServedTransactions::~ServedTransactions() = default;

ServedTransactions::Transaction *ServedTransactions::find(const QString &id, DbError *error)
{
    if (auto it = m_open.find(id); it != m_open.end())
        return it->second.get();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_ended.removeIf([now](auto it) { return it.value().second < now; });
    if (m_ended.contains(id)) {
        const QString reason = m_ended.value(id).first;
        *error = {ErrorCode::TransactionAborted,
                  reason == u"timeout"
                      ? tr("The transaction was rolled back after being idle past its"
                           " timeout. Start a new one.")
                      : tr("The transaction was aborted (%1). Start a new one.").arg(reason),
                  {{QStringLiteral("reason"), reason}}};
        return nullptr;
    }
    *error = {ErrorCode::TransactionNotFound, tr("There is no transaction \"%1\".").arg(id), {}};
    return nullptr;
}

ServedTransactions::Transaction *ServedTransactions::findOrFail(const QString &id, const Done &done)
{
    DbError error;
    Transaction *tx = find(id, &error);
    if (!tx) {
        ExecutionOutcome outcome;
        outcome.error = error;
        outcome.failedIndex = 0;
        done(outcome);
    }
    return tx;
}

void ServedTransactions::armIdleTimer(Transaction *tx)
{
    if (tx->busy == 0)
        tx->idle->start(tx->timeoutMs);
    else
        tx->idle->stop();
}

void ServedTransactions::end(const QString &id, const QString &reason)
{
    if (!reason.isEmpty())
        m_ended.insert(id, {reason, QDateTime::currentMSecsSinceEpoch() + kRememberEndedMs});
    m_open.erase(id);
}

void ServedTransactions::begin(
    bool readOnly, int timeoutMs,
    std::function<void(const Info &, const std::optional<DbError> &)> done)
{
    auto tx = std::make_unique<Transaction>();
    tx->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    tx->timeoutMs = timeoutMs > 0 ? timeoutMs : kDefaultTimeoutMs;
    tx->info = {tx->id, readOnly, QDateTime::currentDateTimeUtc(), 0};
    tx->worker = std::make_unique<WorkerThread>(QStringLiteral("dosqld-tx"));
    tx->idle = new QTimer;
    tx->idle->setSingleShot(true);
    const QString id = tx->id;
    connect(tx->idle, &QTimer::timeout, this, [this, id] { end(id, QStringLiteral("timeout")); });
    Transaction *raw = tx.get();
    raw->busy = 1;
    m_open.emplace(id, std::move(tx));

    const QString path = m_database->path();
    raw->worker->post([this, log = raw->log, path, readOnly, id, done](SqliteDb &db) {
        auto error = db.open(path, SqliteDb::OpenMode::ReadWrite);
        if (!error) {
            *log = std::make_unique<ChangeLog>(db);
            // Writing transactions take the write lock at once: SQLite has one writer, and
            // waiting for it up front beats failing on the first write of a stale snapshot.
            error = db.exec(readOnly ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
        }
        qint64 snapshot = 0;
        if (!error)
            error = ChangeLog::currentLsn(db, &snapshot); // also pins a read snapshot
        QMetaObject::invokeMethod(
            this,
            [this, id, snapshot, error, done] {
                auto it = m_open.find(id);
                if (it == m_open.end())
                    return;
                Transaction *tx = it->second.get();
                tx->info.snapshotLsn = snapshot;
                tx->busy = 0;
                const Info info = tx->info;
                if (error)
                    end(id, {});
                else
                    armIdleTimer(tx);
                done(info, error);
            },
            Qt::QueuedConnection);
    });
}

void ServedTransactions::run(const QString &id, const QList<Statement> &statements, bool atomic,
                             const QString &idempotencyKey, Done done)
{
    Transaction *tx = findOrFail(id, done);
    if (!tx)
        return;
    ++tx->busy;
    armIdleTimer(tx);
    const bool readOnly = tx->info.readOnly;
    tx->worker->post([this, log = tx->log, id, statements, atomic, idempotencyKey, readOnly,
                      done](SqliteDb &db) {
        ExecutionOutcome outcome;
        const bool endedBefore = !db.inTransaction() || !*log;
        if (endedBefore) {
            // Ended (committed or rolled back by another socket) while this waited its turn.
            outcome.error
                = DbError{ErrorCode::TransactionNotFound, tr("The transaction has ended."), {}};
            outcome.failedIndex = 0;
        } else if (readOnly) {
            for (const Statement &s : statements) {
                StatementResult result;
                if (auto e = StatementRunner::run(db, s, -1, &result, true)) {
                    outcome.error = e;
                } else if (!result.readOnly) {
                    outcome.error
                        = DbError{ErrorCode::ReadOnly, tr("This transaction is read-only."), {}};
                }
                if (outcome.error) {
                    outcome.failedIndex = int(outcome.results.size());
                    break;
                }
                outcome.results.append(result);
            }
        } else {
            const bool batchSavepoint = atomic && statements.size() > 1;
            if (batchSavepoint)
                db.exec(QStringLiteral("SAVEPOINT dosqld_batch"));
            outcome = runLogged(db, **log, id, statements, idempotencyKey);
            if (batchSavepoint) {
                if (outcome.error) {
                    (*log)->discard();
                    db.exec(QStringLiteral("ROLLBACK TO dosqld_batch"));
                    outcome.results.clear();
                }
                db.exec(QStringLiteral("RELEASE dosqld_batch"));
            }
        }
        // SQLite itself may have ended the transaction (a full disk, say): it is gone then.
        const bool aborted = !endedBefore && !db.inTransaction();
        QMetaObject::invokeMethod(
            this,
            [this, id, outcome, aborted, done]() mutable {
                auto it = m_open.find(id);
                if (it != m_open.end()) {
                    --it->second->busy;
                    armIdleTimer(it->second.get());
                }
                if (aborted) {
                    end(id, QStringLiteral("aborted by SQLite"));
                    if (outcome.error)
                        outcome.error = DbError{
                            ErrorCode::TransactionAborted,
                            outcome.error->message + tr(" — the transaction was rolled back."),
                            {{QStringLiteral("reason"), QStringLiteral("sqlite")}}};
                }
                done(outcome);
            },
            Qt::QueuedConnection);
    });
}

void ServedTransactions::commit(const QString &id, Done done)
{
    Transaction *tx = findOrFail(id, done);
    if (!tx)
        return;
    ++tx->busy;
    armIdleTimer(tx);
    tx->worker->post([this, id, done](SqliteDb &db) {
        ExecutionOutcome outcome;
        outcome.error = db.exec(QStringLiteral("COMMIT"));
        if (outcome.error && db.inTransaction())
            db.exec(QStringLiteral("ROLLBACK"));
        ChangeLog::currentLsn(db, &outcome.lsn);
        QMetaObject::invokeMethod(
            this,
            [this, id, outcome, done] {
                end(id, {});
                if (!outcome.error)
                    m_database->noteCommitted(outcome.lsn);
                done(outcome);
            },
            Qt::QueuedConnection);
    });
}

void ServedTransactions::rollback(const QString &id, Done done)
{
    Transaction *tx = findOrFail(id, done);
    if (!tx)
        return;
    ++tx->busy;
    armIdleTimer(tx); // stops it: a timeout must not end the transaction under the rollback
    tx->worker->post([this, id, done](SqliteDb &db) {
        ExecutionOutcome outcome;
        if (db.inTransaction())
            outcome.error = db.exec(QStringLiteral("ROLLBACK"));
        QMetaObject::invokeMethod(
            this,
            [this, id, outcome, done] {
                end(id, {});
                done(outcome);
            },
            Qt::QueuedConnection);
    });
}
