#include "server/dosqlserver.h"

#include "core/dberror.h"
#include "core/protocol/changecodec.h"
#include "core/protocol/rpccodec.h"
#include "server/changefeed.h"
#include "server/httpconnection.h"
#include "server/rpcsession.h"
#include "server/servedatabase.h"
#include "server/serverinfo.h"
#include "server/websocketupgrade.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

Q_LOGGING_CATEGORY(lcServer, "studio.server", QtInfoMsg)

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(const QString &message)
{
    return json({{QStringLiteral("error"), message}});
}

// HTTP API failures carry the worker's shape, plus our code for clients that want it.
QByteArray failureBody(const DbError &error)
{
    return json({{QStringLiteral("success"), false},
                 {QStringLiteral("error"), error.message},
                 {QStringLiteral("code"), error.codeName()}});
}

bool isLoopback(const QHostAddress &address)
{
    return address.isLoopback();
}

} // namespace

DosqlServer::DosqlServer(const Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_tcp(new QTcpServer(this))
{
    m_state.uptime.start();
    connect(m_tcp, &QTcpServer::newConnection, this, &DosqlServer::newConnection);
    auto *retention = new QTimer(this);
    connect(retention, &QTimer::timeout, this, &DosqlServer::trimLogs);
    retention->start(60 * 1000);
}

void DosqlServer::trimLogs()
{
    for (const auto &[name, db] : m_databases)
        db->trimLog(m_config.logKeepCount, m_config.logMaxAgeMs);
}

DosqlServer::~DosqlServer()
{
    // Sessions first (they point at databases, and drop their sockets), then the databases join
    // their threads.
    m_tcp->close();
    qDeleteAll(findChildren<RpcSession *>());
    m_databases.clear();
}

bool DosqlServer::isValidDatabaseName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$"));
    return valid.match(name).hasMatch() && !name.contains(QStringLiteral(".."));
}

bool DosqlServer::start(QString *error)
{
    if (!isLoopback(m_config.bindAddress) && m_config.token.isEmpty()) {
        *error = tr("Refusing to listen on %1 without a token: anyone who can reach it could read"
                    " and change every database. Give a token (--token or DOSQL_TOKEN), or bind to"
                    " 127.0.0.1.")
                     .arg(m_config.bindAddress.toString());
        return false;
    }
    if (!QDir().mkpath(m_config.dataDir)) {
        *error = tr("Cannot create the data folder %1.").arg(m_config.dataDir);
        return false;
    }
    if (!m_tcp->listen(m_config.bindAddress, m_config.port)) {
        *error = tr("Cannot listen on %1:%2: %3. Is another server using the port? Choose another"
                    " with --port.")
                     .arg(m_config.bindAddress.toString())
                     .arg(m_config.port)
                     .arg(m_tcp->errorString());
        return false;
    }
    qCInfo(lcServer).noquote() << "dosqld listening on" << m_config.bindAddress.toString() << "port"
                               << m_tcp->serverPort() << "serving" << m_config.dataDir
                               << (m_config.token.isEmpty() ? "without auth" : "with token auth");
    return true;
}

quint16 DosqlServer::port() const
{
    return m_tcp->serverPort();
}

ServedDatabase *DosqlServer::database(const QString &name, DbError *error)
{
    if (auto it = m_databases.find(name); it != m_databases.end())
        return it->second.get();
    if (!isValidDatabaseName(name)) {
        *error = {ErrorCode::InvalidRequest,
                  tr("\"%1\" is not a valid database name (letters, digits, _ . -).").arg(name),
                  {}};
        return nullptr;
    }
    const QString path = QDir(m_config.dataDir).filePath(name + QStringLiteral(".db"));
    if (!m_config.createMissing && !QFileInfo::exists(path)) {
        *error = {ErrorCode::TableNotFound,
                  tr("There is no database \"%1\" on this server.").arg(name),
                  {}};
        return nullptr;
    }
    auto db = std::make_unique<ServedDatabase>(name, path, this);
    if (auto e = db->open(m_config.createMissing)) {
        qCWarning(lcServer).noquote() << "cannot open database" << name << ":" << e->message;
        *error = *e;
        return nullptr;
    }
    ServedDatabase *raw = db.get();
    m_databases.emplace(name, std::move(db));
    return raw;
}

void DosqlServer::newConnection()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, m_config.maxFrameBytes, this);
        connect(connection, &HttpConnection::requestReceived, this,
                [this, connection](const HttpRequest &r) { handleRequest(connection, r); });
        connect(connection, &HttpConnection::upgradeRequested, this,
                [this, connection](const HttpRequest &r) { handleUpgrade(connection, r); });
    }
}

