#include "tests/support/testdb.h"

#include <QTemporaryDir>
#include <QTest>

// Schema introspection through Connection::readSchema on a schema that uses every feature the
// browser shows.
class TestSchemaReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalConnection> m_db;
    DatabaseSchema m_schema;

private Q_SLOTS:
    void initTestCase()
    {
        m_db = TestDb::open(m_dir.filePath(QStringLiteral("s.db")));
        const QStringList ddl{
            QStringLiteral("CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE,"
                           " role TEXT DEFAULT 'user', full_name TEXT GENERATED ALWAYS AS "
                           "(upper(email)) VIRTUAL)"),
            QStringLiteral("CREATE TABLE likes(post_id TEXT, user_id INTEGER REFERENCES users(id) "
                           "ON DELETE CASCADE,"
                           " PRIMARY KEY(post_id, user_id)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE pairs(a INT, b INT, x INT, y INT, FOREIGN KEY(x, y) "
                           "REFERENCES likes(post_id, user_id))"),
            QStringLiteral("CREATE TABLE strict_t(id INTEGER PRIMARY KEY, n INT) STRICT"),
            QStringLiteral("CREATE INDEX idx_role ON users(role) WHERE role IS NOT NULL"),
            QStringLiteral(
                "CREATE VIEW admins AS SELECT id, email FROM users WHERE role = 'admin'"),
            QStringLiteral(
                "CREATE TRIGGER users_touch AFTER UPDATE ON users BEGIN SELECT 1; SELECT 2; END"),
        };
        for (const QString &sql : ddl)
            QVERIFY2(TestDb::run(m_db.get(), sql).ok, qPrintable(sql));

        SchemaRequest *request = m_db->readSchema();
        QSignalSpy finished(request, &SchemaRequest::finished);
        QVERIFY(finished.wait(5000));
        m_schema = request->schema();
        delete request;
    }

    void cleanupTestCase() { m_db.reset(); }

    void listsTablesAndViews()
    {
        QStringList tables;
        for (const TableSchema &t : m_schema.tables)
            tables.append(t.name);
        QCOMPARE(tables, (QStringList{QStringLiteral("likes"), QStringLiteral("pairs"),
                                      QStringLiteral("strict_t"), QStringLiteral("users")}));
        QCOMPARE(m_schema.views.size(), 1);
        QCOMPARE(m_schema.views.first().kind, TableSchema::Kind::View);
        QCOMPARE(m_schema.views.first().columns.size(), 2);
    }

    void columnsCarryTypeConstraintsDefaultsAndKeys()
    {
        const TableSchema *users = m_schema.find(QStringLiteral("users"));
        QVERIFY(users);
        QCOMPARE(users->columns.size(), 4);
        const ColumnInfo &id = users->columns.at(0);
        QCOMPARE(id.declaredType, QStringLiteral("INTEGER"));
        QCOMPARE(id.primaryKeyPosition, 1);
        const ColumnInfo &email = users->columns.at(1);
        QVERIFY(email.notNull);
        const ColumnInfo &role = users->columns.at(2);
        QVERIFY(role.hasDefault);
        QCOMPARE(role.defaultValue, QStringLiteral("'user'"));
        QVERIFY(users->columns.at(3).isGenerated());
        QVERIFY(users->hasRowid());
    }

    void withoutRowidAndCompositeKey()
    {
        const TableSchema *likes = m_schema.find(QStringLiteral("likes"));
        QVERIFY(likes);
        QVERIFY(likes->withoutRowid);
        QVERIFY(!likes->hasRowid());
        QCOMPARE(likes->primaryKey(),
                 (QStringList{QStringLiteral("post_id"), QStringLiteral("user_id")}));
        QVERIFY(m_schema.find(QStringLiteral("strict_t"))->strict);
    }

    void indexesForeignKeysAndTriggers()
    {
        const TableSchema *users = m_schema.find(QStringLiteral("users"));
        bool foundPartial = false;
        bool foundUnique = false;
        for (const IndexInfo &i : users->indexes) {
            if (i.name == u"idx_role") {
                foundPartial = i.partial && i.columns == QStringList{QStringLiteral("role")};
            }
            if (i.origin == u"u")
                foundUnique = i.unique && i.columns == QStringList{QStringLiteral("email")};
        }
        QVERIFY(foundPartial);
        QVERIFY(foundUnique);

        const TableSchema *likes = m_schema.find(QStringLiteral("likes"));
        QCOMPARE(likes->foreignKeys.size(), 1);
        QCOMPARE(likes->foreignKeys.first().referencedTable, QStringLiteral("users"));
        QCOMPARE(likes->foreignKeys.first().onDelete, QStringLiteral("CASCADE"));

        const TableSchema *pairs = m_schema.find(QStringLiteral("pairs"));
        QCOMPARE(pairs->foreignKeys.size(), 1);
        QCOMPARE(pairs->foreignKeys.first().columns,
                 (QStringList{QStringLiteral("x"), QStringLiteral("y")}));

        QCOMPARE(users->triggers.size(), 1);
        QVERIFY(users->triggers.first().sql.contains(QStringLiteral("SELECT 2")));
    }
};

QTEST_GUILESS_MAIN(TestSchemaReader)
#include "tst_schemareader.moc"
