#include "server/rpcmethods.h"

#include "core/protocol/jsonvalue.h"
#include "core/protocol/jsonwriter.h"
#include "core/protocol/rpccodec.h"
#include "server/servedatabase.h"
#include "server/servedcursors.h"
#include "server/servedtransactions.h"
#include "server/serverinfo.h"
#include "server/serverstate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RpcMethods", text);
}

QJsonObject columnObject(const ColumnInfo &c)
{
    QJsonObject object{{QStringLiteral("name"), c.name},
                       {QStringLiteral("type"), c.declaredType},
                       {QStringLiteral("nullable"), !c.notNull && c.primaryKeyPosition == 0},
                       {QStringLiteral("primaryKey"), c.primaryKeyPosition > 0}};
    if (c.hasDefault)
        object.insert(QStringLiteral("defaultValue"), c.defaultValue);
    return object;
}

QJsonObject schemaObject(const TableSchema &t)
{
    QJsonArray columns;
    for (const ColumnInfo &c : t.columns) {
        if (c.hidden != ColumnInfo::Hidden::Hidden)
            columns.append(columnObject(c));
    }
    QJsonArray indexes;
    for (const IndexInfo &i : t.indexes) {
        indexes.append(
            QJsonObject{{QStringLiteral("name"), i.name},
                        {QStringLiteral("columns"), QJsonArray::fromStringList(i.columns)},
                        {QStringLiteral("unique"), i.unique}});
    }
    QJsonArray foreignKeys;
    for (const ForeignKeyInfo &fk : t.foreignKeys) {
        foreignKeys.append(QJsonObject{
            {QStringLiteral("columns"), QJsonArray::fromStringList(fk.columns)},
            {QStringLiteral("referencedTable"), fk.referencedTable},
            {QStringLiteral("referencedColumns"), QJsonArray::fromStringList(fk.referencedColumns)},
            {QStringLiteral("onDelete"), fk.onDelete},
            {QStringLiteral("onUpdate"), fk.onUpdate}});
    }
    return {{QStringLiteral("name"), t.name},
            {QStringLiteral("columns"), columns},
            {QStringLiteral("primaryKey"), QJsonArray::fromStringList(t.primaryKey())},
            {QStringLiteral("indexes"), indexes},
            {QStringLiteral("foreignKeys"), foreignKeys}};
}

// `hasMore`, and the cursor to fetch the rest with when there is more.
void writePageEnd(JsonWriter &json, const QString &cursor)
{
    json.key(QLatin1StringView("hasMore"));
    json.boolean(!cursor.isEmpty());
    if (!cursor.isEmpty()) {
        json.key(QLatin1StringView("cursor"));
        json.string(cursor);
    }
}

} // namespace

RpcMethods::RpcMethods(ServedDatabase *database, const ServerState *state)
    : m_database(database)
    , m_state(state)
{}

QStringList RpcMethods::features()
{
    // What this server has beyond sql.do's methods; `cancel` reaches queued requests and reads.
    return {
        QStringLiteral("rowFormat"),    QStringLiteral("atomicBatch"), QStringLiteral("listTables"),
        QStringLiteral("stats"),        QStringLiteral("bigint"),      QStringLiteral("blob"),
        QStringLiteral("transactions"), QStringLiteral("idempotency"), QStringLiteral("subscribe"),
        QStringLiteral("sse"),          QStringLiteral("cancel"),      QStringLiteral("cursors")};
}

bool RpcMethods::isImmediate(const QString &method)
{
    return method == u"ping" || method == u"hello" || method == u"cancel";
}

RpcMethods::Group RpcMethods::groupOf(const QString &method, const QJsonObject &params)
{
    if (params.contains(QStringLiteral("transactionId")))
        return Group::None;
    if (method == u"query")
        return Group::Read;
    if (method == u"exec" || method == u"batch")
        return Group::Write;
    return Group::None;
}

