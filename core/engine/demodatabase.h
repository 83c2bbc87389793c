#pragma once

#include "core/dberror.h"

#include <optional>

// The demo database: the example schema of DoSQL's SvelteKit guide (users, sessions, products,
// orders, order_items, posts, comments, likes, todos) filled with generated, realistic data by
// resources/demo/demo.sql.
namespace DemoDatabase {

// The file name used for the demo; bumped whenever demo.sql changes shape.
QString fileName();

// Builds the demo at `path`. Blocking (call it off the GUI thread). Builds into a temporary file
// and renames it into place, so an interrupted build never leaves a half-made demo behind.
std::optional<DbError> create(const QString &path);

} // namespace DemoDatabase
