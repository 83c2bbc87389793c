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

} // namespace

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
