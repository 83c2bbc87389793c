#include "core/protocol/rpccodec.h"

#include "core/protocol/jsonvalue.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace RpcCodec {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RpcCodec", text);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

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

QByteArray resultFrame(const QJsonValue &id, const QJsonValue &result)
{
    return compact({{QStringLiteral("id"), id}, {QStringLiteral("result"), result}});
}

QByteArray errorFrame(const QJsonValue &id, const DbError &error)
{
    return compact({{QStringLiteral("id"), id}, {QStringLiteral("error"), errorObject(error)}});
}

QJsonArray rowsAsObjects(const QList<ResultColumn> &columns, const QList<Row> &rows)
{
    QJsonArray out;
    for (const Row &row : rows) {
        QJsonObject object;
        for (int c = 0; c < columns.size() && c < row.size(); ++c)
            object.insert(columns.at(c).name, JsonValue::encode(row.at(c)));
        out.append(object);
    }
    return out;
}

QJsonObject queryResult(const StatementResult &result, bool arrayRows, qint64 lsn)
{
    QJsonArray names;
    QJsonArray types;
    for (const ResultColumn &c : result.columns) {
        names.append(c.name);
        types.append(c.declaredType);
    }
    QJsonArray rows;
    if (arrayRows) {
        for (const Row &row : result.rows) {
            QJsonArray values;
            for (const SqlValue &v : row)
                values.append(JsonValue::encode(v));
            rows.append(values);
        }
    } else {
        rows = rowsAsObjects(result.columns, result.rows);
    }
    QJsonObject object{{QStringLiteral("columns"), names},
                       {QStringLiteral("columnTypes"), types},
                       {QStringLiteral("rows"), rows},
                       {QStringLiteral("rowsAffected"), double(result.rowsAffected)},
                       {QStringLiteral("duration"), result.durationMs},
                       {QStringLiteral("lsn"), QString::number(lsn)}};
    if (!result.readOnly)
        object.insert(QStringLiteral("lastInsertRowid"),
                      JsonValue::encode(SqlValue(result.lastInsertRowid)));
    return object;
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
    result->rowsAffected = qint64(object.value(QStringLiteral("rowsAffected")).toDouble());
    SqlValue rowid;
    if (object.contains(QStringLiteral("lastInsertRowid"))
        && JsonValue::decode(object.value(QStringLiteral("lastInsertRowid")), &rowid)) {
        result->lastInsertRowid = rowid.toInteger();
        result->readOnly = false;
    }
    result->durationMs = object.value(QStringLiteral("duration")).toDouble();
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

} // namespace RpcCodec