void RpcMethods::call(const QString &method, const QJsonObject &params, Reply reply,
                      const std::shared_ptr<ServedDatabase::CancelToken> &cancel)
{
    if (method == u"fetch")
        return fetch(params, std::move(reply), cancel);
    if (method == u"closeCursor") {
        m_database->cursors()->close(params.value(QStringLiteral("cursor")).toString());
        return reply("{}", nullptr);
    }
    if (method == u"query" || method == u"exec" || method == u"batch") {
        std::optional<ServedDatabase::Work> unit = work(method, params, std::move(reply));
        if (!unit)
            return;
        switch (groupOf(method, params)) {
        case Group::Read:
            m_database->runInOrder({*unit});
            return;
        case Group::Write:
            return m_database->runWrites({*unit});
        case Group::None:
            return runInTransaction(params, *unit);
        }
    }
    if (method == u"beginTransaction")
        return beginTransaction(params, std::move(reply));
    if (method == u"commit" || method == u"rollback")
        return endTransaction(params, method == u"commit", std::move(reply));
    if (method == u"prepare") {
        const QJsonValue sql = params.value(QStringLiteral("sql"));
        if (!sql.isString() || sql.toString().trimmed().isEmpty()) {
            const DbError error{
                ErrorCode::InvalidRequest, tr("params.sql must be a non-empty string."), {}};
            return reply({}, &error);
        }
        return reply(RpcCodec::toJson(QJsonObject{
                         {QStringLiteral("hash"), m_database->prepare(sql.toString())}}),
                     nullptr);
    }
    if (method == u"execute")
        return execute(params, std::move(reply));
    if (method == u"listTables")
        return listTables(std::move(reply));
    if (method == u"getSchema")
        return getSchema(params, std::move(reply));
    if (method == u"stats")
        return reply(RpcCodec::toJson(stats()), nullptr);
    if (method == u"ping") {
        // Clients ping to keep sockets warm and to measure latency: answered the cheap way.
        JsonWriter json;
        json.beginObject();
        json.key(QLatin1StringView("pong"));
        json.boolean(true);
        json.key(QLatin1StringView("lsn"));
        json.string(QLatin1StringView(QByteArray::number(m_database->currentLsn())));
        json.key(QLatin1StringView("timestamp"));
        json.integer(QDateTime::currentMSecsSinceEpoch());
        json.endObject();
        return reply(json.take(), nullptr);
    }
    if (method == u"hello") {
        return reply(RpcCodec::toJson(QJsonObject{
                         {QStringLiteral("server"), serverName()},
                         {QStringLiteral("version"), serverVersion()},
                         {QStringLiteral("database"), m_database->name()},
                         {QStringLiteral("features"), QJsonArray::fromStringList(features())}}),
                     nullptr);
    }
    const DbError error{ErrorCode::MethodNotFound,
                        tr("The method \"%1\" does not exist on this server.").arg(method),
                        {{QStringLiteral("method"), method}}};
    reply({}, &error);
}

void RpcMethods::execute(const QJsonObject &params, Reply reply)
{
    const QString sql = m_database->preparedSql(params.value(QStringLiteral("hash")).toString());
    if (sql.isEmpty()) {
        const DbError error{ErrorCode::InvalidRequest,
                            tr("No prepared statement has this hash; prepare it first."),
                            {}};
        return reply({}, &error);
    }
    QJsonObject withSql = params;
    withSql.insert(QStringLiteral("sql"), sql);
    call(QStringLiteral("query"), withSql, std::move(reply));
}

std::optional<ServedDatabase::Work> RpcMethods::work(const QString &method,
                                                     const QJsonObject &params, Reply reply)
{
    const bool arrayRows = params.value(QStringLiteral("rowFormat")).toString() == u"array";
    ServedDatabase::Work unit;
    DbError error;
    if (method == u"batch") {
        const QJsonValue list = params.value(QStringLiteral("statements"));
        if (!list.isArray() || list.toArray().isEmpty()) {
            error = {
                ErrorCode::InvalidRequest, tr("params.statements must be a non-empty array."), {}};
            reply({}, &error);
            return std::nullopt;
        }
        const QJsonArray array = list.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            Statement statement;
            if (!RpcCodec::statementFromParams(array.at(i).toObject(), &statement, &error)) {
                error.details.insert(QStringLiteral("index"), int(i));
                reply({}, &error);
                return std::nullopt;
            }
            unit.statements.append(statement);
        }
        unit.atomic = params.value(QStringLiteral("atomic")).toBool(false);
        unit.encode = [arrayRows](const ServedDatabase::Outcome &outcome) {
            JsonWriter json;
            json.beginArray();
            for (const StatementResult &r : outcome.results) {
                json.beginObject();
                RpcCodec::writeQueryResultMembers(json, r, arrayRows, outcome.lsn);
                json.endObject();
            }
            json.endArray();
            return json.take();
        };
        unit.done = [reply, encode = unit.encode](const ServedDatabase::Outcome &outcome) {
            if (outcome.error) {
                DbError failure = *outcome.error;
                failure.details.insert(QStringLiteral("index"), outcome.failedIndex);
                return reply({}, &failure);
            }
            reply(outcome.encoded.isEmpty() ? encode(outcome) : outcome.encoded, nullptr);
        };
        return unit;
    }

    StatementRequest request;
    request.method = method;
    if (!RpcCodec::statementRequestFromParams(params, &request, &error)) {
        reply({}, &error);
        return std::nullopt;
    }
    return work(request, std::move(reply));
}

