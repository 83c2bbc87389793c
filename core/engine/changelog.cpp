#include "core/engine/changelog.h"

#include "core/engine/sqlitedb.h"
#include "core/protocol/jsonvalue.h"
#include "core/sqlquoting.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Debian's libsqlite3 is built with the pre-update hook; the header declares it only on request.
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

namespace {

SqlValue fromSqlite(sqlite3_value *v)
{
    if (!v)
        return {};
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        return SqlValue(qint64(sqlite3_value_int64(v)));
    case SQLITE_FLOAT:
        return SqlValue(sqlite3_value_double(v));
    case SQLITE_TEXT:
        return SqlValue(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(v)),
                                          sqlite3_value_bytes(v)));
    case SQLITE_BLOB:
        return SqlValue::blob(
            QByteArray(static_cast<const char *>(sqlite3_value_blob(v)), sqlite3_value_bytes(v)));
    default:
        return {};
    }
}

QString toJson(const Row &row)
{
    if (row.isEmpty())
        return {};
    QJsonArray array;
    for (const SqlValue &v : row)
        array.append(JsonValue::encode(v));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

Row rowFromJson(const QString &text)
{
    Row row;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array) {
        SqlValue value;
        JsonValue::decode(v, &value);
        row.append(value);
    }
    return row;
}

QStringList stringsFromJson(const QString &text)
{
    QStringList list;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        list.append(v.toString());
    return list;
}

QString stringsToJson(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

} // namespace

ChangeLog::ChangeLog(SqliteDb &db)
    : m_db(db)
{
    sqlite3_preupdate_hook(
        m_db.handle(),
        [](void *self, sqlite3 *handle, int op, const char *dbName, const char *table,
           sqlite3_int64 oldRowid,
           sqlite3_int64 newRowid) { hook(self, handle, op, dbName, table, oldRowid, newRowid); },
        this);
}

ChangeLog::~ChangeLog()
{
    if (m_db.handle())
        sqlite3_preupdate_hook(m_db.handle(), nullptr, nullptr);
}

bool ChangeLog::isInternalTable(const QString &name)
{
    return name.startsWith(QLatin1String("_dosql_")) || name.startsWith(QLatin1String("sqlite_"));
}

void ChangeLog::hook(void *self, sqlite3 *db, int op, const char *dbName, const char *table,
                     qint64 oldRowid, qint64 newRowid)
{
    auto *log = static_cast<ChangeLog *>(self);
    const QString tableName = QString::fromUtf8(table);
    if (qstrcmp(dbName, "main") != 0 || isInternalTable(tableName))
        return;
    RawChange change;
    change.table = tableName;
    change.oldRowid = oldRowid;
    change.newRowid = newRowid;
    change.operation = op == SQLITE_INSERT   ? ChangeEvent::Operation::Insert
                       : op == SQLITE_DELETE ? ChangeEvent::Operation::Delete
                                             : ChangeEvent::Operation::Update;
    const int count = sqlite3_preupdate_count(db);
    for (int i = 0; i < count; ++i) {
        sqlite3_value *value = nullptr;
        if (op != SQLITE_INSERT && sqlite3_preupdate_old(db, i, &value) == SQLITE_OK)
            change.before.append(fromSqlite(value));
        if (op != SQLITE_DELETE && sqlite3_preupdate_new(db, i, &value) == SQLITE_OK)
            change.after.append(fromSqlite(value));
    }
    log->m_pending.append(std::move(change));
}

const ChangeLog::TableColumns *ChangeLog::columnsOf(const QString &table)
{
    auto it = m_columns.find(table);
    if (it != m_columns.end())
        return &*it;
    TableColumns columns;
    QList<std::pair<int, int>> keys; // (pk position, column index)
    // The pre-update hook reports stored columns, so virtual generated columns are left out.
    const auto error = m_db.query(
        QStringLiteral("SELECT name, pk FROM pragma_table_xinfo(?) WHERE hidden IN (0, 3)"),
        {table}, [&](const SqliteStatement &s) {
            if (s.value(1).toInteger() > 0)
                keys.append({int(s.value(1).toInteger()), int(columns.names.size())});
            columns.names.append(s.value(0).toText());
        });
    if (error)
        return nullptr;
    std::sort(keys.begin(), keys.end());
    for (const auto &[position, index] : keys)
        columns.keyIndexes.append(index);
    return &*m_columns.insert(table, columns);
}

std::optional<DbError> ChangeLog::ensureTable()
{
    return m_db.exec(QStringLiteral(
        "CREATE TABLE IF NOT EXISTS _dosql_changelog("
        " lsn INTEGER PRIMARY KEY AUTOINCREMENT, tx_id TEXT NOT NULL, tbl TEXT NOT NULL,"
        " op TEXT NOT NULL, ts INTEGER NOT NULL, columns TEXT, key_columns TEXT, key TEXT,"
        " before TEXT, after TEXT, sql TEXT)"));
}

