#include "core/protocol/rpccodec.h"

#include "core/protocol/jsonvalue.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace RpcCodec {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RpcCodec", text);
}

// `{"id":<id>,"<member>":<json>}`, put together in one allocation: a server writes one per
// request, and its result is most of it.
QByteArray envelope(const RpcId &id, QByteArrayView member, QByteArrayView json)
{
    const QByteArray idJson = id.json();
    const auto pieces = {QByteArrayView("{\"id\":"), QByteArrayView(idJson),
                         QByteArrayView(",\""),      member,
                         QByteArrayView("\":"),      json,
                         QByteArrayView("}")};
    qsizetype size = 0;
    for (QByteArrayView piece : pieces)
        size += piece.size();
    QByteArray frame(size, Qt::Uninitialized);
    char *out = frame.data();
    for (QByteArrayView piece : pieces) {
        std::memcpy(out, piece.data(), size_t(piece.size()));
        out += piece.size();
    }
    return frame;
}

} // namespace

QByteArray toJson(const QJsonValue &value)
{
    JsonWriter json;
    json.json(value);
    return json.take();
}

QJsonObject errorObject(const DbError &error)
{
    QJsonObject object{{QStringLiteral("code"), error.codeName()},
                       {QStringLiteral("message"), error.message}};
    if (!error.details.isEmpty())
        object.insert(QStringLiteral("details"), QJsonObject::fromVariantMap(error.details));
    return object;
}

DbError errorFromObject(const QJsonObject &object)
{
    DbError error;
    error.code = DbError::codeFromName(object.value(QStringLiteral("code")).toString());
    error.message = object.value(QStringLiteral("message")).toString();
    error.details = object.value(QStringLiteral("details")).toObject().toVariantMap();
    return error;
}

QByteArray resultFrame(const RpcId &id, const QJsonValue &result)
{
    return envelope(id, "result", toJson(result));
}

QByteArray resultFrame(const RpcId &id, const QByteArray &resultJson)
{
    return envelope(id, "result", resultJson);
}

QByteArray errorFrame(const RpcId &id, const DbError &error)
{
    return envelope(id, "error", toJson(errorObject(error)));
}

void writeRows(JsonWriter &json, const QList<ResultColumn> &columns, const QList<Row> &rows,
               bool arrayRows)
{
    json.beginArray();
    for (const Row &row : rows) {
        if (arrayRows) {
            json.beginArray();
            for (const SqlValue &v : row)
                json.value(v);
            json.endArray();
            continue;
        }
        json.beginObject();
        for (int c = 0; c < columns.size() && c < row.size(); ++c) {
            json.key(columns.at(c).name);
            json.value(row.at(c));
        }
        json.endObject();
    }
    json.endArray();
}

void writeQueryResultMembers(JsonWriter &json, const StatementResult &result, bool arrayRows,
                             qint64 lsn)
{
    json.key(QLatin1StringView("columns"));
    json.beginArray();
    for (const ResultColumn &c : result.columns)
        json.string(c.name);
    json.endArray();
    json.key(QLatin1StringView("columnTypes"));
    json.beginArray();
    for (const ResultColumn &c : result.columns)
        json.string(c.declaredType);
    json.endArray();
    json.key(QLatin1StringView("rows"));
    writeRows(json, result.columns, result.rows, arrayRows);
    json.key(QLatin1StringView("rowsAffected"));
    json.integer(result.rowsAffected);
    if (!result.readOnly) {
        json.key(QLatin1StringView("lastInsertRowid"));
        json.value(SqlValue(result.lastInsertRowid));
    }
    json.key(QLatin1StringView("duration"));
    json.milli(result.durationMs);
    json.key(QLatin1StringView("lsn"));
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, lsn).ptr;
    json.plainString(QLatin1StringView(digits, end - digits));
}

QByteArray queryResult(const StatementResult &result, bool arrayRows, qint64 lsn)
{
    JsonWriter json;
    json.beginObject();
    writeQueryResultMembers(json, result, arrayRows, lsn);
    json.endObject();
    return json.take();
}

bool statementResultFromJson(const QJsonObject &object, StatementResult *result)
{
    *result = StatementResult{};
    const QJsonArray names = object.value(QStringLiteral("columns")).toArray();
    const QJsonArray types = object.value(QStringLiteral("columnTypes")).toArray();
    for (qsizetype i = 0; i < names.size(); ++i)
        result->columns.append({names.at(i).toString(), types.at(i).toString()});
    for (const QJsonValue &rowValue : object.value(QStringLiteral("rows")).toArray()) {
        if (!rowValue.isArray())
            return false;
        Row row;
        for (const QJsonValue &v : rowValue.toArray()) {
            SqlValue value;
            if (!JsonValue::decode(v, &value))
                return false;
            row.append(value);
        }
        result->rows.append(row);
    }
    result->rowsAffected
        = JsonValue::toInteger(object.value(QStringLiteral("rowsAffected")).toDouble());
    SqlValue rowid;
    if (object.contains(QStringLiteral("lastInsertRowid"))
        && JsonValue::decode(object.value(QStringLiteral("lastInsertRowid")), &rowid)) {
        result->lastInsertRowid = rowid.toInteger();
        result->readOnly = false;
    }
    result->durationMs = object.value(QStringLiteral("duration")).toDouble();
    return true;
}

