#pragma once

#include "core/connectionspec.h"

#include <QObject>

#include <memory>
#include <vector>

class Connection;

// The databases open in this window. It owns their connections; the schema browser, tabs and
// status bar only point at them and hear when one goes away.
class OpenDatabases final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenDatabases)

public:
    explicit OpenDatabases(QObject *parent = nullptr);
    ~OpenDatabases() override;

    // Opens `spec`, or returns the connection already open on the same file in the same mode.
    Connection *open(const ConnectionSpec &spec);
    void close(Connection *connection);
    QList<Connection *> all() const;

Q_SIGNALS:
    void opened(Connection *connection);
    void aboutToClose(Connection *connection);

private:
    std::vector<std::unique_ptr<Connection>> m_connections;
};
