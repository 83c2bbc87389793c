#pragma once

#include "core/sqlvalue.h"

#include <QMetaType>
#include <QStringList>

// One row change (or one DDL statement) as the change log records it and streams deliver it.
struct ChangeEvent
{
    enum class Operation { Insert, Update, Delete, Ddl };

    qint64 lsn = 0; // 0 when unknown (e.g. changes inferred by polling)
    QString txId;
    QString table;
    Operation operation = Operation::Insert;
    qint64 timestampMs = 0;
    QStringList columns; // names for `before` and `after`
    Row before;          // empty for INSERT
    Row after;           // empty for DELETE
    QStringList keyColumns;
    Row key;
    QString sql; // DDL only

    static QString operationName(Operation op);
    static bool operationFromName(const QString &name, Operation *op);
};

Q_DECLARE_METATYPE(ChangeEvent)
