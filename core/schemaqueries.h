#pragma once

#include "core/sqlvalue.h"
#include "core/tableschema.h"

#include <QStringList>

// The whole schema in five read-only SELECTs over SQLite's pragma functions, and the code that
// builds a DatabaseSchema from their rows. The same queries serve a local file (SchemaReader)
// and a remote database that only runs SQL it is sent, so both see one schema the same way.
namespace SchemaQueries {

// In this order: objects, columns, indexes, foreign keys, triggers.
QStringList all();

// Builds the schema from the rows of all()'s queries, given in the same order.
DatabaseSchema build(const QList<QList<Row>> &rows);

} // namespace SchemaQueries
