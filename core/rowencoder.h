#pragma once

#include "core/resultset.h"

#include <QByteArrayView>

// One row as the engine holds it, read cell by cell without building SqlValues. Valid only
// while RowEncoder::encode() runs.
class RawRow
{
public:
    virtual ~RawRow() = default;
    virtual int size() const = 0;
    virtual SqlValue::Type type(int column) const = 0;
    virtual qint64 integer(int column) const = 0;
    virtual double real(int column) const = 0;
    // TEXT as UTF-8, BLOB as is; valid until the next call.
    virtual QByteArrayView bytes(int column) const = 0;
};

// Turns rows into bytes on the thread that reads them. An export of millions of rows spends
// most of its time building values and handing them between threads; a connection that reads
// rows itself (the embedded engine) encodes them where they are read and delivers bytes instead
// (RowBatch::encoded). Connections that read rows elsewhere (servers) ignore the encoder and
// deliver rows as usual.
// Encoders are shared between threads: encode() must not change the encoder.
class RowEncoder
{
public:
    virtual ~RowEncoder() = default;
    // Appends row `index` (0-based in the whole result) to `out`.
    virtual void encode(const QList<ResultColumn> &columns, const RawRow &row, qint64 index,
                        QByteArray &out) const = 0;
};
