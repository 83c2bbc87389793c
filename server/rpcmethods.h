#pragma once

#include "core/dberror.h"
#include "core/protocol/statementrequest.h"
#include "server/servedatabase.h"

#include <QJsonObject>
#include <QJsonValue>

#include <functional>

struct ServerState;

// The contract's methods (docs/PROTOCOL.md §2.2–2.3) for one database, independent of the
// socket they arrive on. Each call ends in exactly one `reply` with a result or an error.
class RpcMethods
{
public:
    // The result arrives as JSON text: replies with rows are encoded where the rows were read.
    using Reply = std::function<void(const QByteArray &resultJson, const DbError *error)>;

    RpcMethods(ServedDatabase *database, const ServerState *state);

    // `cancel`, when given, lets the socket's `cancel` stop a paged read or fetch.
    void call(const QString &method, const QJsonObject &params, Reply reply,
              const std::shared_ptr<ServedDatabase::CancelToken> &cancel = {});
    // Methods answered at once, out of order with the socket's queue.
    static bool isImmediate(const QString &method);

    static QStringList features();

    // Requests outside a transaction that a socket may run as a group: consecutive reads on one
    // reader, consecutive writes in one group commit (see ServedDatabase).
    enum class Group { None, Read, Write };
    static Group groupOf(const QString &method, const QJsonObject &params);
    // The unit of work for a groupable request, its reply built in. On bad params it replies
    // with the error itself and returns nothing.
    std::optional<ServedDatabase::Work> work(const QString &method, const QJsonObject &params,
                                             Reply reply);
    // The same for a query or exec read already (StatementRequest::read or the general path).
    ServedDatabase::Work work(const StatementRequest &request, Reply reply);
    // The reply frame to a plain query that the server thread's quick reader answers at once
    // (ServedDatabase::readQuickly), written in one go: the request that makes up most of a
    // server's traffic, spared the work unit, its functions and a second buffer. Empty when it is
    // not for the quick reader (it writes, waits on a lock, runs long, needs a cursor): a
    // reader then runs it, through work().
    QByteArray quickReply(const RpcId &id, const StatementRequest &request);

private:
    void execute(const QJsonObject &params, Reply reply);
    ServedDatabase::Work pagedWork(ServedDatabase::Work unit, const StatementRequest &request,
                                   Reply reply);
    void fetch(const QJsonObject &params, Reply reply,
               const std::shared_ptr<ServedDatabase::CancelToken> &cancel);
    void runInTransaction(const QJsonObject &params, ServedDatabase::Work work);
    void beginTransaction(const QJsonObject &params, Reply reply);
    void endTransaction(const QJsonObject &params, bool commit, Reply reply);
    void listTables(Reply reply);
    void getSchema(const QJsonObject &params, Reply reply);
    QJsonObject stats() const;

    ServedDatabase *m_database; // not owned; outlives its sessions
    const ServerState *m_state; // not owned
};
