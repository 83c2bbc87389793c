#pragma once

#include "core/dberror.h"

// Maps a SQLite result code and message to the contract's error code (docs/PROTOCOL.md §5) and
// a message that says what to do. `offset` is the byte offset of the error in the SQL, or -1.
DbError sqliteError(int resultCode, const QString &sqliteMessage, int offset = -1);
