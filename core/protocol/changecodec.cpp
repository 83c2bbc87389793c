#include "core/protocol/changecodec.h"

#include "core/protocol/jsonvalue.h"

#include <QJsonDocument>

namespace ChangeCodec {

namespace {

QJsonValue rowObject(const QStringList &columns, const Row &row)
{
    if (row.isEmpty())
        return QJsonValue::Null;
    QJsonObject object;
    for (qsizetype i = 0; i < row.size(); ++i)
        object.insert(columns.value(i, QStringLiteral("column%1").arg(i + 1)),
                      JsonValue::encode(row.at(i)));
    return object;
}

// Reads {column: value} into `columns` (kept when already known, so before and after line up)
// and `row`.
bool readRow(const QJsonValue &value, QStringList *columns, Row *row)
{
    if (value.isNull() || value.isUndefined())
        return true;
    if (!value.isObject())
        return false;
    const QJsonObject object = value.toObject();
    if (columns->isEmpty())
        *columns = object.keys();
    for (const QString &column : std::as_const(*columns)) {
        SqlValue v;
        if (!JsonValue::decode(object.value(column), &v) && object.contains(column))
            return false;
        row->append(v);
    }
    return true;
}

} // namespace

bool fromLakeEvent(const QJsonObject &object, ChangeEvent *event)
{
    *event = {};
    if (!ChangeEvent::operationFromName(object.value(QStringLiteral("operation")).toString(),
                                        &event->operation))
        return false;
    event->lsn = JsonValue::toInteger(object.value(QStringLiteral("lsn")));
    event->table = object.value(QStringLiteral("table")).toString();
    event->timestampMs = JsonValue::toInteger(object.value(QStringLiteral("timestamp")));
    event->txId = object.value(QStringLiteral("txId")).toString();
    event->sql = object.value(QStringLiteral("sql")).toString();
    return readRow(object.value(QStringLiteral("primaryKey")), &event->keyColumns, &event->key)
           && readRow(object.value(QStringLiteral("before")), &event->columns, &event->before)
           && readRow(object.value(QStringLiteral("after")), &event->columns, &event->after);
}

bool fromSseEvent(const QJsonObject &object, ChangeEvent *event)
{
    *event = {};
    if (!ChangeEvent::operationFromName(object.value(QStringLiteral("type")).toString(),
                                        &event->operation))
        return false;
    event->lsn = JsonValue::toInteger(object.value(QStringLiteral("lsn")));
    event->table = object.value(QStringLiteral("table")).toString();
    event->timestampMs = JsonValue::toInteger(object.value(QStringLiteral("timestamp")));
    return readRow(object.value(QStringLiteral("oldValue")), &event->columns, &event->before)
           && readRow(object.value(QStringLiteral("newValue")), &event->columns, &event->after);
}

QJsonObject lakeEvent(const ChangeEvent &event)
{
    QJsonObject object{{QStringLiteral("lsn"), QString::number(event.lsn)},
                       {QStringLiteral("sequence"), double(event.lsn)},
                       {QStringLiteral("table"), event.table},
                       {QStringLiteral("operation"), ChangeEvent::operationName(event.operation)},
                       {QStringLiteral("timestamp"), double(event.timestampMs)},
                       {QStringLiteral("txId"), event.txId}};
    if (event.operation == ChangeEvent::Operation::Ddl) {
        object.insert(QStringLiteral("sql"), event.sql);
        return object;
    }
    object.insert(QStringLiteral("primaryKey"), rowObject(event.keyColumns, event.key));
    if (!event.before.isEmpty())
        object.insert(QStringLiteral("before"), rowObject(event.columns, event.before));
    if (!event.after.isEmpty())
        object.insert(QStringLiteral("after"), rowObject(event.columns, event.after));
    return object;
}

QJsonObject sseEvent(const ChangeEvent &event)
{
    return {{QStringLiteral("type"), ChangeEvent::operationName(event.operation)},
            {QStringLiteral("table"), event.table},
            {QStringLiteral("oldValue"), rowObject(event.columns, event.before)},
            {QStringLiteral("newValue"), rowObject(event.columns, event.after)},
            {QStringLiteral("lsn"), double(event.lsn)},
            {QStringLiteral("timestamp"), double(event.timestampMs)}};
}

QByteArray sseFrame(const ChangeEvent &event)
{
    return "id: " + QByteArray::number(event.lsn)
           + "\ndata: " + QJsonDocument(sseEvent(event)).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace ChangeCodec
