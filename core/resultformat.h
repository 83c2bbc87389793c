#pragma once

#include "core/resultset.h"
#include "core/rowencoder.h"

#include <QByteArray>

// Rows as text for files and terminals: CSV (RFC 4180) and JSON. Shared by dosql-shell and the
// export, so a result reads the same wherever it is written.
namespace ResultFormat {

// One CSV field: quoted when it holds a comma, a quote, CR or LF, or is empty text, so that NULL
// (an empty field) and '' ("") stay apart. REALs read back exactly; BLOBs are written as
// X'hex' literals.
QByteArray csvField(const SqlValue &value);
// The fields of `row`, comma-separated, ending in CRLF.
QByteArray csvRow(const Row &row);
// The same, appended to `out` (for writers of many rows).
void appendCsvField(QByteArray &out, const SqlValue &value);
void appendCsvRow(QByteArray &out, const Row &row);
QByteArray csvHeader(const QList<ResultColumn> &columns);

// CSV rows exactly as appendCsvRow writes them, encoded where the rows are read.
class CsvEncoder final : public RowEncoder
{
public:
    void encode(const QList<ResultColumn> &columns, const RawRow &row, qint64 index,
                QByteArray &out) const override;
};

// A row as a JSON object keyed by column name, values in the wire form of PROTOCOL.md §2.1.
// (A later column of a duplicated name wins, as in JavaScript.)
QByteArray jsonObject(const QList<ResultColumn> &columns, const Row &row);

} // namespace ResultFormat
