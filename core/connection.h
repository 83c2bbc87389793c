#pragma once

#include "core/connectionspec.h"
#include "core/dbrequest.h"
#include "core/statement.h"

#include <QList>
#include <QObject>

// The one asynchronous API through which everything above core/ talks to a database. No call
// blocks the caller: each returns a request object whose signals arrive in the caller's thread.
class Connection : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)

public:
    enum class State { Closed, Opening, Open, Failed };
    Q_ENUM(State)

    ~Connection() override;

    const ConnectionSpec &spec() const { return m_spec; }
    State state() const { return m_state; }
    DbError lastError() const { return m_lastError; }
    bool isReadOnly() const { return m_spec.isReadOnly(); }

    // Starts opening; `stateChanged` reports Open or Failed (with `lastError`).
    virtual void open() = 0;

    // Runs one statement. Reads may run concurrently with each other and with a write.
    virtual QueryRequest *query(const Statement &statement, QObject *parent = nullptr) = 0;
    virtual SchemaRequest *readSchema(QObject *parent = nullptr) = 0;

    // Requests made through this connection that have not ended, oldest first.
    QList<DbRequest *> activeRequests() const;

Q_SIGNALS:
    void stateChanged(Connection::State state);
    void activityChanged();
    // Something changed the schema (DDL ran through this connection).
    void schemaChanged();

protected:
    explicit Connection(const ConnectionSpec &spec, QObject *parent);
    void setState(State state, const DbError &error = {});
    // Back ends register every request they hand out, so the UI can show and cancel it. Requests
    // are made in this connection's thread.
    void track(DbRequest *request);
    // Ends `request` with `error` from the event loop, after the caller has connected to it.
    static void failLater(DbRequest *request, const DbError &error);

private:
    friend class DbRequest;
    // Called by a tracked request that has ended or is being destroyed.
    void untrack(DbRequest *request);

    ConnectionSpec m_spec;
    State m_state = State::Closed;
    DbError m_lastError;
    QList<DbRequest *> m_active; // pending, oldest first; each removes itself (see untrack)
};
