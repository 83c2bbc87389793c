#include "core/protocol/resultpage.h"

#include "core/protocol/jsonreader.h"
#include "core/protocol/jsonvalue.h"

#include <QJsonArray>

#include <cmath>

namespace {

bool readNames(JsonReader &reader, QStringList *names)
{
    if (!reader.take('['))
        return false;
    if (reader.take(']'))
        return true;
    do {
        QString name;
        if (!reader.string(&name))
            return false;
        names->append(name);
    } while (reader.take(','));
    return reader.take(']');
}

bool readRows(JsonReader &reader, QList<Row> *rows)
{
    qsizetype width = 0; // the last row's: rows of a result are as wide as each other
    if (!reader.take('['))
        return false;
    if (reader.take(']'))
        return true;
    do {
        if (!reader.take('['))
            return false;
        Row row;
        row.reserve(width);
        if (!reader.take(']')) {
            do {
                SqlValue value;
                if (!reader.sqlValue(&value))
                    return false;
                row.append(std::move(value));
            } while (reader.take(','));
            if (!reader.take(']'))
                return false;
        }
        width = row.size();
        rows->append(std::move(row));
    } while (reader.take(','));
    return reader.take(']');
}

// A count as the general path takes it; fractions and counts beyond 2^53 are left to it.
bool readCount(JsonReader &reader, qint64 *out)
{
    double d = 0;
    bool integral = false;
    if (!reader.number(&d, &integral) || !integral
        || std::abs(d) > double(JsonValue::kMaxSafeInteger))
        return false;
    *out = qint64(d);
    return true;
}

// What the general path makes of a count: JSON gives it as a double, which may not fit.
qint64 toCount(double d)
{
    if (!std::isfinite(d) || std::abs(d) > 9.2e18)
        return 0;
    return qint64(d);
}

enum class Member {
    Columns,
    ColumnTypes,
    Rows,
    RowsAffected,
    LastInsertRowid,
    HasMore,
    Cursor,
    Other
};

Member memberOf(QByteArrayView name)
{
    if (JsonReader::is(name, "columns"))
        return Member::Columns;
    if (JsonReader::is(name, "columnTypes"))
        return Member::ColumnTypes;
    if (JsonReader::is(name, "rows"))
        return Member::Rows;
    if (JsonReader::is(name, "rowsAffected"))
        return Member::RowsAffected;
    if (JsonReader::is(name, "lastInsertRowid"))
        return Member::LastInsertRowid;
    if (JsonReader::is(name, "hasMore"))
        return Member::HasMore;
    if (JsonReader::is(name, "cursor"))
        return Member::Cursor;
    return Member::Other;
}

} // namespace

bool ResultPage::read(QByteArrayView json, ResultPage *page, ColumnCache *cache)
{
    *page = ResultPage{};
    JsonReader reader(json);
    if (!reader.take('{'))
        return false;
    QByteArrayView namesText, typesText;
    bool hasMore = false;
    QString cursor;
    unsigned seen = 0;
    if (!reader.take('}')) {
        do {
            QByteArrayView name;
            if (!reader.key(&name))
                return false;
            const Member member = memberOf(name);
            const unsigned bit = 1u << unsigned(member);
            if (member != Member::Other && (seen & bit))
                return false; // a second one: which one counts is the general path's to say
            seen |= bit;
            bool ok = true;
            switch (member) {
            case Member::Columns:
                ok = reader.peek('[') && reader.skip(&namesText);
                break;
            case Member::ColumnTypes:
                ok = reader.peek('[') && reader.skip(&typesText);
                break;
            case Member::Rows:
                ok = readRows(reader, &page->rows);
                break;
            case Member::RowsAffected:
                ok = readCount(reader, &page->rowsAffected);
                break;
            case Member::LastInsertRowid: {
                SqlValue rowid;
                ok = reader.sqlValue(&rowid);
                page->lastInsertRowid = rowid.toInteger();
                break;
            }
            case Member::HasMore:
                ok = reader.boolean(&hasMore);
                break;
            case Member::Cursor:
                ok = reader.string(&cursor);
                break;
            case Member::Other:
                ok = reader.skip(); // duration, lsn, and members yet to come
                break;
            }
            if (!ok)
                return false;
        } while (reader.take(','));
        if (!reader.take('}'))
            return false;
    }
    if (!reader.atEnd())
        return false;
    if (cache && namesText == cache->namesText && typesText == cache->typesText) {
        page->columns = cache->columns;
    } else {
        QStringList names, types;
        JsonReader namesReader(namesText), typesReader(typesText);
        if ((!namesText.isEmpty() && !readNames(namesReader, &names))
            || (!typesText.isEmpty() && !readNames(typesReader, &types)))
            return false;
        page->columns.reserve(names.size());
        for (qsizetype i = 0; i < names.size(); ++i)
            page->columns.append({names.at(i), types.value(i)});
        if (cache)
            *cache = {namesText.toByteArray(), typesText.toByteArray(), page->columns};
    }
    if (hasMore)
        page->cursor = cursor;
    return true;
}

bool ResultPage::fromJson(const QJsonObject &object, ResultPage *page)
{
    *page = ResultPage{};
    const QJsonArray names = object.value(QStringLiteral("columns")).toArray();
    const QJsonArray types = object.value(QStringLiteral("columnTypes")).toArray();
    for (qsizetype i = 0; i < names.size(); ++i)
        page->columns.append({names.at(i).toString(), types.at(i).toString()});
    page->rowsAffected = toCount(object.value(QStringLiteral("rowsAffected")).toDouble());
    SqlValue rowid;
    if (JsonValue::decode(object.value(QStringLiteral("lastInsertRowid")), &rowid))
        page->lastInsertRowid = rowid.toInteger();
    for (const QJsonValue &rowValue : object.value(QStringLiteral("rows")).toArray()) {
        QJsonArray values;
        if (rowValue.isArray()) {
            values = rowValue.toArray();
        } else if (rowValue.isObject()) {
            // A server that does not know rowFormat "array" sends sql.do's rows, keyed by
            // column name: the columns say the order.
            const QJsonObject keyed = rowValue.toObject();
            for (const QJsonValue &name : names) {
                const QJsonValue value = keyed.value(name.toString());
                values.append(value.isUndefined() ? QJsonValue() : value);
            }
        } else {
            return false;
        }
        Row row;
        row.reserve(values.size());
        for (const QJsonValue &v : values) {
            SqlValue value;
            if (!JsonValue::decode(v, &value))
                return false;
            row.append(value);
        }
        page->rows.append(row);
    }
    if (object.value(QStringLiteral("hasMore")).toBool())
        page->cursor = object.value(QStringLiteral("cursor")).toString();
    return true;
}