ServedDatabase::Work RpcMethods::work(const StatementRequest &request, Reply reply)
{
    ServedDatabase::Work unit;
    unit.statements = {request.statement};
    if (request.pageSize > 0)
        return pagedWork(std::move(unit), request, std::move(reply));
    unit.idempotencyKey = request.idempotencyKey;
    const bool arrayRows = request.arrayRows;
    unit.encode = [arrayRows](const ServedDatabase::Outcome &outcome) {
        JsonWriter json;
        json.beginObject();
        RpcCodec::writeQueryResultMembers(json, outcome.results.value(0), arrayRows, outcome.lsn);
        if (outcome.replayed) {
            json.key(QLatin1StringView("replayed"));
            json.boolean(true);
        }
        json.endObject();
        return json.take();
    };
    // Where the work ran encoded the result already, except in a transaction's thread.
    unit.done = [reply, encode = unit.encode](const ServedDatabase::Outcome &outcome) {
        if (outcome.error)
            return reply({}, &*outcome.error);
        reply(outcome.encoded.isEmpty() ? encode(outcome) : outcome.encoded, nullptr);
    };
    return unit;
}

QByteArray RpcMethods::quickReply(const RpcId &id, const StatementRequest &request)
{
    StatementResult result;
    const qint64 rowLimit = request.pageSize > 0 ? request.pageSize : -1;
    if (!m_database->readQuickly(request.statement, rowLimit, false, &result))
        return {};
    JsonWriter json;
    json.beginObject();
    json.key(QLatin1StringView("id"));
    json.raw(id.json());
    json.key(QLatin1StringView("result"));
    json.beginObject();
    RpcCodec::writeQueryResultMembers(json, result, request.arrayRows, m_database->currentLsn());
    if (request.pageSize > 0)
        writePageEnd(json, {});
    json.endObject();
    json.endObject();
    return json.take();
}

void RpcMethods::runInTransaction(const QJsonObject &params, ServedDatabase::Work work)
{
    const QJsonValue transaction = params.value(QStringLiteral("transactionId"));
    if (!transaction.isString()) {
        ServedDatabase::Outcome outcome;
        outcome.error
            = DbError{ErrorCode::InvalidRequest, tr("params.transactionId must be a string."), {}};
        return work.done(outcome);
    }
    m_database->transactions()->run(transaction.toString(), work.statements, work.atomic,
                                    work.idempotencyKey, work.done);
}

ServedDatabase::Work RpcMethods::pagedWork(ServedDatabase::Work unit,
                                           const StatementRequest &request, Reply reply)
{
    const int pageSize = request.pageSize;
    const bool arrayRows = request.arrayRows;
    // Most paged reads fit in their first page: they run on a reader like any read, pipelined,
    // and answer with hasMore false. Only a result larger than a page gets a cursor, which runs
    // the statement again on a snapshot of its own and pages through that.
    unit.rowLimit = pageSize;
    unit.encode = [arrayRows](const ServedDatabase::Outcome &outcome) {
        const StatementResult &result = outcome.results.value(0);
        if (result.hasMore)
            return QByteArray(); // the cursor answers
        JsonWriter json;
        json.beginObject();
        RpcCodec::writeQueryResultMembers(json, result, arrayRows, outcome.lsn);
        writePageEnd(json, {});
        json.endObject();
        return json.take();
    };
    ServedDatabase *database = m_database; // outlives this object, which a socket owns
    unit.done = [database, reply, encode = unit.encode, statement = unit.statements.first(),
                 pageSize, arrayRows](const ServedDatabase::Outcome &outcome) {
        if (outcome.error)
            return reply({}, &*outcome.error);
        if (!outcome.results.value(0).hasMore)
            return reply(outcome.encoded.isEmpty() ? encode(outcome) : outcome.encoded, nullptr);
        const qint64 lsn = database->currentLsn();
        database->cursors()->open(
            statement, pageSize, [reply, arrayRows, lsn](const ServedCursors::Page &page) {
                if (page.error)
                    return reply({}, &*page.error);
                JsonWriter json;
                json.beginObject();
                RpcCodec::writeQueryResultMembers(json, page.result, arrayRows, lsn);
                writePageEnd(json, page.cursor);
                json.endObject();
                reply(json.take(), nullptr);
            });
    };
    return unit;
}

void RpcMethods::fetch(const QJsonObject &params, Reply reply,
                       const std::shared_ptr<ServedDatabase::CancelToken> &cancel)
{
    const bool arrayRows = params.value(QStringLiteral("rowFormat")).toString() == u"array";
    const int max = params.value(QStringLiteral("max")).toInt(1000);
    m_database->cursors()->fetch(
        params.value(QStringLiteral("cursor")).toString(), max,
        [reply, arrayRows](const ServedCursors::Page &page) {
            if (page.error)
                return reply({}, &*page.error);
            JsonWriter json;
            json.beginObject();
            json.key(QLatin1StringView("rows"));
            RpcCodec::writeRows(json, page.result.columns, page.result.rows, arrayRows);
            writePageEnd(json, page.cursor);
            json.endObject();
            reply(json.take(), nullptr);
        },
        cancel);
}

