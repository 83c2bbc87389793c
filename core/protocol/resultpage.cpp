#include "core/protocol/resultpage.h"

#include "core/protocol/jsonreader.h"
#include "core/protocol/jsonvalue.h"

#include <QJsonArray>

#include <cmath>

namespace {

bool readNames(JsonReader &reader, QStringList *names)
{
    return reader.array([&] {
        QString name;
        if (!reader.string(&name))
            return false;
        names->append(name);
        return true;
    });
}

bool readRows(JsonReader &reader, QList<Row> *rows)
{
    qsizetype width = 0; // the last row's: rows of a result are as wide as each other
    return reader.array([&] {
        Row row;
        row.reserve(width);
        const bool read = reader.array([&] {
            SqlValue value;
            if (!reader.sqlValue(&value))
                return false;
            row.append(std::move(value));
            return true;
        });
        width = row.size();
        rows->append(std::move(row));
        return read;
    });
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

// An array of column names or types, as text: when it is written exactly as `cached` (checked
// when it was read), it is taken as it is instead of being checked again.
bool readColumnsText(JsonReader &reader, const QByteArray *cached, QByteArrayView *text)
{
    if (cached && !cached->isEmpty() && reader.takeText(*cached)) {
        *text = *cached;
        return true;
    }
    return reader.peek('[') && reader.skip(text);
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

// dosqld's members, in the order it writes them: the names as written, with the colon, and
// what each is. The others (duration, lsn, and any to come) are skipped.
constexpr QByteArrayView kDosqldOrder[]
    = {"\"columns\":",      "\"columnTypes\":",     "\"rows\":",
       "\"rowsAffected\":", "\"lastInsertRowid\":", "\"duration\":",
       "\"lsn\":",          "\"hasMore\":",         "\"cursor\":"};
constexpr Member kDosqldMembers[] = {Member::Columns,      Member::ColumnTypes,     Member::Rows,
                                     Member::RowsAffected, Member::LastInsertRowid, Member::Other,
                                     Member::Other,        Member::HasMore,         Member::Cursor};
static_assert(std::size(kDosqldOrder) == std::size(kDosqldMembers));

} // namespace

bool ResultPage::read(QByteArrayView json, ResultPage *page, ColumnCache *cache)
{
    *page = ResultPage{};
    JsonReader reader(json);
    QByteArrayView namesText, typesText;
    bool hasMore = false;
    QString cursor;
    unsigned seen = 0;
    const auto readMember = [&](Member member) {
        const unsigned bit = 1u << unsigned(member);
        if (member != Member::Other && (seen & bit))
            return false; // a second one: which one counts is the general path's to say
        seen |= bit;
        switch (member) {
        case Member::Columns:
            return readColumnsText(reader, cache ? &cache->namesText : nullptr, &namesText);
        case Member::ColumnTypes:
            return readColumnsText(reader, cache ? &cache->typesText : nullptr, &typesText);
        case Member::Rows:
            return readRows(reader, &page->rows);
        case Member::RowsAffected:
            return readCount(reader, &page->rowsAffected);
        case Member::LastInsertRowid: {
            SqlValue rowid;
            if (!reader.sqlValue(&rowid))
                return false;
            page->lastInsertRowid = rowid.toInteger();
            return true;
        }
        case Member::HasMore:
            return reader.boolean(&hasMore);
        case Member::Cursor:
            return reader.string(&cursor);
        case Member::Other:
            break;
        }
        return reader.skip(); // duration, lsn, and members yet to come
    };
    if (!reader.objectInOrder(kDosqldOrder, [&](qsizetype index) {
            return readMember(index < 0 ? Member::Other : kDosqldMembers[index]);
        }))
        return false;
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
    page->rowsAffected
        = JsonValue::toInteger(object.value(QStringLiteral("rowsAffected")).toDouble());
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
