#pragma once

#include "core/engine/localconnection.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Synchronous helpers for tests: open a connection and run a statement to the end, waiting on
// signals (the way a test waits; production code never does).
namespace TestDb {

struct Outcome
{
    QList<ResultColumn> columns;
    QList<Row> rows;
    ExecSummary summary;
    DbError error;
    bool ok = false;
};

inline std::unique_ptr<LocalConnection>
open(const QString &path, ConnectionSpec::OpenMode mode = ConnectionSpec::OpenMode::Create)
{
    ConnectionSpec spec;
    spec.location = path;
    spec.mode = mode;
    auto connection = std::make_unique<LocalConnection>(spec);
    QSignalSpy spy(connection.get(), &Connection::stateChanged);
    connection->open();
    while (connection->state() == Connection::State::Opening
           || connection->state() == Connection::State::Closed) {
        if (!spy.wait(10000))
            break;
    }
    return connection;
}

inline Outcome run(Connection *connection, const Statement &statement, int timeoutMs = 30000)
{
    Outcome outcome;
    QueryRequest *request = connection->query(statement);
    QObject::connect(request, &QueryRequest::columnsReady, request,
                     [&](const QList<ResultColumn> &c) { outcome.columns = c; });
    QObject::connect(request, &QueryRequest::rowsReady, request,
                     [&](const RowBatch &b) { outcome.rows += b.rows; });
    QSignalSpy ended(request, &DbRequest::ended);
    if (!request->isDone())
        ended.wait(timeoutMs);
    outcome.ok = request->state() == DbRequest::State::Finished;
    outcome.summary = request->summary();
    outcome.error = request->error();
    delete request;
    return outcome;
}

inline Outcome run(Connection *connection, const QString &sql, const QList<SqlValue> &params = {})
{
    return run(connection, Statement(sql, params));
}

} // namespace TestDb
