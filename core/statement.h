#pragma once

#include "core/sqlvalue.h"

#include <QHash>
#include <QMetaType>

#include <memory>

class RowEncoder;

// How a query's rows come back.
struct QueryOptions
{
    int batchSize = 256; // rows per RowBatch
    qint64 maxRows = -1; // stop after this many rows (-1: all)
    // Deliver only every Nth row (rows 0, N, 2N, ...), while still counting all of them in
    // ExecSummary::rowsRead. Builds sparse key indexes without moving every row across threads.
    int sampleEvery = 1;
    // When set, a connection that reads rows itself delivers them encoded by this, as bytes
    // (RowBatch::encoded), instead of as Rows.
    std::shared_ptr<const RowEncoder> encoder;
};

// One SQL statement with its bound parameters: the unit of every request to a Connection.
struct Statement
{
    QString sql;
    QList<SqlValue> params;               // positional: ?, ?NNN
    QHash<QString, SqlValue> namedParams; // :name, @name, $name (key includes the prefix)
    QueryOptions options;

    Statement() = default;
    Statement(const QString &text, const QList<SqlValue> &positional = {})
        : sql(text)
        , params(positional)
    {}
};

Q_DECLARE_METATYPE(Statement)