std::optional<DbError> ChangeLog::flush(const QString &txId, const QString &ddlSql)
{
    if (m_pending.isEmpty() && ddlSql.isEmpty())
        return std::nullopt;
    const QList<RawChange> pending = std::move(m_pending);
    m_pending.clear();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    DbError error;
    auto insert = m_db.prepare(
        QStringLiteral("INSERT INTO _dosql_changelog(tx_id, tbl, op, ts, columns, key_columns, key,"
                       " before, after, sql) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        &error);
    if (!insert)
        return error;
    auto write = [&](const QList<SqlValue> &values) -> std::optional<DbError> {
        insert->reset();
        for (int i = 0; i < values.size(); ++i) {
            if (auto e = insert->bind(i + 1, values.at(i)))
                return e;
        }
        if (insert->step() == SqliteStatement::StepResult::Error)
            return insert->error();
        return std::nullopt;
    };

    for (const RawChange &change : pending) {
        const TableColumns *columns = columnsOf(change.table);
        QStringList names = columns ? columns->names : QStringList();
        const Row &image = change.after.isEmpty() ? change.before : change.after;
        while (names.size() < image.size())
            names.append(QStringLiteral("column%1").arg(names.size() + 1));
        QStringList keyColumns;
        Row key;
        if (columns && !columns->keyIndexes.isEmpty()) {
            for (int index : columns->keyIndexes) {
                keyColumns.append(names.value(index));
                key.append(image.value(index));
            }
        } else {
            keyColumns.append(QStringLiteral("rowid"));
            key.append(SqlValue(change.operation == ChangeEvent::Operation::Delete
                                    ? change.oldRowid
                                    : change.newRowid));
        }
        if (auto e = write({txId, change.table, ChangeEvent::operationName(change.operation), now,
                            stringsToJson(names), stringsToJson(keyColumns), toJson(key),
                            toJson(change.before), toJson(change.after), SqlValue()}))
            return e;
    }
    if (!ddlSql.isEmpty()) {
        m_columns.clear();
        if (auto e
            = write({txId, QString(), ChangeEvent::operationName(ChangeEvent::Operation::Ddl), now,
                     SqlValue(), SqlValue(), SqlValue(), SqlValue(), SqlValue(), ddlSql}))
            return e;
    }
    return std::nullopt;
}

void ChangeLog::discard()
{
    m_pending.clear();
}

std::optional<DbError> ChangeLog::currentLsn(SqliteDb &db, qint64 *lsn)
{
    // sqlite_sequence keeps the highest LSN ever issued, also after the log was trimmed empty.
    *lsn = 0;
    return db.query(
        QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = '_dosql_changelog'"), {},
        [&](const SqliteStatement &s) { *lsn = s.value(0).toInteger(); });
}

std::optional<DbError> ChangeLog::oldestLsn(SqliteDb &db, qint64 *lsn)
{
    qint64 current = 0;
    if (auto e = currentLsn(db, &current))
        return e;
    *lsn = current + 1;
    return db.query(QStringLiteral("SELECT min(lsn) FROM _dosql_changelog"), {},
                    [&](const SqliteStatement &s) {
                        if (!s.value(0).isNull())
                            *lsn = s.value(0).toInteger();
                    });
}

std::optional<DbError> ChangeLog::read(SqliteDb &db, qint64 afterLsn, int limit,
                                       QList<ChangeEvent> *events)
{
    return db.query(
        QStringLiteral("SELECT lsn, tx_id, tbl, op, ts, columns, key_columns, key, before,"
                       " after, sql FROM _dosql_changelog WHERE lsn > ? ORDER BY lsn LIMIT ?"),
        {afterLsn, limit}, [&](const SqliteStatement &s) {
            ChangeEvent e;
            e.lsn = s.value(0).toInteger();
            e.txId = s.value(1).toText();
            e.table = s.value(2).toText();
            ChangeEvent::operationFromName(s.value(3).toText(), &e.operation);
            e.timestampMs = s.value(4).toInteger();
            e.columns = stringsFromJson(s.value(5).toText());
            e.keyColumns = stringsFromJson(s.value(6).toText());
            e.key = rowFromJson(s.value(7).toText());
            e.before = rowFromJson(s.value(8).toText());
            e.after = rowFromJson(s.value(9).toText());
            e.sql = s.value(10).toText();
            events->append(e);
        });
}

std::optional<DbError> ChangeLog::trim(SqliteDb &db, qint64 keepCount, qint64 maxAgeMs)
{
    if (keepCount > 0) {
        if (auto e
            = db.query(QStringLiteral("DELETE FROM _dosql_changelog WHERE lsn <= (SELECT seq FROM"
                                      " sqlite_sequence WHERE name = '_dosql_changelog') - ?"),
                       {keepCount}))
            return e;
    }
    if (maxAgeMs > 0) {
        if (auto e = db.query(QStringLiteral("DELETE FROM _dosql_changelog WHERE ts < ?"),
                              {QDateTime::currentMSecsSinceEpoch() - maxAgeMs}))
            return e;
    }
    return std::nullopt;
}