void RpcMethods::beginTransaction(const QJsonObject &params, Reply reply)
{
    const bool readOnly = params.value(QStringLiteral("readOnly")).toBool(false);
    const int timeoutMs = params.value(QStringLiteral("timeoutMs")).toInt(0);
    m_database->transactions()->begin(
        readOnly, timeoutMs,
        [reply](const ServedTransactions::Info &info, const std::optional<DbError> &error) {
            if (error)
                return reply({}, &*error);
            // Every isolation level sql.do names is accepted; SQLite gives SERIALIZABLE and we say
            // so.
            reply(RpcCodec::toJson(QJsonObject{
                      {QStringLiteral("id"), info.id},
                      {QStringLiteral("isolationLevel"), QStringLiteral("SERIALIZABLE")},
                      {QStringLiteral("readOnly"), info.readOnly},
                      {QStringLiteral("startedAt"), info.startedAt.toString(Qt::ISODateWithMs)},
                      {QStringLiteral("snapshotLSN"), QString::number(info.snapshotLsn)}}),
                  nullptr);
        });
}

void RpcMethods::endTransaction(const QJsonObject &params, bool commit, Reply reply)
{
    const QJsonValue id = params.value(QStringLiteral("transactionId"));
    if (!id.isString()) {
        const DbError error{
            ErrorCode::InvalidRequest, tr("params.transactionId must be a string."), {}};
        return reply({}, &error);
    }
    auto done = [reply, commit](const ServedDatabase::Outcome &outcome) {
        if (outcome.error)
            return reply({}, &*outcome.error);
        reply(commit ? RpcCodec::toJson(
                  QJsonObject{{QStringLiteral("lsn"), QString::number(outcome.lsn)}})
                     : QByteArray("{}"),
              nullptr);
    };
    if (commit)
        m_database->transactions()->commit(id.toString(), std::move(done));
    else
        m_database->transactions()->rollback(id.toString(), std::move(done));
}

void RpcMethods::listTables(Reply reply)
{
    ServedDatabase *database = m_database;
    database->readSchema(
        [reply, database](const DatabaseSchema &schema, const std::optional<DbError> &error) {
            if (error)
                return reply({}, &*error);
            database->estimateRowCounts([reply, schema](const QHash<QString, qint64> &estimates) {
                QJsonArray tables;
                for (const TableSchema &t : schema.tables) {
                    QJsonObject table{{QStringLiteral("name"), t.name},
                                      {QStringLiteral("type"), QStringLiteral("table")}};
                    if (estimates.contains(t.name))
                        table.insert(QStringLiteral("rowCountEstimate"),
                                     double(estimates.value(t.name)));
                    tables.append(table);
                }
                for (const TableSchema &v : schema.views)
                    tables.append(QJsonObject{{QStringLiteral("name"), v.name},
                                              {QStringLiteral("type"), QStringLiteral("view")}});
                reply(RpcCodec::toJson(tables), nullptr);
            });
        });
}

void RpcMethods::getSchema(const QJsonObject &params, Reply reply)
{
    const QJsonValue name = params.value(QStringLiteral("tableName"));
    if (!name.isString()) {
        const DbError error{
            ErrorCode::InvalidRequest, tr("params.tableName must be a string."), {}};
        return reply({}, &error);
    }
    m_database->readSchema([reply, name = name.toString()](const DatabaseSchema &schema,
                                                           const std::optional<DbError> &error) {
        if (error)
            return reply({}, &*error);
        const TableSchema *table = schema.find(name);
        reply(table ? RpcCodec::toJson(schemaObject(*table)) : QByteArray("null"), nullptr);
    });
}

QJsonObject RpcMethods::stats() const
{
    const ServedDatabase::Counters &c = m_database->counters();
    return {{QStringLiteral("uptimeMs"), double(m_state->uptime.elapsed())},
            {QStringLiteral("connections"), m_state->connections},
            {QStringLiteral("queries"), double(c.queries.load())},
            {QStringLiteral("rowsRead"), double(c.rowsRead.load())},
            {QStringLiteral("rowsWritten"), double(c.rowsWritten.load())},
            {QStringLiteral("errors"), double(c.errors.load())},
            {QStringLiteral("transactionsOpen"), m_database->transactions()->openCount()},
            {QStringLiteral("lsn"), QString::number(m_database->currentLsn())},
            {QStringLiteral("dbSizeBytes"), double(m_database->fileSizeBytes())}};
}
