#pragma once

#include "core/columninfo.h"

#include <QList>
#include <QMetaType>
#include <QStringList>

struct IndexInfo
{
    QString name;
    QStringList columns;
    bool unique = false;
    QString origin; // "c" CREATE INDEX, "u" UNIQUE constraint, "pk" PRIMARY KEY
    bool partial = false;
    QString sql;
};

struct ForeignKeyInfo
{
    QStringList columns;
    QString referencedTable;
    QStringList referencedColumns;
    QString onUpdate;
    QString onDelete;
};

struct TriggerInfo
{
    QString name;
    QString sql;
};

// A table or view with everything the schema browser and the table model need to know about it.
struct TableSchema
{
    enum class Kind { Table, View, Virtual };

    QString name;
    Kind kind = Kind::Table;
    bool withoutRowid = false;
    bool strict = false;
    QString sql;
    QList<ColumnInfo> columns;
    QList<IndexInfo> indexes;
    QList<ForeignKeyInfo> foreignKeys;
    QList<TriggerInfo> triggers;

    bool isValid() const { return !name.isEmpty(); }
    bool hasRowid() const { return kind == Kind::Table && !withoutRowid; }
    // Primary key columns in key order.
    QStringList primaryKey() const;
    int columnIndex(const QString &name) const;
};

// The whole schema of one database, tables and views sorted by name.
struct DatabaseSchema
{
    QList<TableSchema> tables;
    QList<TableSchema> views;

    const TableSchema *find(const QString &name) const;
};

Q_DECLARE_METATYPE(TableSchema)
Q_DECLARE_METATYPE(DatabaseSchema)
