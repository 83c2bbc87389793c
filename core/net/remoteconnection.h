#pragma once

#include "core/connection.h"
#include "core/net/changesubscription.h"
#include "core/net/serverinfo.h"

#include <QThread>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class RemoteSession;

// A DoSQL database on a server, behind the same Connection API as a local file. The transport
// lives on a network thread of its own (RemoteSession): sockets, JSON parsing and row decoding
// never touch the caller's thread.
class RemoteConnection final : public Connection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteConnection)

public:
    explicit RemoteConnection(const ConnectionSpec &spec, QObject *parent = nullptr);
    ~RemoteConnection() override;

    void open() override;
    QueryRequest *query(const Statement &statement, QObject *parent = nullptr) override;
    SchemaRequest *readSchema(QObject *parent = nullptr) override;

    // Follows the database's changes (see ChangeSubscription); delete it to stop.
    ChangeSubscription *watch(const ChangeSubscription::Options &options,
                              QObject *parent = nullptr);

    // What the server turned out to be; valid once open.
    ServerInfo serverInfo() const { return m_info; }
    bool isReconnecting() const { return m_reconnecting; }

Q_SIGNALS:
    // The socket dropped and is being made again; requests wait or fail (see RpcChannel).
    void reconnectingChanged(bool reconnecting);

private:
    DbError notConnected() const;
    // Ends `request` with notConnected() unless the connection is open; true when it did.
    bool failUnlessOpen(DbRequest *request);

    // Runs `call` on the network thread. Calls made in one pass of this thread's event loop go
    // over in one event, in order: each event wakes the network thread, and pipelined
    // requests would otherwise wake it once each.
    void callSession(std::function<void(RemoteSession *)> call);
    // The same for a query, the call made by the thousand: without a function to allocate.
    void callSession(const std::shared_ptr<RequestControl> &control, const Statement &statement);

    // A query to run, or another call.
    struct SessionCall
    {
        std::shared_ptr<RequestControl> control;
        Statement statement;
        std::function<void(RemoteSession *)> other;
    };
    void postSessionCall(SessionCall call);

    QThread m_thread;
    RemoteSession *m_session = nullptr; // lives on m_thread
    struct SessionCalls
    {
        std::mutex mutex;
        std::vector<SessionCall> waiting;
    };
    std::shared_ptr<SessionCalls> m_sessionCalls = std::make_shared<SessionCalls>();
    ServerInfo m_info;
    bool m_reconnecting = false;
};