bool DosqlServer::authorizedToken(const QString &presented) const
{
    // Compare in constant time so the token cannot be guessed byte by byte from timings.
    const QByteArray expected = m_config.token.toUtf8();
    QByteArray given = presented.toUtf8();
    unsigned char difference = expected.size() == given.size() ? 0 : 1;
    given.resize(expected.size(), '\0');
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected.at(i) ^ given.at(i));
    return difference == 0;
}

bool DosqlServer::authorized(const HttpRequest &request) const
{
    if (m_config.token.isEmpty())
        return true;
    const QByteArray header = request.header("authorization");
    if (header.startsWith("Bearer "))
        return authorizedToken(QString::fromUtf8(header.mid(7).trimmed()));
    return request.query.hasQueryItem(QStringLiteral("token"))
           && authorizedToken(
               request.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded));
}

bool DosqlServer::allowedOrigin(const HttpRequest &request) const
{
    // A page in a browser can reach a server on loopback too, and a WebSocket is not held back
    // by CORS: without a token, only pages served from this machine may use the server. Clients
    // that are not browsers send no Origin.
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty() || !m_config.token.isEmpty())
        return true;
    const QString host = QUrl(QString::fromLatin1(origin)).host();
    return host == u"localhost" || host.endsWith(u".localhost") || QHostAddress(host).isLoopback();
}

bool DosqlServer::admit(HttpConnection *connection, const HttpRequest &request)
{
    if (!authorized(request)) {
        connection->respond(401, errorBody(tr("A valid token is required.")));
        return false;
    }
    if (!allowedOrigin(request)) {
        connection->respond(
            403, errorBody(tr("Pages from %1 may not use this server without a token. Start dosqld"
                              " with --token to let them, or serve the page from this machine.")
                               .arg(QString::fromLatin1(request.header("origin")))));
        return false;
    }
    return true;
}

void DosqlServer::handleUpgrade(HttpConnection *connection, const HttpRequest &request)
{
    static const QRegularExpression route(QStringLiteral("^/db/([^/]+)/?$"));
    const auto match = route.match(request.path);
    if (!match.hasMatch() || m_config.httpOnly) {
        connection->respond(
            404,
            errorBody(tr("No WebSocket endpoint at %1; connect to /db/<name>.").arg(request.path)));
        return;
    }
    if (!admit(connection, request))
        return;
    QString refusal;
    if (const int status = WebSocketUpgrade::refusal(request, &refusal)) {
        connection->respond(status, errorBody(refusal));
        return;
    }
    DbError error;
    ServedDatabase *db = database(match.captured(1), &error);
    if (!db) {
        connection->respond(404, errorBody(error.message));
        return;
    }
    QTcpSocket *socket = connection->takeSocket();
    // A client that left while its upgrade waited its turn: its socket is on its way out.
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        if (socket)
            socket->deleteLater();
        return;
    }
    // Replies go out as soon as they are written: with Nagle's algorithm a reply's last segment
    // would wait for the client's delayed ACK (~40 ms) whenever it asks for one thing at a time.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Past the configured limit a frame gets INVALID_REQUEST; far past it, the socket is closed
    // rather than the frame buffered.
    auto webSocket = WebSocketUpgrade::accept(socket, request, m_config.maxFrameBytes * 4);
    RpcSession::Limits limits;
    limits.maxFrameBytes = m_config.maxFrameBytes;
    limits.maxBufferedEvents = m_config.cdcMaxBufferedEvents;
    limits.heartbeatMs = m_config.heartbeatMs;
    new RpcSession(std::move(webSocket), db, &m_state, limits, this);
}

void DosqlServer::handleRequest(HttpConnection *connection, const HttpRequest &request)
{
    if (request.path == u"/health" && request.method == "GET") {
        connection->respond(200, json({{QStringLiteral("status"), QStringLiteral("ok")},
                                       {QStringLiteral("service"), serverName()},
                                       {QStringLiteral("version"), serverVersion()}}));
        return;
    }
    if (!admit(connection, request))
        return;
    if (request.path == u"/metrics" && request.method == "GET") {
        connection->respond(200, metricsText(), QByteArrayLiteral("text/plain; version=0.0.4"));
        return;
    }
    static const QRegularExpression route(QStringLiteral("^/db/([^/]+)/([a-z]+(?:/stream)?)$"));
    const auto match = route.match(request.path);
    if (!match.hasMatch()) {
        connection->respond(404, errorBody(tr("Nothing at %1.").arg(request.path)));
        return;
    }
    DbError error;
    ServedDatabase *db = database(match.captured(1), &error);
    if (!db) {
        connection->respond(404, errorBody(error.message));
        return;
    }
    serveDatabaseRoute(connection, request, db, match.captured(2));
}

