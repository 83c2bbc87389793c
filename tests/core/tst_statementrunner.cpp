#include "core/engine/sqlitedb.h"
#include "core/engine/statementrunner.h"

#include <QTemporaryDir>
#include <QTest>

// StatementRunner keeps prepared statements per connection (SqliteDb::prepareCached); running the
// same text again must behave exactly as a fresh prepare would.
class TestStatementRunner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SqliteDb m_db;

    StatementResult run(const QString &sql, const QList<SqlValue> &params = {},
                        std::optional<DbError> *error = nullptr)
    {
        StatementResult result;
        const auto e = StatementRunner::run(m_db, Statement(sql, params), -1, &result);
        if (error)
            *error = e;
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_db.close();
        QFile::remove(m_dir.filePath(QStringLiteral("t.db")));
        QVERIFY(!m_db.open(m_dir.filePath(QStringLiteral("t.db")), SqliteDb::OpenMode::Create));
        QVERIFY(!m_db.exec(QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);"
                                          "INSERT INTO t VALUES (1, 'one'), (2, 'two');")));
    }

    void repeatedTextGetsFreshBindings()
    {
        const QString sql = QStringLiteral("SELECT v FROM t WHERE id = ?");
        QCOMPARE(run(sql, {SqlValue(1)}).rows.value(0).value(0), SqlValue(QStringLiteral("one")));
        QCOMPARE(run(sql, {SqlValue(2)}).rows.value(0).value(0), SqlValue(QStringLiteral("two")));
        // No value for the parameter: an error, not the previous call's value.
        std::optional<DbError> error;
        run(sql, {}, &error);
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::InvalidRequest);
    }

    void schemaChangesReachKeptStatements()
    {
        const QString sql = QStringLiteral("SELECT * FROM t WHERE id = 1");
        QCOMPARE(run(sql).columns.size(), 2);
        QVERIFY(!m_db.exec(QStringLiteral("ALTER TABLE t ADD COLUMN w INTEGER DEFAULT 7")));
        const StatementResult after = run(sql);
        QCOMPARE(after.columns.size(), 3);
        QCOMPARE(after.rows.value(0).value(2), SqlValue(7));
    }

    void keptStatementsReportRenamedAndRetypedColumns()
    {
        // The same number of columns, other names or types: the kept statement's columns must
        // not be the ones it had before.
        const QString sql = QStringLiteral("SELECT * FROM t WHERE id = 1");
        QCOMPARE(run(sql).columns.value(1).name, QStringLiteral("v"));
        QVERIFY(!m_db.exec(QStringLiteral("ALTER TABLE t RENAME COLUMN v TO label")));
        StatementResult after = run(sql);
        QCOMPARE(after.columns.value(1).name, QStringLiteral("label"));
        QCOMPARE(after.columns.value(1).declaredType, QStringLiteral("TEXT"));
        QVERIFY(!m_db.exec(QStringLiteral("DROP TABLE t; CREATE TABLE t(id INTEGER PRIMARY KEY,"
                                          " label BLOB); INSERT INTO t VALUES (1, x'00');")));
        after = run(sql);
        QCOMPARE(after.columns.value(1).name, QStringLiteral("label"));
        QCOMPARE(after.columns.value(1).declaredType, QStringLiteral("BLOB"));
        QCOMPARE(after.rows.value(0).value(1), SqlValue::blob(QByteArray(1, '\0')));
        // An expression has no declared type.
        QVERIFY(run(QStringLiteral("SELECT 1 + 1 AS two")).columns.value(0).declaredType.isEmpty());
    }

    void aMappedReaderSeesWritesAfterACheckpoint()
    {
        // dosqld's readers read through a memory map; what another connection writes, and
        // checkpoints into the file under that map, must still be what they read.
        SqliteDb reader;
        QVERIFY(!reader.open(m_dir.filePath(QStringLiteral("t.db")), SqliteDb::OpenMode::ReadOnly));
        QVERIFY(!reader.mapIntoMemory(qint64(1) << 20));
        StatementResult mapped;
        QVERIFY(!StatementRunner::run(reader, Statement(QStringLiteral("PRAGMA mmap_size")), -1,
                                      &mapped));
        QCOMPARE(mapped.rows.value(0).value(0), SqlValue(qint64(1) << 20));
        const Statement count(QStringLiteral("SELECT count(*), max(v) FROM t"));
        StatementResult before;
        QVERIFY(!StatementRunner::run(reader, count, -1, &before));
        QCOMPARE(before.rows.value(0).value(0), SqlValue(2));
        QVERIFY(!m_db.exec(QStringLiteral(
            "WITH RECURSIVE s(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM s WHERE i < 5000)"
            " INSERT INTO t SELECT i, printf('%08d', i) FROM s; PRAGMA "
            "wal_checkpoint(TRUNCATE);")));
        StatementResult after;
        QVERIFY(!StatementRunner::run(reader, count, -1, &after));
        QCOMPARE(after.rows.value(0).value(0), SqlValue(5000));
        QCOMPARE(after.rows.value(0).value(1), SqlValue(QStringLiteral("two")));
    }

    void aFailedRunLeavesTheStatementUsable()
    {
        const QString sql = QStringLiteral("INSERT INTO t(id, v) VALUES (?, ?)");
        std::optional<DbError> error;
        run(sql, {SqlValue(1), SqlValue(QStringLiteral("dup"))}, &error);
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::ConstraintViolation);
        const StatementResult ok
            = run(sql, {SqlValue(3), SqlValue(QStringLiteral("three"))}, &error);
        QVERIFY(!error);
        QCOMPARE(ok.rowsAffected, 1);
    }

    void severalStatementsAreStillRefusedEveryTime()
    {
        for (int i = 0; i < 2; ++i) {
            std::optional<DbError> error;
            run(QStringLiteral("SELECT 1; SELECT 2"), {}, &error);
            QVERIFY(error);
            QCOMPARE(error->code, ErrorCode::InvalidRequest);
        }
    }

    void manyDistinctTextsStayCorrect()
    {
        // More texts than the cache holds, twice over: evictions must not mix statements up.
        for (int round = 0; round < 2; ++round) {
            for (int i = 0; i < 3 * SqliteDb::kCachedStatements; ++i) {
                const StatementResult r
                    = run(QStringLiteral("SELECT %1 + ?").arg(i), {SqlValue(round)});
                QCOMPARE(r.rows.value(0).value(0), SqlValue(i + round));
            }
        }
    }

    void closingWithKeptStatementsIsClean()
    {
        run(QStringLiteral("SELECT v FROM t"));
        m_db.close();
        QVERIFY(!m_db.isOpen());
        // A database that was closed with statements kept can be reopened and used.
        QVERIFY(!m_db.open(m_dir.filePath(QStringLiteral("t.db")), SqliteDb::OpenMode::ReadWrite));
        QCOMPARE(run(QStringLiteral("SELECT v FROM t")).rows.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestStatementRunner)
#include "tst_statementrunner.moc"
