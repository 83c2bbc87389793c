#pragma once

#include "core/changeevent.h"
#include "core/dberror.h"

#include <QHash>

#include <optional>

class SqliteDb;

// The change log of a database that dosqld serves: every row change, captured with SQLite's
// pre-update hook, is written to the table `_dosql_changelog` inside the same transaction as the
// change itself, so a committed change always has its entry and a rolled-back one never does.
// The log's AUTOINCREMENT key is the LSN: it only ever grows, also across restarts and trims.
//
// Lives on the thread of the connection it is attached to. The hook only buffers; the buffered
// changes are written by flush() after each statement, because a hook may not write itself.
class ChangeLog
{
public:
    static constexpr const char *kTableName = "_dosql_changelog";

    explicit ChangeLog(SqliteDb &db);
    ~ChangeLog();
    ChangeLog(const ChangeLog &) = delete;
    ChangeLog &operator=(const ChangeLog &) = delete;

    // Creates the log table if the database has none.
    std::optional<DbError> ensureTable();

    // Writes the changes buffered since the last flush or discard to the log, as part of the
    // connection's open transaction, tagging them with `txId`. `ddlSql` adds a DDL event.
    std::optional<DbError> flush(const QString &txId, const QString &ddlSql = {});
    // Forgets buffered changes (the statement that made them failed and was rolled back).
    void discard();
    bool hasPending() const { return !m_pending.isEmpty(); }

    // Forget cached column lists after DDL.
    void schemaChanged() { m_columns.clear(); }

    // Reading and trimming need no capture: they work on any connection to the database.
    static std::optional<DbError> currentLsn(SqliteDb &db, qint64 *lsn);
    // The LSN of the oldest entry still kept (current + 1 when the log is empty).
    static std::optional<DbError> oldestLsn(SqliteDb &db, qint64 *lsn);
    // Up to `limit` entries with LSN > `afterLsn`, in order.
    static std::optional<DbError> read(SqliteDb &db, qint64 afterLsn, int limit,
                                       QList<ChangeEvent> *events);
    // Drops entries beyond the newest `keepCount` or older than `maxAgeMs` (0: no limit).
    static std::optional<DbError> trim(SqliteDb &db, qint64 keepCount, qint64 maxAgeMs);

    static bool isInternalTable(const QString &name);

private:
    struct RawChange
    {
        ChangeEvent::Operation operation;
        QString table;
        qint64 oldRowid;
        qint64 newRowid;
        Row before;
        Row after;
    };
    struct TableColumns
    {
        QStringList names;
        QList<int> keyIndexes; // primary key columns; empty means the rowid is the key
    };

    static void hook(void *self, struct sqlite3 *db, int op, const char *dbName, const char *table,
                     qint64 oldRowid, qint64 newRowid);
    const TableColumns *columnsOf(const QString &table);

    SqliteDb &m_db; // not owned
    QList<RawChange> m_pending;
    QHash<QString, TableColumns> m_columns;
};
