#pragma once

#include "core/dberror.h"
#include "core/tableschema.h"

#include <optional>

class SqliteDb;

// Reads a database's schema through SQLite's pragmas (the queries of SchemaQueries): tables and
// views with their columns (declared type, NOT NULL, default, key position, hidden and generated),
// indexes, foreign keys, triggers, WITHOUT ROWID and STRICT.
class SchemaReader
{
public:
    explicit SchemaReader(SqliteDb &db)
        : m_db(db)
    {}

    std::optional<DbError> read(DatabaseSchema *schema);

private:
    SqliteDb &m_db; // not owned
};
