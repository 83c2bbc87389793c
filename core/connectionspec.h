#pragma once

#include <QMetaType>
#include <QString>

// How to reach a remote server, beside its address.
struct RemoteOptions
{
    // Auto: the WebSocket contract, or HTTP when the server refuses the upgrade (the deployed
    // worker does); Http skips the WebSocket.
    enum class Transport { Auto, WebSocket, Http };

    QString database;          // the database's name on the server
    QString token;             // bearer token; in memory only, never in settings, logs or errors
    bool tokenInQuery = false; // send it as ?token= (only when the user chose it)
    QString caFile;            // extra CA certificates (PEM) to trust beside the system's
    int requestTimeoutMs = 30000;
    int connectTimeoutMs = 10000;
    Transport transport = Transport::Auto;
};

// Where a connection goes and how: a local SQLite file, or a DoSQL server.
struct ConnectionSpec
{
    enum class OpenMode { ReadWrite, ReadOnly, Create };

    QString location; // a file path, or a server address (http://, https://, ws://, wss://)
    OpenMode mode = OpenMode::ReadWrite;
    QString displayName;
    QString colourTag;    // "#rrggbb" the user tagged a saved connection with; empty: none
    RemoteOptions remote; // for server addresses

    bool isReadOnly() const { return mode == OpenMode::ReadOnly; }
    bool isRemote() const;
    QString title() const;
};

Q_DECLARE_METATYPE(ConnectionSpec)
