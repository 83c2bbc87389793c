#include "core/engine/schemareader.h"

#include "core/engine/sqlitedb.h"

std::optional<DbError> SchemaReader::read(DatabaseSchema *schema)
{
    *schema = {};
    QList<TableSchema> objects;
    // pragma_table_list (SQLite 3.37) tells WITHOUT ROWID and STRICT apart without parsing SQL.
    auto error = m_db.query(
        QStringLiteral("SELECT l.name, l.type, l.wr, l.strict, m.sql FROM pragma_table_list AS l"
                       " LEFT JOIN sqlite_schema AS m ON m.name = l.name"
                       " WHERE l.schema = 'main' AND l.name NOT LIKE 'sqlite!_%' ESCAPE '!'"
                       " ORDER BY l.name COLLATE NOCASE"),
        {}, [&](const SqliteStatement &s) {
            TableSchema t;
            t.name = s.value(0).toText();
            const QString type = s.value(1).toText();
            t.kind = type == u"view"      ? TableSchema::Kind::View
                     : type == u"virtual" ? TableSchema::Kind::Virtual
                                          : TableSchema::Kind::Table;
            t.withoutRowid = s.value(2).toInteger() != 0;
            t.strict = s.value(3).toInteger() != 0;
            t.sql = s.value(4).toText();
            objects.append(t);
        });
    if (error)
        return error;

    for (TableSchema &t : objects) {
        if ((error = readColumns(&t)))
            return error;
        if (t.kind != TableSchema::Kind::View) {
            if ((error = readIndexes(&t)) || (error = readForeignKeys(&t)))
                return error;
        }
    }

    error = m_db.query(QStringLiteral("SELECT name, tbl_name, sql FROM sqlite_schema"
                                      " WHERE type = 'trigger' ORDER BY name"),
                       {}, [&](const SqliteStatement &s) {
                           const QString table = s.value(1).toText();
                           for (TableSchema &t : objects) {
                               if (t.name.compare(table, Qt::CaseInsensitive) == 0)
                                   t.triggers.append({s.value(0).toText(), s.value(2).toText()});
                           }
                       });
    if (error)
        return error;

    for (TableSchema &t : objects)
        (t.kind == TableSchema::Kind::View ? schema->views : schema->tables).append(std::move(t));
    return std::nullopt;
}

std::optional<DbError> SchemaReader::readColumns(TableSchema *table)
{
    // table_xinfo also lists hidden and generated columns (hidden: 1 hidden, 2 virtual, 3 stored).
    return m_db.query(QStringLiteral("SELECT name, type, \"notnull\", dflt_value, pk, hidden"
                                     " FROM pragma_table_xinfo(?)"),
                      {table->name}, [&](const SqliteStatement &s) {
                          ColumnInfo c;
                          c.name = s.value(0).toText();
                          c.declaredType = s.value(1).toText();
                          c.notNull = s.value(2).toInteger() != 0;
                          c.hasDefault = !s.value(3).isNull();
                          c.defaultValue = s.value(3).toText();
                          c.primaryKeyPosition = int(s.value(4).toInteger());
                          c.hidden = ColumnInfo::Hidden(qBound(0, int(s.value(5).toInteger()), 3));
                          table->columns.append(c);
                      });
}

std::optional<DbError> SchemaReader::readIndexes(TableSchema *table)
{
    QList<IndexInfo> indexes;
    auto error = m_db.query(
        QStringLiteral("SELECT l.name, l.\"unique\", l.origin, l.partial, m.sql"
                       " FROM pragma_index_list(?) AS l"
                       " LEFT JOIN sqlite_schema AS m ON m.name = l.name ORDER BY l.name"),
        {table->name}, [&](const SqliteStatement &s) {
            IndexInfo i;
            i.name = s.value(0).toText();
            i.unique = s.value(1).toInteger() != 0;
            i.origin = s.value(2).toText();
            i.partial = s.value(3).toInteger() != 0;
            i.sql = s.value(4).toText();
            indexes.append(i);
        });
    if (error)
        return error;
    for (IndexInfo &index : indexes) {
        error = m_db.query(QStringLiteral("SELECT name FROM pragma_index_info(?) ORDER BY seqno"),
                           {index.name}, [&](const SqliteStatement &s) {
                               // An expression column has no name.
                               const SqlValue name = s.value(0);
                               index.columns.append(name.isNull() ? QStringLiteral("<expr>")
                                                                  : name.toText());
                           });
        if (error)
            return error;
    }
    table->indexes = indexes;
    return std::nullopt;
}

std::optional<DbError> SchemaReader::readForeignKeys(TableSchema *table)
{
    return m_db.query(QStringLiteral("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete"
                                     " FROM pragma_foreign_key_list(?) ORDER BY id, seq"),
                      {table->name}, [&](const SqliteStatement &s) {
                          const qint64 id = s.value(0).toInteger();
                          // Rows of one composite key share an id; ids count up from 0.
                          if (id >= table->foreignKeys.size()) {
                              ForeignKeyInfo fk;
                              fk.referencedTable = s.value(1).toText();
                              fk.onUpdate = s.value(4).toText();
                              fk.onDelete = s.value(5).toText();
                              table->foreignKeys.append(fk);
                          }
                          ForeignKeyInfo &fk = table->foreignKeys.last();
                          fk.columns.append(s.value(2).toText());
                          fk.referencedColumns.append(s.value(3).toText());
                      });
}
