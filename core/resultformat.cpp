#include "core/resultformat.h"

#include "core/protocol/jsonwriter.h"

namespace ResultFormat {

namespace {

bool needsQuotes(QByteArrayView text)
{
    for (char c : text) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n')
            return true;
    }
    return false;
}

void appendCsvText(QByteArray &out, QByteArrayView text)
{
    if (!text.isEmpty() && !needsQuotes(text)) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendBlobLiteral(QByteArray &out, QByteArrayView bytes)
{
    out += "X'";
    out += QByteArray::fromRawData(bytes.data(), bytes.size()).toHex();
    out += '\'';
}

} // namespace

void appendCsvField(QByteArray &out, const SqlValue &value)
{
    switch (value.type()) {
    case SqlValue::Type::Null:
        return;
    case SqlValue::Type::Integer:
        out += QByteArray::number(value.toInteger());
        return;
    case SqlValue::Type::Real:
        out += SqlValue::realText(value.toReal());
        return;
    case SqlValue::Type::Blob:
        appendBlobLiteral(out, value.toBlob());
        return;
    case SqlValue::Type::Text:
        appendCsvText(out, value.toText().toUtf8());
        return;
    }
}

void CsvEncoder::encode(const QList<ResultColumn> &, const RawRow &row, qint64,
                        QByteArray &out) const
{
    const int count = row.size();
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += ',';
        switch (row.type(i)) {
        case SqlValue::Type::Null:
            break;
        case SqlValue::Type::Integer:
            out += QByteArray::number(row.integer(i));
            break;
        case SqlValue::Type::Real:
            out += SqlValue::realText(row.real(i));
            break;
        case SqlValue::Type::Blob:
            appendBlobLiteral(out, row.bytes(i));
            break;
        case SqlValue::Type::Text:
            appendCsvText(out, row.bytes(i));
            break;
        }
    }
    out += "\r\n";
}

QByteArray csvField(const SqlValue &value)
{
    QByteArray out;
    appendCsvField(out, value);
    return out;
}

void appendCsvRow(QByteArray &out, const Row &row)
{
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (i > 0)
            out += ',';
        appendCsvField(out, row.at(i));
    }
    out += "\r\n";
}

QByteArray csvRow(const Row &row)
{
    QByteArray out;
    appendCsvRow(out, row);
    return out;
}

QByteArray csvHeader(const QList<ResultColumn> &columns)
{
    Row names;
    for (const ResultColumn &c : columns)
        names.append(SqlValue(c.name));
    return csvRow(names);
}

QByteArray jsonObject(const QList<ResultColumn> &columns, const Row &row)
{
    JsonWriter json;
    json.beginObject();
    for (qsizetype c = 0; c < columns.size() && c < row.size(); ++c) {
        json.key(columns.at(c).name);
        json.value(row.at(c));
    }
    json.endObject();
    return json.take();
}

} // namespace ResultFormat
