#include "core/engine/sqlitedb.h"

#include "core/engine/sqliteerror.h"

#include <QCoreApplication>

#include <cstring>

#include <sqlite3.h>

SqliteDb::~SqliteDb()
{
    close();
}

std::optional<DbError> SqliteDb::open(const QString &path, OpenMode mode, int busyTimeoutMs)
{
    close();
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    switch (mode) {
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case OpenMode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenMode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const QByteArray utf8 = path.toUtf8();
    const int rc = sqlite3_open_v2(utf8.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        DbError error = lastError(rc);
        error.code = ErrorCode::ConnectionFailed;
        error.message = QCoreApplication::translate("SqliteDb", "Cannot open %1: %2")
                            .arg(path, error.message);
        close();
        return error;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busyTimeoutMs);

    // Opening is lazy: read the schema now so that a file that is not a database fails here, with
    // a clear message, rather than on the first query.
    if (auto error = exec(QStringLiteral("SELECT count(*) FROM sqlite_schema"))) {
        error->code = ErrorCode::ConnectionFailed;
        error->message = QCoreApplication::translate("SqliteDb", "Cannot open %1: %2")
                             .arg(path, error->message);
        close();
        return error;
    }
    if (mode == OpenMode::Create) {
        if (auto error = exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            return error;
    }
    return std::nullopt;
}

void SqliteDb::close()
{
    for (const CachedStatement &cached : std::as_const(m_cache))
        sqlite3_finalize(cached.stmt);
    m_cache.clear();
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    m_progressSteps = 0; // the handler went with the connection
    m_deadline.reset();
    m_cancelled = nullptr;
}

bool SqliteDb::isReadOnly() const
{
    return m_db && sqlite3_db_readonly(m_db, "main") == 1;
}

std::optional<DbError> SqliteDb::mapIntoMemory(qint64 bytes)
{
    return exec(QStringLiteral("PRAGMA mmap_size=%1").arg(bytes));
}

std::optional<DbError> SqliteDb::exec(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, utf8.constData(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return std::nullopt;
    const QString text
        = message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_free(message);
    return sqliteError(sqlite3_extended_errcode(m_db), text);
}

std::unique_ptr<SqliteStatement> SqliteDb::prepare(const QString &sql, DbError *error,
                                                   QString *tail)
{
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *stmt = nullptr;
    const char *tailPtr = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), 0, &stmt, &tailPtr);
    if (rc != SQLITE_OK) {
        if (error)
            *error = lastError(rc);
        return nullptr;
    }
    if (tail)
        *tail = QString::fromUtf8(tailPtr, utf8.constData() + utf8.size() - tailPtr);
    if (!stmt) {
        // Only whitespace or comments: nothing to run.
        if (error) {
            error->code = ErrorCode::InvalidRequest;
            error->message = QCoreApplication::translate("SqliteDb", "There is no SQL statement"
                                                                     " to run.");
        }
        return nullptr;
    }
    return std::make_unique<SqliteStatement>(this, stmt);
}

std::unique_ptr<SqliteStatement> SqliteDb::prepareCached(const QString &sql, DbError *error,
                                                         QString *tail)
{
    for (qsizetype i = m_cache.size() - 1; i >= 0; --i) {
        if (m_cache.at(i).sql == sql) {
            CachedStatement cached = m_cache.takeAt(i);
            if (tail)
                tail->clear();
            auto statement = std::make_unique<SqliteStatement>(this, cached.stmt, sql);
            statement->m_columns = std::move(cached.columns);
            statement->m_columnText = std::move(cached.columnText);
            return statement;
        }
    }
    QString rest;
    auto statement = prepare(sql, error, &rest);
    if (statement && rest.trimmed().isEmpty())
        statement->m_cacheKey = sql;
    if (tail)
        *tail = rest;
    return statement;
}

std::optional<DbError> SqliteDb::execCached(const QString &sql)
{
    DbError error;
    const std::unique_ptr<SqliteStatement> statement = prepareCached(sql, &error);
    if (!statement)
        return error;
    if (statement->step() == SqliteStatement::StepResult::Error)
        return statement->error();
    return std::nullopt;
}

void SqliteDb::keep(const QString &sql, SqliteStatement *statement)
{
    sqlite3_stmt *stmt = statement->m_stmt;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (!m_db) {
        sqlite3_finalize(stmt);
        return;
    }
    m_cache.append(
        {sql, stmt, std::move(statement->m_columns), std::move(statement->m_columnText)});
    if (m_cache.size() > kCachedStatements)
        sqlite3_finalize(m_cache.takeFirst().stmt);
}

std::optional<DbError> SqliteDb::query(const QString &sql, const QList<SqlValue> &params,
                                       const std::function<void(const SqliteStatement &)> &onRow)
{
    DbError error;
    auto stmt = prepare(sql, &error);
    if (!stmt)
        return error;
    for (int i = 0; i < params.size(); ++i) {
        if (auto e = stmt->bind(i + 1, params.at(i)))
            return e;
    }
    while (true) {
        const auto step = stmt->step();
        if (step == SqliteStatement::StepResult::Done)
            return std::nullopt;
        if (step == SqliteStatement::StepResult::Error)
            return stmt->error();
        if (onRow)
            onRow(*stmt);
    }
}

void SqliteDb::watchProgress(int steps)
{
    if (!m_db || (m_progressSteps != 0 && m_progressSteps <= steps))
        return;
    sqlite3_progress_handler(m_db, steps, &SqliteDb::checkProgress, this);
    m_progressSteps = steps;
}

void SqliteDb::setDeadline(std::chrono::steady_clock::time_point deadline)
{
    watchProgress(64); // a few microseconds of work
    m_deadline = deadline;
}

void SqliteDb::setCancelFlag(const std::atomic<bool> *cancelled)
{
    if (cancelled)
        watchProgress(1024); // tens of microseconds: a cancel is still quick
    m_cancelled = cancelled;
}

int SqliteDb::checkProgress(void *self)
{
    const auto *db = static_cast<SqliteDb *>(self);
    if (db->m_cancelled && db->m_cancelled->load(std::memory_order_relaxed))
        return 1;
    return db->m_deadline && std::chrono::steady_clock::now() > *db->m_deadline ? 1 : 0;
}

void SqliteDb::interrupt()
{
    if (m_db)
        sqlite3_interrupt(m_db);
}

qint64 SqliteDb::changes() const
{
    return sqlite3_changes64(m_db);
}

qint64 SqliteDb::lastInsertRowid() const
{
    return sqlite3_last_insert_rowid(m_db);
}

bool SqliteDb::inTransaction() const
{
    return m_db && sqlite3_get_autocommit(m_db) == 0;
}

DbError SqliteDb::lastError(int resultCode) const
{
    if (!m_db)
        return sqliteError(resultCode, QString::fromUtf8(sqlite3_errstr(resultCode)));
    const int extended = sqlite3_extended_errcode(m_db);
    return sqliteError(extended ? extended : resultCode, QString::fromUtf8(sqlite3_errmsg(m_db)),
                       sqlite3_error_offset(m_db));
}

SqliteStatement::~SqliteStatement()
{
    if (m_cacheKey.isEmpty())
        sqlite3_finalize(m_stmt);
    else
        m_db->keep(m_cacheKey, this);
}

int SqliteStatement::parameterCount() const
{
    return sqlite3_bind_parameter_count(m_stmt);
}

QByteArrayView SqliteStatement::parameterName(int index) const
{
    return QByteArrayView(sqlite3_bind_parameter_name(m_stmt, index));
}

std::optional<DbError> SqliteStatement::bind(int index, const SqlValue &value)
{
    int rc = SQLITE_OK;
    switch (value.type()) {
    case SqlValue::Type::Null:
        rc = sqlite3_bind_null(m_stmt, index);
        break;
    case SqlValue::Type::Integer:
        rc = sqlite3_bind_int64(m_stmt, index, value.toInteger());
        break;
    case SqlValue::Type::Real:
        rc = sqlite3_bind_double(m_stmt, index, value.toReal());
        break;
    case SqlValue::Type::Text: {
        const QByteArray utf8 = value.toText().toUtf8();
        rc = sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                                 SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    }
    case SqlValue::Type::Blob: {
        const QByteArray bytes = value.toBlob();
        // A zero-length BLOB must stay a BLOB, not become NULL: bind a non-null pointer.
        static const char empty = 0;
        rc = sqlite3_bind_blob64(m_stmt, index, bytes.isEmpty() ? &empty : bytes.constData(),
                                 sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
        break;
    }
    }
    if (rc != SQLITE_OK)
        return m_db->lastError(rc);
    return std::nullopt;
}

SqliteStatement::StepResult SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return StepResult::Row;
    if (rc == SQLITE_DONE)
        return StepResult::Done;
    m_error = m_db->lastError(rc);
    return StepResult::Error;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

QList<ResultColumn> SqliteStatement::columns() const
{
    const int count = columnCount();
    bool same = m_columns.size() == count;
    const char *known = m_columnText.constData();
    const char *knownEnd = known + m_columnText.size();
    // SQLite hands out its own copies of the texts: compared, not converted.
    const auto matches = [&](const char *text) {
        const std::size_t size = text ? std::strlen(text) : 0;
        if (std::size_t(knownEnd - known) <= size || std::memcmp(known, text, size) != 0
            || known[size] != '\0')
            return false;
        known += size + 1;
        return true;
    };
    for (int i = 0; same && i < count; ++i)
        same = matches(sqlite3_column_name(m_stmt, i))
               && matches(sqlite3_column_decltype(m_stmt, i));
    if (same)
        return m_columns;
    m_columns.clear();
    m_columnText.clear();
    for (int i = 0; i < count; ++i) {
        const char *name = sqlite3_column_name(m_stmt, i);
        const char *type = sqlite3_column_decltype(m_stmt, i);
        m_columns.append({QString::fromUtf8(name), QString::fromUtf8(type)});
        m_columnText.append(name ? name : "").append('\0').append(type ? type : "").append('\0');
    }
    return m_columns;
}

SqlValue SqliteStatement::value(int index) const
{
    switch (sqlite3_column_type(m_stmt, index)) {
    case SQLITE_INTEGER:
        return SqlValue(qint64(sqlite3_column_int64(m_stmt, index)));
    case SQLITE_FLOAT:
        return SqlValue(sqlite3_column_double(m_stmt, index));
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, index));
        return SqlValue(QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, index)));
    }
    case SQLITE_BLOB: {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, index));
        return SqlValue::blob(QByteArray(data, sqlite3_column_bytes(m_stmt, index)));
    }
    default:
        return {};
    }
}

