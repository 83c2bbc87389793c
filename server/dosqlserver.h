#pragma once

#include "server/serverstate.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QObject>

#include <map>
#include <memory>

class HttpConnection;
class QTcpServer;
class ServedDatabase;
struct DbError;
struct HttpRequest;

Q_DECLARE_LOGGING_CATEGORY(lcServer)

// dosqld: serves the SQLite files of one folder over the DoSQL contract (docs/PROTOCOL.md) —
// the HTTP API and RPC over WebSocket — with token auth and loopback-only by default.
//
// HTTP is served by a small HTTP/1.1 reader of our own rather than QtHttpServer: in Qt 6.4 that
// technology preview upgrades every WebSocket request before any handler sees it, so it could
// not answer an upgrade for an unknown database with 404 or a missing token with 401 as the
// contract needs, and it has no streamed responses for Server-Sent Events.
class DosqlServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DosqlServer)

public:
    struct Config
    {
        QString dataDir;
        QHostAddress bindAddress = QHostAddress::LocalHost;
        quint16 port = 8787;
        QString token; // empty: no auth (only allowed on loopback)
        bool createMissing = false;
        bool httpOnly = false; // refuse WebSocket upgrades, as the deployed DoSQL worker does
        qint64 maxFrameBytes = 16 * 1024 * 1024;
        int cdcMaxBufferedEvents = 10000;            // per subscriber, before BUFFER_OVERFLOW
        int heartbeatMs = 15000;                     // WebSocket heartbeat when idle
        int ssePingMs = 30000;                       // ": ping" on SSE streams
        qint64 logKeepCount = 1000000;               // change-log retention: newest entries kept
        qint64 logMaxAgeMs = 7LL * 24 * 3600 * 1000; // and their age
    };

    explicit DosqlServer(const Config &config, QObject *parent = nullptr);
    ~DosqlServer() override;

    // Starts listening. False with a message a person can act on when it cannot.
    bool start(QString *error);
    quint16 port() const;
    // Opens (or returns) the database `name`; null with `error` when it does not exist.
    ServedDatabase *database(const QString &name, DbError *error);

    static bool isValidDatabaseName(const QString &name);
    // Applies the change-log retention to every open database (also run every minute).
    void trimLogs();

private:
    void newConnection();
    void handleRequest(HttpConnection *connection, const HttpRequest &request);
    void handleUpgrade(HttpConnection *connection, const HttpRequest &request);
    bool authorized(const HttpRequest &request) const;
    // Whether the browser page a request comes from (its Origin) may use this server.
    bool allowedOrigin(const HttpRequest &request) const;
    // Answers 401 or 403 and returns false when the request may not go on.
    bool admit(HttpConnection *connection, const HttpRequest &request);
    bool authorizedToken(const QString &presented) const;
    void serveDatabaseRoute(HttpConnection *connection, const HttpRequest &request,
                            ServedDatabase *db, const QString &route);
    QByteArray metricsText() const;
    void serveChangeStream(HttpConnection *connection, const HttpRequest &request,
                           ServedDatabase *db);

    Config m_config;
    QTcpServer *m_tcp;
    std::map<QString, std::unique_ptr<ServedDatabase>> m_databases;
    ServerState m_state;
};
