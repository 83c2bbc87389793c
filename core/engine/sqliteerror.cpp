#include "core/engine/sqliteerror.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SqliteError", text);
}

} // namespace

DbError sqliteError(int resultCode, const QString &sqliteMessage, int offset)
{
    DbError error;
    error.message = sqliteMessage;
    error.details.insert(QStringLiteral("sqliteCode"), resultCode);
    if (offset >= 0)
        error.details.insert(QStringLiteral("offset"), offset);

    const int primary = resultCode & 0xff;
    switch (primary) {
    case SQLITE_CONSTRAINT:
        error.code = ErrorCode::ConstraintViolation;
        return error;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        error.code = ErrorCode::Timeout;
        error.message = sqliteMessage
                        + tr(" — another connection holds a lock; try again when it"
                             " has finished.");
        return error;
    case SQLITE_INTERRUPT:
        error.code = ErrorCode::Cancelled;
        error.message = tr("The statement was cancelled.");
        return error;
    case SQLITE_READONLY:
        error.code = ErrorCode::ReadOnly;
        error.message = tr("The database is open read-only, so it cannot be changed. Reopen it"
                           " without the read-only option to make changes.");
        return error;
    case SQLITE_MISMATCH:
        error.code = ErrorCode::TypeMismatch;
        return error;
    case SQLITE_NOMEM:
    case SQLITE_FULL:
        error.code = ErrorCode::ResourceExhausted;
        if (primary == SQLITE_FULL)
            error.message = sqliteMessage + tr(" — the disk is full; free some space and retry.");
        return error;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        error.code = ErrorCode::ConnectionFailed;
        return error;
    case SQLITE_ERROR:
        break;
    default:
        error.code = ErrorCode::Unknown;
        return error;
    }

    // SQLITE_ERROR covers parse errors and missing objects; only the message tells them apart.
    if (sqliteMessage.startsWith(QLatin1String("no such table"))
        || sqliteMessage.startsWith(QLatin1String("no such view"))) {
        error.code = ErrorCode::TableNotFound;
    } else if (sqliteMessage.startsWith(QLatin1String("no such column"))
               || sqliteMessage.contains(QLatin1String("has no column named"))) {
        error.code = ErrorCode::ColumnNotFound;
    } else if (sqliteMessage.contains(QLatin1String("syntax error"))
               || sqliteMessage.startsWith(QLatin1String("incomplete input"))
               || sqliteMessage.startsWith(QLatin1String("unrecognized token"))) {
        error.code = ErrorCode::SyntaxError;
    } else if (sqliteMessage.contains(QLatin1String("datatype mismatch"))) {
        error.code = ErrorCode::TypeMismatch;
    } else {
        error.code = ErrorCode::Unknown;
    }
    return error;
}
