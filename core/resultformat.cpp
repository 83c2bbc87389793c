#include "core/resultformat.h"

#include "core/protocol/jsonwriter.h"

namespace ResultFormat {

namespace {

QByteArray quoted(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out.append('"');
    for (char c : text) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
    return out;
}

bool needsQuotes(const QByteArray &text)
{
    for (char c : text) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n')
            return true;
    }
    return false;
}

} // namespace

QByteArray csvField(const SqlValue &value)
{
    switch (value.type()) {
    case SqlValue::Type::Null:
        return {};
    case SqlValue::Type::Integer:
    case SqlValue::Type::Real:
        return value.toText().toLatin1();
    case SqlValue::Type::Blob:
        return value.toSqlLiteral().toLatin1();
    case SqlValue::Type::Text: {
        const QByteArray text = value.toText().toUtf8();
        return text.isEmpty() || needsQuotes(text) ? quoted(text) : text;
    }
    }
    return {};
}

QByteArray csvRow(const Row &row)
{
    QByteArray out;
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (i > 0)
            out.append(',');
        out.append(csvField(row.at(i)));
    }
    out.append("\r\n");
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
