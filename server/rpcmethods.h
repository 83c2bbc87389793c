#pragma once

#include "core/dberror.h"

#include <QJsonObject>
#include <QJsonValue>

#include <functional>

class ServedDatabase;
struct Statement;
struct ServerState;

// The contract's methods (docs/PROTOCOL.md §2.2–2.3) for one database, independent of the
// socket they arrive on. Each call ends in exactly one `reply` with a result or an error.
class RpcMethods
{
public:
    using Reply = std::function<void(const QJsonValue &result, const DbError *error)>;

    RpcMethods(ServedDatabase *database, const ServerState *state);

    void call(const QString &method, const QJsonObject &params, Reply reply);
    // Methods answered at once, out of order with the socket's queue.
    static bool isImmediate(const QString &method);

    static QStringList features();

private:
    void query(const QJsonObject &params, bool isExec, Reply reply);
    void runStatement(const Statement &statement, const QJsonObject &params, bool isExec,
                      Reply reply);
    void execute(const QJsonObject &params, Reply reply);
    void beginTransaction(const QJsonObject &params, Reply reply);
    void endTransaction(const QJsonObject &params, bool commit, Reply reply);
    void batch(const QJsonObject &params, Reply reply);
    void listTables(Reply reply);
    void getSchema(const QJsonObject &params, Reply reply);
    QJsonObject stats() const;

    ServedDatabase *m_database; // not owned; outlives its sessions
    const ServerState *m_state; // not owned
};
