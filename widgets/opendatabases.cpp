#include "widgets/opendatabases.h"

#include "core/engine/localconnection.h"
#include "core/net/remoteconnection.h"

#include <QFileInfo>

OpenDatabases::OpenDatabases(QObject *parent)
    : QObject(parent)
{}

OpenDatabases::~OpenDatabases() = default;

Connection *OpenDatabases::open(const ConnectionSpec &spec)
{
    ConnectionSpec normalized = spec;
    if (!spec.isRemote())
        normalized.location = QFileInfo(spec.location).absoluteFilePath();
    for (const auto &c : m_connections) {
        if (c->spec().location == normalized.location
            && c->spec().remote.database == normalized.remote.database
            && c->spec().mode == spec.mode)
            return c.get();
    }
    if (normalized.isRemote())
        m_connections.push_back(std::make_unique<RemoteConnection>(normalized));
    else
        m_connections.push_back(std::make_unique<LocalConnection>(normalized));
    Connection *connection = m_connections.back().get();
    Q_EMIT opened(connection);
    connection->open();
    return connection;
}

void OpenDatabases::close(Connection *connection)
{
    for (auto it = m_connections.begin(); it != m_connections.end(); ++it) {
        if (it->get() == connection) {
            Q_EMIT aboutToClose(connection);
            m_connections.erase(it);
            return;
        }
    }
}

QList<Connection *> OpenDatabases::all() const
{
    QList<Connection *> result;
    for (const auto &c : m_connections)
        result.append(c.get());
    return result;
}
