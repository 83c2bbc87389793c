#pragma once

#include "core/connection.h"
#include "core/net/changesubscription.h"
#include "core/net/serverinfo.h"

#include <QThread>

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

    QThread m_thread;
    RemoteSession *m_session = nullptr; // lives on m_thread
    ServerInfo m_info;
    bool m_reconnecting = false;
};
