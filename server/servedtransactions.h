#pragma once

#include "server/loggedexecution.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

class ServedDatabase;

// The open transactions of one served database, found by id from any socket (the official
// sql.do client opens a new socket per call). Each has its own connection on its own thread,
// and is rolled back after sitting idle past its timeout; its id then answers
// TRANSACTION_ABORTED (reason "timeout") for ten minutes before it is forgotten.
class ServedTransactions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServedTransactions)

public:
    struct Info
    {
        QString id;
        bool readOnly = false;
        QDateTime startedAt;
        qint64 snapshotLsn = 0;
    };
    using Done = std::function<void(const ExecutionOutcome &)>;

    explicit ServedTransactions(ServedDatabase *database);
    ~ServedTransactions() override;

    void begin(bool readOnly, int timeoutMs,
               std::function<void(const Info &, const std::optional<DbError> &)> done);
    void run(const QString &id, const QList<Statement> &statements, bool atomic,
             const QString &idempotencyKey, Done done);
    void commit(const QString &id, Done done);
    void rollback(const QString &id, Done done);
    int openCount() const { return int(m_open.size()); }

    static constexpr int kDefaultTimeoutMs = 30000;
    static constexpr qint64 kRememberEndedMs = 10 * 60 * 1000;

private:
    struct Transaction;

    Transaction *find(const QString &id, DbError *error);
    // find(), or `done` told why not.
    Transaction *findOrFail(const QString &id, const Done &done);
    void end(const QString &id, const QString &reason);
    void armIdleTimer(Transaction *tx);

    ServedDatabase *m_database; // our parent
    std::map<QString, std::unique_ptr<Transaction>> m_open;
    QHash<QString, std::pair<QString, qint64>> m_ended; // id → (reason, forget after, ms)
};