void DosqlServer::serveDatabaseRoute(HttpConnection *connection, const HttpRequest &request,
                                     ServedDatabase *db, const QString &route)
{
    QPointer<HttpConnection> guard(connection);
    if (route == u"cdc/stream" && request.method == "GET")
        return serveChangeStream(connection, request, db);
    if (route == u"health" && request.method == "GET") {
        connection->respond(200, json({{QStringLiteral("status"), QStringLiteral("ok")},
                                       {QStringLiteral("initialized"), true}}));
        return;
    }
    if (route == u"stats" && request.method == "GET") {
        RpcMethods(db, &m_state)
            .call(QStringLiteral("stats"), {}, [guard](const QByteArray &result, const DbError *) {
                if (guard)
                    guard->respond(200, result);
            });
        return;
    }
    if (route == u"tables" && request.method == "GET") {
        db->readSchema([guard](const DatabaseSchema &schema, const std::optional<DbError> &error) {
            if (!guard)
                return;
            if (error)
                return guard->respond(500, failureBody(*error));
            QJsonArray tables;
            auto add = [&tables](const TableSchema &t, const QString &type) {
                QJsonArray columns;
                for (const ColumnInfo &c : t.columns) {
                    if (c.hidden == ColumnInfo::Hidden::Hidden)
                        continue;
                    QJsonObject column{{QStringLiteral("name"), c.name},
                                       {QStringLiteral("type"), c.declaredType}};
                    if (c.hasDefault)
                        column.insert(QStringLiteral("defaultValue"), c.defaultValue);
                    columns.append(column);
                }
                const QStringList key = t.primaryKey();
                tables.append(QJsonObject{
                    {QStringLiteral("name"), t.name},
                    {QStringLiteral("type"), type},
                    {QStringLiteral("columns"), columns},
                    {QStringLiteral("primaryKey"),
                     key.isEmpty() ? QStringLiteral("rowid") : key.first()},
                    {QStringLiteral("primaryKeyColumns"), QJsonArray::fromStringList(key)}});
            };
            for (const TableSchema &t : schema.tables)
                add(t, QStringLiteral("table"));
            for (const TableSchema &v : schema.views)
                add(v, QStringLiteral("view"));
            guard->respond(200, json({{QStringLiteral("tables"), tables}}));
        });
        return;
    }
    if ((route == u"query" || route == u"execute") && request.method == "POST") {
        QJsonParseError parseError;
        const QJsonDocument body = QJsonDocument::fromJson(request.body, &parseError);
        Statement statement;
        DbError error;
        if (parseError.error != QJsonParseError::NoError || !body.isObject()) {
            connection->respond(
                400, failureBody(
                         {ErrorCode::InvalidRequest,
                          tr("The body must be a JSON object {\"sql\": ..., \"params\": [...]}."),
                          {}}));
            return;
        }
        if (!RpcCodec::statementFromParams(body.object(), &statement, &error)) {
            connection->respond(400, failureBody(error));
            return;
        }
        auto done = [guard](const ServedDatabase::Outcome &outcome) {
            if (!guard)
                return;
            if (outcome.error)
                return guard->respond(400, failureBody(*outcome.error));
            const StatementResult result = outcome.results.value(0);
            JsonWriter body;
            body.beginObject();
            body.key(QLatin1StringView("success"));
            body.boolean(true);
            body.key(QLatin1StringView("rows"));
            RpcCodec::writeRows(body, result.columns, result.rows, false);
            body.key(QLatin1StringView("stats"));
            body.beginObject();
            body.key(QLatin1StringView("rowsAffected"));
            body.integer(result.rowsAffected);
            body.key(QLatin1StringView("executionTimeMs"));
            body.milli(result.durationMs);
            body.endObject();
            body.endObject();
            guard->respond(200, body.take());
        };
        if (route == u"execute")
            db->runWrite({statement}, true, std::move(done));
        else
            db->run(statement, std::move(done));
        return;
    }
    connection->respond(
        404,
        errorBody(
            tr("Nothing at %1 for %2.").arg(request.path, QString::fromLatin1(request.method))));
}