namespace {

class StatementRow final : public RawRow
{
public:
    explicit StatementRow(sqlite3_stmt *stmt)
        : m_stmt(stmt)
    {}

    int size() const override { return sqlite3_column_count(m_stmt); }

    SqlValue::Type type(int column) const override
    {
        switch (sqlite3_column_type(m_stmt, column)) {
        case SQLITE_INTEGER:
            return SqlValue::Type::Integer;
        case SQLITE_FLOAT:
            return SqlValue::Type::Real;
        case SQLITE_TEXT:
            return SqlValue::Type::Text;
        case SQLITE_BLOB:
            return SqlValue::Type::Blob;
        default:
            return SqlValue::Type::Null;
        }
    }

    qint64 integer(int column) const override { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const override { return sqlite3_column_double(m_stmt, column); }

    QByteArrayView bytes(int column) const override
    {
        // The pointer first, then the size: that is the order SQLite documents as safe.
        const void *data = sqlite3_column_type(m_stmt, column) == SQLITE_BLOB
                               ? sqlite3_column_blob(m_stmt, column)
                               : static_cast<const void *>(sqlite3_column_text(m_stmt, column));
        return {static_cast<const char *>(data), sqlite3_column_bytes(m_stmt, column)};
    }

private:
    sqlite3_stmt *m_stmt;
};

} // namespace

const RawRow &SqliteStatement::rawRow() const
{
    if (!m_rawRow)
        m_rawRow = std::make_unique<StatementRow>(m_stmt);
    return *m_rawRow;
}

bool SqliteStatement::isReadOnly() const
{
    return sqlite3_stmt_readonly(m_stmt) != 0;
}

QString SqliteStatement::sql() const
{
    return QString::fromUtf8(sqlite3_sql(m_stmt));
}
