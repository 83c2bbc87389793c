#pragma once

#include "core/sqlvalue.h"

#include <QList>
#include <QMetaType>

struct ResultColumn
{
    QString name;
    QString declaredType;
};

// A slice of a result's rows, in order. `firstRow` is the 0-based number of the first row in the
// whole result, so a consumer can tell batches apart without counting.
struct RowBatch
{
    qint64 firstRow = 0;
    QList<Row> rows;
    // Instead of `rows`, when the statement asked for a RowEncoder and the connection used it:
    // that many rows as the encoder wrote them.
    QByteArray encoded;
    qint64 encodedRows = 0;

    qint64 rowCount() const { return encodedRows > 0 ? encodedRows : rows.size(); }
};

// What a finished statement reports.
struct ExecSummary
{
    qint64 rowsRead = 0;     // rows the statement produced (all of them, also when sampling)
    qint64 rowsAffected = 0; // rows changed by INSERT/UPDATE/DELETE
    qint64 lastInsertRowid = 0;
    double durationMs = 0;
    bool changedData = false;
};

Q_DECLARE_METATYPE(ResultColumn)
Q_DECLARE_METATYPE(RowBatch)
Q_DECLARE_METATYPE(ExecSummary)