QByteArray DosqlServer::metricsText() const
{
    QByteArray out;
    out += "# HELP dosqld_uptime_seconds Seconds since dosqld started.\n# TYPE "
           "dosqld_uptime_seconds gauge\n";
    out += "dosqld_uptime_seconds " + QByteArray::number(m_state.uptime.elapsed() / 1000.0) + '\n';
    out += "# HELP dosqld_connections Open WebSocket sessions.\n# TYPE dosqld_connections gauge\n";
    out += "dosqld_connections " + QByteArray::number(m_state.connections) + '\n';
    const std::pair<const char *, const char *> counters[] = {{"queries", "Statements run."},
                                                              {"rows_read", "Rows returned."},
                                                              {"rows_written", "Rows changed."},
                                                              {"errors", "Failed requests."}};
    for (const auto &[metric, help] : counters) {
        out += QByteArray("# HELP dosqld_") + metric + "_total " + help + "\n# TYPE dosqld_"
               + metric + "_total counter\n";
        for (const auto &[name, db] : m_databases) {
            const ServedDatabase::Counters &c = db->counters();
            const qint64 value = qstrcmp(metric, "queries") == 0        ? c.queries.load()
                                 : qstrcmp(metric, "rows_read") == 0    ? c.rowsRead.load()
                                 : qstrcmp(metric, "rows_written") == 0 ? c.rowsWritten.load()
                                                                        : c.errors.load();
            out += QByteArray("dosqld_") + metric + "_total{database=\"" + name.toUtf8() + "\"} "
                   + QByteArray::number(value) + '\n';
        }
    }
    out += "# HELP dosqld_lsn Latest change-log sequence number.\n# TYPE dosqld_lsn gauge\n";
    for (const auto &[name, db] : m_databases)
        out += "dosqld_lsn{database=\"" + name.toUtf8() + "\"} "
               + QByteArray::number(db->currentLsn()) + '\n';
    return out;
}

void DosqlServer::serveChangeStream(HttpConnection *connection, const HttpRequest &request,
                                    ServedDatabase *db)
{
    ChangeFeed::Options options;
    options.maxBuffered = m_config.cdcMaxBufferedEvents;
    const QString tables
        = request.query.queryItemValue(QStringLiteral("table"), QUrl::FullyDecoded);
    for (const QString &t : tables.split(u',', Qt::SkipEmptyParts))
        options.tables.insert(t.trimmed());
    // Resume from Last-Event-ID (what EventSource sends), else from=, else live only.
    qint64 from = db->currentLsn();
    QString given = QString::fromUtf8(request.header("last-event-id"));
    if (given.isEmpty())
        given = request.query.queryItemValue(QStringLiteral("from"));
    if (!given.isEmpty() && !ChangeFeed::parseLsn(QJsonValue(given), &from)) {
        connection->respond(
            400,
            failureBody({ErrorCode::InvalidLsn, tr("from must be a non-negative integer."), {}}));
        return;
    }
    auto *feed = new ChangeFeed(db, options, from, connection);
    auto *ping = new QTimer(feed);
    ping->setInterval(m_config.ssePingMs);
    connect(ping, &QTimer::timeout, connection,
            [connection] { connection->writeStream(": ping\n\n"); });
    connect(feed, &ChangeFeed::started, connection, [connection, ping] {
        connection->beginStream(QByteArrayLiteral("text/event-stream"));
        connection->writeStream(": connected\n\n");
        ping->start();
    });
    connect(feed, &ChangeFeed::failed, connection, [connection, feed](const DbError &error) {
        if (error.code == ErrorCode::InvalidLsn) {
            connection->respond(
                400, json({{QStringLiteral("success"), false},
                           {QStringLiteral("code"), error.codeName()},
                           {QStringLiteral("error"), error.message},
                           {QStringLiteral("oldestLSN"),
                            error.details.value(QStringLiteral("oldestLSN")).toLongLong()},
                           {QStringLiteral("currentLSN"),
                            error.details.value(QStringLiteral("currentLSN")).toLongLong()}}));
        } else {
            connection->endStream();
        }
        feed->deleteLater();
    });
    const qint64 maxPendingBytes = qint64(m_config.cdcMaxBufferedEvents) * 512;
    connect(feed, &ChangeFeed::batchReady, connection,
            [connection, feed, maxPendingBytes](const QList<ChangeEvent> &events, qint64) {
                QByteArray chunk;
                for (const ChangeEvent &e : events) {
                    if (e.operation != ChangeEvent::Operation::Ddl)
                        chunk += ChangeCodec::sseFrame(e);
                }
                connection->writeStream(chunk);
                feed->acknowledge(int(events.size()));
                // A client that stopped reading is let go at once (a graceful close would
                // wait for it to read); EventSource comes back with Last-Event-ID.
                if (connection->pendingBytes() > maxPendingBytes)
                    connection->abortStream();
            });
    feed->start();
}
