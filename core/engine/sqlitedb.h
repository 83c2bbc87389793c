#pragma once

#include "core/dberror.h"
#include "core/resultset.h"
#include "core/rowencoder.h"
#include "core/sqlvalue.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

class SqliteStatement;

// RAII owner of one sqlite3 connection. Created, used and closed on a single thread; only
// interrupt() may be called from another.
class SqliteDb
{
public:
    enum class OpenMode { ReadWrite, ReadOnly, Create };

    SqliteDb() = default;
    ~SqliteDb();
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;

    // Opens `path`. Create makes a new file in WAL mode; the others never change the file's
    // journal mode, because a user's database is not ours to alter.
    std::optional<DbError> open(const QString &path, OpenMode mode, int busyTimeoutMs = 5000);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    bool isReadOnly() const;

    // Runs SQL text that returns no rows we need (several statements allowed).
    std::optional<DbError> exec(const QString &sql);
    // Reads the file's first `bytes` through a memory map instead of a system call per page
    // that is not cached (PRAGMA mmap_size): for a server that reads a large database at random,
    // where those calls cost more than the lookups. An I/O error on mapped pages cannot come
    // back as an error, so it is only for files the program owns.
    std::optional<DbError> mapIntoMemory(qint64 bytes);
    // Runs one statement with `params`, calling `onRow` for each row; the first error ends it.
    std::optional<DbError> query(const QString &sql, const QList<SqlValue> &params = {},
                                 const std::function<void(const SqliteStatement &)> &onRow = {});
    // Prepares the first statement of `sql`; `tail` receives the unparsed remainder.
    std::unique_ptr<SqliteStatement> prepare(const QString &sql, DbError *error,
                                             QString *tail = nullptr);

    // Like prepare, for callers that run the same text again and again: a statement whose text
    // is one whole statement is kept when released (reset, its bindings cleared) and handed out
    // again for the same text, saving SQLite's parse and plan. Holds at most kCachedStatements.
    std::unique_ptr<SqliteStatement> prepareCached(const QString &sql, DbError *error,
                                                   QString *tail = nullptr);
    static constexpr int kCachedStatements = 32;
    // Runs one statement that returns no rows, kept prepared as prepareCached keeps it: for the
    // BEGIN and COMMIT that bracket many small reads, whose parse costs as much as the read.
    std::optional<DbError> execCached(const QString &sql);

    void interrupt();
    // Statements still running at `deadline` stop with an "interrupted" error, checked every few
    // microseconds of work. For callers on a thread that must not be held up for long.
    void setDeadline(std::chrono::steady_clock::time_point deadline);
    // Statements stop with an "interrupted" error once `*cancelled` is true (nullptr: never),
    // checked every so many steps of work. Unlike interrupt(), this cannot miss a statement
    // that had not started yet when the flag was set.
    void setCancelFlag(const std::atomic<bool> *cancelled);
    qint64 changes() const;
    qint64 lastInsertRowid() const;
    bool inTransaction() const;
    DbError lastError(int resultCode) const;

    sqlite3 *handle() const { return m_db; }

private:
    friend class SqliteStatement;
    void keep(const QString &sql, SqliteStatement *statement);

    struct CachedStatement
    {
        QString sql;
        sqlite3_stmt *stmt;
        QList<ResultColumn> columns; // as SqliteStatement::columns() last read them
        QByteArray columnText;
    };

    // SQLite's progress handler: on every `steps` virtual-machine steps, once set.
    void watchProgress(int steps);
    static int checkProgress(void *self);

    sqlite3 *m_db = nullptr;
    int m_progressSteps = 0; // 0: no handler
    std::optional<std::chrono::steady_clock::time_point> m_deadline;
    const std::atomic<bool> *m_cancelled = nullptr;
    QList<CachedStatement> m_cache; // the most recently used last
};

// RAII owner of one prepared statement.
class SqliteStatement
{
public:
    enum class StepResult { Row, Done, Error };

    // With `cacheKey`, the statement goes back to `db`'s cache under that text when destroyed.
    SqliteStatement(SqliteDb *db, sqlite3_stmt *stmt, const QString &cacheKey = {})
        : m_db(db)
        , m_stmt(stmt)
        , m_cacheKey(cacheKey)
    {}
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    int parameterCount() const;
    // 1-based; UTF-8 with its prefix (":name", "?2"), empty for a bare ?.
    QByteArrayView parameterName(int index) const;
    std::optional<DbError> bind(int index, const SqlValue &value);

    StepResult step();
    DbError error() const { return m_error; }
    void reset();

    int columnCount() const;
    // Every column's name and declared type. Current only after the first step: a kept
    // statement whose schema changed is prepared again there.
    QList<ResultColumn> columns() const;
    SqlValue value(int index) const;
    // The current row without copies, for RowEncoders.
    const RawRow &rawRow() const;

    bool isReadOnly() const;
    QString sql() const;

private:
    friend class SqliteDb;

    SqliteDb *m_db; // not owned; outlives its statements
    sqlite3_stmt *m_stmt;
    QString m_cacheKey;
    DbError m_error;
    mutable std::unique_ptr<RawRow> m_rawRow; // made on first use
    // columns() as it last answered, and the names and types it read them from (each ended by
    // a NUL): a statement run again and again has the same ones, which are then shared.
    mutable QList<ResultColumn> m_columns;
    mutable QByteArray m_columnText;
};