void writeStatement(JsonWriter &json, const Statement &statement, JsonWriter::StringMemo *sqlMemo)
{
    json.key(QLatin1StringView("sql"));
    if (sqlMemo)
        json.string(statement.sql, sqlMemo);
    else
        json.string(statement.sql);
    if (!statement.params.isEmpty()) {
        json.key(QLatin1StringView("params"));
        json.beginArray();
        for (const SqlValue &value : statement.params)
            json.value(value);
        json.endArray();
    }
    if (!statement.namedParams.isEmpty()) {
        json.key(QLatin1StringView("namedParams"));
        json.beginObject();
        for (auto it = statement.namedParams.cbegin(); it != statement.namedParams.cend(); ++it) {
            const QString &name = it.key();
            const bool prefixed
                = name.startsWith(u':') || name.startsWith(u'@') || name.startsWith(u'$');
            json.key(prefixed ? name.mid(1) : name);
            json.value(it.value());
        }
        json.endObject();
    }
}

bool readResultFrame(QByteArrayView frame, QByteArrayView *id, QByteArrayView *result)
{
    JsonReader reader(frame);
    bool seenId = false, seenResult = false;
    const bool read = reader.object([&](QByteArrayView name) {
        if (JsonReader::is(name, "id") && !seenId) {
            seenId = true;
            const bool text = reader.peek('"');
            if (text ? !reader.plainString(id) : !reader.skip(id))
                return false;
            // A number only when its text is what the general path would make of it: digits
            // that a double holds exactly.
            return text || (id->size() <= 15 && std::all_of(id->begin(), id->end(), [](char c) {
                                return c >= '0' && c <= '9';
                            }));
        }
        if (JsonReader::is(name, "result") && !seenResult) {
            seenResult = true;
            return reader.skipUnchecked(result);
        }
        if (JsonReader::is(name, "id") || JsonReader::is(name, "result")
            || JsonReader::is(name, "error") || JsonReader::is(name, "type"))
            return false;
        return reader.skip();
    });
    return read && reader.atEnd() && seenId && seenResult;
}

bool splitResultFrame(QByteArrayView frame, QByteArrayView *id, QByteArrayView *result)
{
    static constexpr QByteArrayView kStart("{\"id\":\"");
    static constexpr QByteArrayView kResult("\",\"result\":");
    if (!frame.startsWith(kStart))
        return false;
    qsizetype end = frame.size();
    while (end > 0 && JsonReader::isSpace(frame.at(end - 1)))
        --end;
    if (end == 0 || frame.at(end - 1) != '}')
        return false;
    --end;
    qsizetype digitsEnd = kStart.size();
    while (digitsEnd < end && frame.at(digitsEnd) >= '0' && frame.at(digitsEnd) <= '9')
        ++digitsEnd;
    if (digitsEnd == kStart.size() || !frame.sliced(digitsEnd, end - digitsEnd).startsWith(kResult))
        return false;
    *id = frame.sliced(kStart.size(), digitsEnd - kStart.size());
    const qsizetype resultStart = digitsEnd + kResult.size();
    *result = frame.sliced(resultStart, end - resultStart);
    return true;
}

bool statementFromParams(const QJsonObject &params, Statement *statement, DbError *error)
{
    const QJsonValue sql = params.value(QStringLiteral("sql"));
    if (!sql.isString() || sql.toString().trimmed().isEmpty()) {
        *error = {ErrorCode::InvalidRequest, tr("params.sql must be a non-empty string."), {}};
        return false;
    }
    statement->sql = sql.toString();
    const QJsonValue positional = params.value(QStringLiteral("params"));
    if (!positional.isUndefined() && !positional.isNull()) {
        if (!positional.isArray()) {
            *error
                = {ErrorCode::InvalidRequest, tr("params.params must be an array of values."), {}};
            return false;
        }
        const QJsonArray values = positional.toArray();
        for (qsizetype i = 0; i < values.size(); ++i) {
            SqlValue value;
            if (!JsonValue::decode(values.at(i), &value)) {
                *error = {ErrorCode::TypeMismatch,
                          tr("params.params[%1] is not a value: use null, a number, a string, a"
                             " boolean, {\"$int\":...} or {\"$blob\":...}.")
                              .arg(i),
                          {}};
                return false;
            }
            statement->params.append(value);
        }
    }
    const QJsonValue named = params.value(QStringLiteral("namedParams"));
    if (!named.isUndefined() && !named.isNull()) {
        if (!named.isObject()) {
            *error = {ErrorCode::InvalidRequest, tr("params.namedParams must be an object."), {}};
            return false;
        }
        const QJsonObject object = named.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            SqlValue value;
            if (!JsonValue::decode(it.value(), &value)) {
                *error = {ErrorCode::TypeMismatch,
                          tr("namedParams.%1 is not a value.").arg(it.key()),
                          {}};
                return false;
            }
            statement->namedParams.insert(it.key(), value);
        }
    }
    return true;
}

bool statementRequestFromParams(const QJsonObject &params, StatementRequest *request,
                                DbError *error)
{
    if (!statementFromParams(params, &request->statement, error))
        return false;
    request->arrayRows = params.value(QStringLiteral("rowFormat")).toString() == u"array";
    // In a transaction a query is not paged: its statements run on the transaction's connection.
    if (request->method == u"query" && params.contains(QStringLiteral("pageSize"))
        && !params.contains(QStringLiteral("transactionId"))) {
        request->pageSize = params.value(QStringLiteral("pageSize")).toInt(0);
        if (request->pageSize <= 0) {
            *error = {
                ErrorCode::InvalidRequest, tr("params.pageSize must be a positive integer."), {}};
            return false;
        }
    }
    if (request->method == u"exec")
        request->idempotencyKey = params.value(QStringLiteral("idempotencyKey")).toString();
    return true;
}

} // namespace RpcCodec
