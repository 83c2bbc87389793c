#pragma once

#include "core/dberror.h"
#include "core/statement.h"

// Writes a statement's parameters into its SQL as literals, for servers that take SQL text only
// (the deployed DoSQL worker's HTTP API, PROTOCOL.md §4). Parameters are found the way SQLite
// finds them: never inside strings, quoted identifiers or comments. Values keep their exact type
// and value: any text (quotes, backslashes, newlines, NUL, any Unicode), integers to the last
// digit, reals that read back to the same double, BLOBs as X'..', NULL.
namespace SqlInliner {

// Returns the SQL with every parameter replaced, or nothing with `error` set when a parameter
// has no value.
std::optional<QString> inlineParameters(const Statement &statement, DbError *error);

// One value as a SQL literal that SQLite reads back as exactly that value.
QString literal(const SqlValue &value);

} // namespace SqlInliner
