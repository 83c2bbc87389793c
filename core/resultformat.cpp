#include "core/resultformat.h"

#include "core/protocol/jsonwriter.h"

namespace ResultFormat {

namespace {

bool needsQuotes(const QByteArray &text)
{
    for (char c : text) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n')
            return true;
    }
    return false;
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
        out += value.toText().toLatin1();
        return;
    case SqlValue::Type::Blob:
        out += value.toSqlLiteral().toLatin1();
        return;
    case SqlValue::Type::Text: {
        const QByteArray text = value.toText().toUtf8();
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
        return;
    }
    }
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
