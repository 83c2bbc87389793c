#pragma once

#include "core/connectionspec.h"
#include "core/dberror.h"
#include "core/net/remoteendpoint.h"
#include "core/resultset.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// The deployed DoSQL worker's HTTP API (PROTOCOL.md §4), for servers that refuse the WebSocket:
// SQL text in, rows as JSON objects out, each statement committed on its own. Lives on the
// network thread.
class HttpTransport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpTransport)

public:
    struct Result
    {
        QList<ResultColumn> columns; // in the order the server wrote them
        QList<Row> rows;
        qint64 rowsAffected = 0;
    };
    using Done = std::function<void(const Result &result, const DbError *error)>;

    HttpTransport(const RemoteEndpoint &endpoint, const RemoteOptions &options,
                  QObject *parent = nullptr);

    // GET /db/<name>/health: calls `done` with no error when the database answers over HTTP.
    void probe(std::function<void(const DbError *error)> done);
    // POST /db/<name>/query (or /execute for a write) with `sql`, parameters already inlined.
    // The reply may be aborted to abandon the statement.
    QNetworkReply *run(const QString &sql, bool write, Done done);

    // The keys of the first object in `json`'s top-level "rows" array, in the order written
    // (QJsonObject sorts them; a result's columns must keep theirs).
    static QStringList firstRowKeys(const QByteArray &json);
    // The error an HTTP reply stands for: the worker's {success:false,error}, dosqld's added
    // code, a 404 {error}, a body that is not JSON.
    static DbError errorFromReply(int status, const QByteArray &body, const QString &where);

private:
    DbError unreachable(const QNetworkReply *reply) const;
    QNetworkReply *send(const QString &route, const QByteArray &body);

    RemoteEndpoint m_endpoint;
    RemoteOptions m_options;
    QNetworkAccessManager *m_network;
};
