#pragma once

#include "core/dberror.h"
#include "core/engine/statementrunner.h"
#include "core/protocol/jsonreader.h"
#include "core/protocol/jsonwriter.h"
#include "core/protocol/rpcid.h"
#include "core/protocol/statementrequest.h"
#include "core/statement.h"

#include <QJsonArray>
#include <QJsonObject>

// The JSON shapes of the DoSQL contract (docs/PROTOCOL.md §2, §4, §5) that both ends build or
// read: reply envelopes, errors, query results, statements in params.
namespace RpcCodec {

// A value as compact JSON text.
QByteArray toJson(const QJsonValue &value);

QJsonObject errorObject(const DbError &error);
DbError errorFromObject(const QJsonObject &object);

QByteArray resultFrame(const RpcId &id, const QJsonValue &result);
// The same with a result that is already JSON text.
QByteArray resultFrame(const RpcId &id, const QByteArray &resultJson);
QByteArray errorFrame(const RpcId &id, const DbError &error);

// `{columns, columnTypes, rows, rowsAffected, lastInsertRowid?, duration, lsn}`; rows as objects
// keyed by column name (sql.do's shape) or, with `arrayRows`, as arrays.
QByteArray queryResult(const StatementResult &result, bool arrayRows, qint64 lsn);
// The members of that object, written into an object `json` has open (for callers adding more).
void writeQueryResultMembers(JsonWriter &json, const StatementResult &result, bool arrayRows,
                             qint64 lsn);
void writeRows(JsonWriter &json, const QList<ResultColumn> &columns, const QList<Row> &rows,
               bool arrayRows);
// Reads a `queryResult(..., arrayRows = true, ...)` object back.
bool statementResultFromJson(const QJsonObject &object, StatementResult *result);

// Writes a statement's `sql`, `params` and `namedParams` (bare names, as sql.do sends them) into
// the params object `json` has open: the inverse of statementFromParams.
// `sqlMemo`, when given, remembers the SQL's JSON for the next statement (JsonWriter::StringMemo).
void writeStatement(JsonWriter &json, const Statement &statement,
                    JsonWriter::StringMemo *sqlMemo = nullptr);

// Reads a reply frame of the common shape `{"id": ..., "result": ...}` straight from its bytes:
// the id's text (a plain string's characters, or a whole number's digits) and the result's
// JSON text, both views into `frame`. The envelope is checked; the result is only delimited,
// and whoever reads it checks it (JsonReader, or QJsonDocument). False, with nothing decided,
// for errors, pushes, duplicate members, ids written any other way, and anything malformed
// around the result: the general path reads those.
bool readResultFrame(QByteArrayView frame, QByteArrayView *id, QByteArrayView *result);
// The reply as dosqld writes it, `{"id":"<digits>","result":<result>}`, taken apart without
// reading the result: the id's digits, and the text between `"result":` and the frame's last
// closing brace. That text is the result exactly when it is one whole JSON value, which a
// reader that takes only whole values (ResultPage::read) finds out as it reads it: the result
// is read once instead of being delimited first. False for frames that start any other way.
bool splitResultFrame(QByteArrayView frame, QByteArrayView *id, QByteArrayView *result);

// Reads `{sql, params?, namedParams?}`. False with `error` set when a field has the wrong type.
bool statementFromParams(const QJsonObject &params, Statement *statement, DbError *error);

// Reads a query's or an exec's params into `request`, whose id and method the caller has set:
// the general path beside StatementRequest::read. False with `error` set when a field has the
// wrong type or pageSize is not a positive integer.
bool statementRequestFromParams(const QJsonObject &params, StatementRequest *request,
                                DbError *error);

} // namespace RpcCodec
