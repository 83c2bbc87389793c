#pragma once

#include "core/dberror.h"
#include "core/resultset.h"
#include "core/tableschema.h"

#include <QObject>

#include <memory>

class Connection;
class RequestControl;

// One asynchronous request to a Connection, living in the thread that made it. Exactly one of
// its end signals is emitted: a subclass's `finished(...)` or `failed(error)`; `ended()` follows
// either. Deleting an unfinished request cancels it. Cancelling ends in `failed(CANCELLED)`,
// never silently.
class DbRequest : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DbRequest)

public:
    enum class State { Pending, Finished, Failed };

    ~DbRequest() override;

    // What the request does, for a person: the SQL, or "Reading schema".
    QString description() const { return m_description; }
    State state() const { return m_state; }
    bool isDone() const { return m_state != State::Pending; }
    DbError error() const { return m_error; }

    std::shared_ptr<RequestControl> control() const { return m_control; }

    // Called by back ends, in this request's thread.
    void deliverFailure(const DbError &error);

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void failed(const DbError &error);
    void ended();

protected:
    DbRequest(const QString &description, QObject *parent);
    void markFinished();
    // Emits `ended`, once the connection that made this request knows it has.
    void emitEnded();

private:
    friend class Connection;

    QString m_description;
    State m_state = State::Pending;
    DbError m_error;
    std::shared_ptr<RequestControl> m_control;
    // The connection that lists this request among its active ones, until it ends or goes. A
    // plain pointer, told directly: signal connections for this cost more than a point SELECT's
    // whole round trip on the caller's thread.
    Connection *m_tracker = nullptr;
};

// A statement's result: columns first, then row batches in order, then a summary.
class QueryRequest final : public DbRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryRequest)

public:
    explicit QueryRequest(const QString &sql, QObject *parent = nullptr)
        : DbRequest(sql, parent)
    {}

    QList<ResultColumn> columns() const { return m_columns; }
    ExecSummary summary() const { return m_summary; }

    // By default a batch counts as consumed once `rowsReady` is emitted. A consumer that hands
    // batches on (an export writing them on a thread of its own) says so here, and then calls
    // control()->releaseBatchCredit() for each batch once it is really done with it, so that
    // flow control reaches all the way to it.
    void setReleasesBatchCreditsItself(bool itself) { m_consumerReleases = itself; }

    void deliverColumns(const QList<ResultColumn> &columns);
    void deliverRows(const RowBatch &batch);
    void deliverFinished(const ExecSummary &summary);

Q_SIGNALS:
    void columnsReady(const QList<ResultColumn> &columns);
    void rowsReady(const RowBatch &batch);
    void finished(const ExecSummary &summary);

private:
    QList<ResultColumn> m_columns;
    ExecSummary m_summary;
    bool m_consumerReleases = false;
};

// The database's whole schema.
class SchemaRequest final : public DbRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaRequest)

public:
    explicit SchemaRequest(QObject *parent = nullptr);

    DatabaseSchema schema() const { return m_schema; }
    void deliverSchema(const DatabaseSchema &schema);

Q_SIGNALS:
    void finished(const DatabaseSchema &schema);

private:
    DatabaseSchema m_schema;
};
