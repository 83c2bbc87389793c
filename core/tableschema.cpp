#include "core/tableschema.h"

#include <algorithm>

QStringList TableSchema::primaryKey() const
{
    QList<const ColumnInfo *> keyColumns;
    for (const ColumnInfo &c : columns) {
        if (c.primaryKeyPosition > 0)
            keyColumns.append(&c);
    }
    std::sort(keyColumns.begin(), keyColumns.end(), [](const ColumnInfo *a, const ColumnInfo *b) {
        return a->primaryKeyPosition < b->primaryKeyPosition;
    });
    QStringList names;
    for (const ColumnInfo *c : keyColumns)
        names.append(c->name);
    return names;
}

int TableSchema::columnIndex(const QString &columnName) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name.compare(columnName, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

const TableSchema *DatabaseSchema::find(const QString &name) const
{
    for (const QList<TableSchema> *list : {&tables, &views}) {
        for (const TableSchema &t : *list) {
            if (t.name.compare(name, Qt::CaseInsensitive) == 0)
                return &t;
        }
    }
    return nullptr;
}
