#include "core/schemaqueries.h"

#include <QHash>

namespace SchemaQueries {

namespace {

// Every result column has a name of its own: over HTTP, rows arrive as JSON objects keyed by
// name, where a repeated name would keep only one value.

// User objects of the main schema; SQLite's own (sqlite_*) are left out.
const char kObjects[]
    = "SELECT l.name AS object, l.type, l.wr, l.strict, m.sql FROM pragma_table_list AS l"
      " LEFT JOIN sqlite_schema AS m ON m.name = l.name"
      " WHERE l.schema = 'main' AND l.name NOT LIKE 'sqlite!_%' ESCAPE '!'"
      " ORDER BY l.name COLLATE NOCASE";
// table_xinfo also lists hidden and generated columns (hidden: 1 hidden, 2 virtual, 3 stored).
const char kColumns[]
    = "SELECT l.name AS object, c.name AS column_name, c.type, c.\"notnull\", c.dflt_value,"
      " c.pk, c.hidden"
      " FROM pragma_table_list AS l JOIN pragma_table_xinfo(l.name) AS c"
      " WHERE l.schema = 'main' AND l.name NOT LIKE 'sqlite!_%' ESCAPE '!'"
      " ORDER BY l.name, c.cid";
const char kIndexes[]
    = "SELECT l.name AS object, i.name AS index_name, i.\"unique\", i.origin, i.partial, m.sql,"
      " c.name AS column_name"
      " FROM pragma_table_list AS l JOIN pragma_index_list(l.name) AS i"
      " JOIN pragma_index_info(i.name) AS c LEFT JOIN sqlite_schema AS m ON m.name = i.name"
      " WHERE l.schema = 'main' AND l.type = 'table' AND l.name NOT LIKE 'sqlite!_%' ESCAPE '!'"
      " ORDER BY l.name, i.name, c.seqno";
const char kForeignKeys[]
    = "SELECT l.name AS object, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update,"
      " f.on_delete"
      " FROM pragma_table_list AS l JOIN pragma_foreign_key_list(l.name) AS f"
      " WHERE l.schema = 'main' AND l.type = 'table' AND l.name NOT LIKE 'sqlite!_%' ESCAPE '!'"
      " ORDER BY l.name, f.id, f.seq";
const char kTriggers[]
    = "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name";

QString text(const Row &row, int column)
{
    return row.value(column).toText();
}

qint64 integer(const Row &row, int column)
{
    return row.value(column).toInteger();
}

} // namespace

QStringList all()
{
    return {QString::fromLatin1(kObjects), QString::fromLatin1(kColumns),
            QString::fromLatin1(kIndexes), QString::fromLatin1(kForeignKeys),
            QString::fromLatin1(kTriggers)};
}

DatabaseSchema build(const QList<QList<Row>> &rows)
{
    QList<TableSchema> objects;
    QHash<QString, qsizetype> byName;
    for (const Row &r : rows.value(0)) {
        TableSchema t;
        t.name = text(r, 0);
        const QString type = text(r, 1);
        t.kind = type == u"view"      ? TableSchema::Kind::View
                 : type == u"virtual" ? TableSchema::Kind::Virtual
                                      : TableSchema::Kind::Table;
        t.withoutRowid = integer(r, 2) != 0;
        t.strict = integer(r, 3) != 0;
        t.sql = text(r, 4);
        byName.insert(t.name, objects.size());
        objects.append(t);
    }
    auto table = [&](const QString &name) -> TableSchema * {
        const auto it = byName.constFind(name);
        return it == byName.constEnd() ? nullptr : &objects[*it];
    };
    for (const Row &r : rows.value(1)) {
        TableSchema *t = table(text(r, 0));
        if (!t)
            continue;
        ColumnInfo c;
        c.name = text(r, 1);
        c.declaredType = text(r, 2);
        c.notNull = integer(r, 3) != 0;
        c.hasDefault = !r.value(4).isNull();
        c.defaultValue = text(r, 4);
        c.primaryKeyPosition = int(integer(r, 5));
        c.hidden = ColumnInfo::Hidden(qBound(0, int(integer(r, 6)), 3));
        t->columns.append(c);
    }
    for (const Row &r : rows.value(2)) {
        TableSchema *t = table(text(r, 0));
        if (!t)
            continue;
        const QString name = text(r, 1);
        if (t->indexes.isEmpty() || t->indexes.last().name != name) {
            IndexInfo i;
            i.name = name;
            i.unique = integer(r, 2) != 0;
            i.origin = text(r, 3);
            i.partial = integer(r, 4) != 0;
            i.sql = text(r, 5);
            t->indexes.append(i);
        }
        // An expression column has no name.
        t->indexes.last().columns.append(r.value(6).isNull() ? QStringLiteral("<expr>")
                                                             : text(r, 6));
    }
    for (const Row &r : rows.value(3)) {
        TableSchema *t = table(text(r, 0));
        if (!t)
            continue;
        // Rows of one composite key share an id; ids count up from 0.
        if (integer(r, 1) >= t->foreignKeys.size()) {
            ForeignKeyInfo fk;
            fk.referencedTable = text(r, 2);
            fk.onUpdate = text(r, 5);
            fk.onDelete = text(r, 6);
            t->foreignKeys.append(fk);
        }
        ForeignKeyInfo &fk = t->foreignKeys.last();
        fk.columns.append(text(r, 3));
        fk.referencedColumns.append(text(r, 4));
    }
    for (const Row &r : rows.value(4)) {
        const QString tableName = text(r, 1);
        for (TableSchema &t : objects) {
            if (t.name.compare(tableName, Qt::CaseInsensitive) == 0)
                t.triggers.append({text(r, 0), text(r, 2)});
        }
    }
    DatabaseSchema schema;
    for (TableSchema &t : objects)
        (t.kind == TableSchema::Kind::View ? schema.views : schema.tables).append(std::move(t));
    return schema;
}

} // namespace SchemaQueries
