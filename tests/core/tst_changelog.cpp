#include "core/engine/changelog.h"
#include "core/engine/sqlitedb.h"

#include <QTemporaryDir>
#include <QTest>

// The change log: captured by the pre-update hook, written in the data's own transaction.
class TestChangeLog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    static void exec(SqliteDb &db, const QString &sql)
    {
        const auto error = db.exec(sql);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
    }

    // One statement in its own transaction with its log entries, the way dosqld runs it.
    static void logged(SqliteDb &db, ChangeLog &log, const QString &sql, const QString &tx,
                       bool commit = true)
    {
        exec(db, QStringLiteral("BEGIN IMMEDIATE"));
        exec(db, sql);
        QVERIFY(!log.flush(tx));
        exec(db, commit ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
    }

    static QList<ChangeEvent> all(SqliteDb &db, qint64 after = 0)
    {
        QList<ChangeEvent> events;
        const auto error = ChangeLog::read(db, after, 1000, &events);
        return error ? QList<ChangeEvent>{} : events;
    }

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(
            QStringLiteral("log-%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
        QFile::remove(m_path);
    }

    void insertUpdateDeleteWithImagesAndKeys()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_path, SqliteDb::OpenMode::Create));
        ChangeLog log(db);
        QVERIFY(!log.ensureTable());
        exec(db, QStringLiteral("CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT)"));
        logged(db, log, QStringLiteral("INSERT INTO users VALUES (7, 'Ann')"),
               QStringLiteral("t1"));
        logged(db, log, QStringLiteral("UPDATE users SET name = 'Anna' WHERE id = 7"),
               QStringLiteral("t2"));
        logged(db, log, QStringLiteral("DELETE FROM users WHERE id = 7"), QStringLiteral("t3"));

        const QList<ChangeEvent> events = all(db);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0).lsn, 1);
        QCOMPARE(events.at(0).operation, ChangeEvent::Operation::Insert);
        QCOMPARE(events.at(0).columns, (QStringList{QStringLiteral("id"), QStringLiteral("name")}));
        QCOMPARE(events.at(0).after, (Row{SqlValue(7), SqlValue(QStringLiteral("Ann"))}));
        QVERIFY(events.at(0).before.isEmpty());
        QCOMPARE(events.at(0).keyColumns, QStringList{QStringLiteral("id")});
        QCOMPARE(events.at(0).key, Row{SqlValue(7)});
        QCOMPARE(events.at(1).operation, ChangeEvent::Operation::Update);
        QCOMPARE(events.at(1).before, (Row{SqlValue(7), SqlValue(QStringLiteral("Ann"))}));
        QCOMPARE(events.at(1).after, (Row{SqlValue(7), SqlValue(QStringLiteral("Anna"))}));
        QCOMPARE(events.at(2).operation, ChangeEvent::Operation::Delete);
        QVERIFY(events.at(2).after.isEmpty());
        QCOMPARE(events.at(2).txId, QStringLiteral("t3"));
    }

    void rolledBackChangesLeaveNoEntry()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_path, SqliteDb::OpenMode::Create));
        ChangeLog log(db);
        QVERIFY(!log.ensureTable());
        exec(db, QStringLiteral("CREATE TABLE t(v)"));
        logged(db, log, QStringLiteral("INSERT INTO t VALUES (1)"), QStringLiteral("a"));
        logged(db, log, QStringLiteral("INSERT INTO t VALUES (2)"), QStringLiteral("b"), false);
        logged(db, log, QStringLiteral("INSERT INTO t VALUES (3)"), QStringLiteral("c"));
        const QList<ChangeEvent> events = all(db);
        QCOMPARE(events.size(), 2);
        // The rolled-back change did not use up an LSN: they stay consecutive.
        QCOMPARE(events.at(0).lsn, 1);
        QCOMPARE(events.at(1).lsn, 2);
        QCOMPARE(events.at(1).after, Row{SqlValue(3)});
    }

    void keysOfWithoutRowidAndRowidTables()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_path, SqliteDb::OpenMode::Create));
        ChangeLog log(db);
        QVERIFY(!log.ensureTable());
        exec(db,
             QStringLiteral(
                 "CREATE TABLE likes(post TEXT, user INT, PRIMARY KEY(user, post)) WITHOUT ROWID"));
        exec(db, QStringLiteral("CREATE TABLE notes(body TEXT)"));
        logged(db, log, QStringLiteral("INSERT INTO likes VALUES ('p1', 9)"), QStringLiteral("x"));
        logged(db, log, QStringLiteral("INSERT INTO notes VALUES ('hi')"), QStringLiteral("y"));
        const QList<ChangeEvent> events = all(db);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).keyColumns,
                 (QStringList{QStringLiteral("user"), QStringLiteral("post")}));
        QCOMPARE(events.at(0).key, (Row{SqlValue(9), SqlValue(QStringLiteral("p1"))}));
        QCOMPARE(events.at(1).keyColumns, QStringList{QStringLiteral("rowid")});
        QCOMPARE(events.at(1).key, Row{SqlValue(1)});
    }

    void triggerAndCascadeChangesAreLoggedToo()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_path, SqliteDb::OpenMode::Create));
        ChangeLog log(db);
        QVERIFY(!log.ensureTable());
        exec(db, QStringLiteral("PRAGMA foreign_keys = ON"));
        exec(db,
             QStringLiteral(
                 "CREATE TABLE a(id INTEGER PRIMARY KEY); CREATE TABLE b(id INTEGER PRIMARY KEY,"
                 " a_id REFERENCES a(id) ON DELETE CASCADE);"
                 " INSERT INTO a VALUES (1); INSERT INTO b VALUES (10, 1), (11, 1);"));
        log.discard(); // only the delete below is under test
        logged(db, log, QStringLiteral("DELETE FROM a WHERE id = 1"), QStringLiteral("tx"));
        const QList<ChangeEvent> events = all(db);
        QCOMPARE(events.size(), 3);
        QStringList tables;
        for (const ChangeEvent &e : events)
            tables.append(e.table);
        tables.sort();
        QCOMPARE(tables,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("b")}));
    }

    void lsnKeepsGrowingAcrossRestartAndTrim()
    {
        {
            SqliteDb db;
            QVERIFY(!db.open(m_path, SqliteDb::OpenMode::Create));
            ChangeLog log(db);
            QVERIFY(!log.ensureTable());
            exec(db, QStringLiteral("CREATE TABLE t(v)"));
            for (int i = 0; i < 10; ++i)
                logged(db, log, QStringLiteral("INSERT INTO t VALUES (%1)").arg(i),
                       QStringLiteral("t"));
            exec(db, QStringLiteral("BEGIN"));
            QVERIFY(!ChangeLog::trim(db, 3, 0));
            exec(db, QStringLiteral("COMMIT"));
            qint64 oldest = 0;
            QVERIFY(!ChangeLog::oldestLsn(db, &oldest));
            QCOMPARE(oldest, 8);
        }
        SqliteDb db;
        QVERIFY(!db.open(m_path, SqliteDb::OpenMode::ReadWrite));
        ChangeLog log(db);
        QVERIFY(!log.ensureTable());
        qint64 current = 0;
        QVERIFY(!ChangeLog::currentLsn(db, &current));
        QCOMPARE(current, 10);
        exec(db, QStringLiteral("BEGIN"));
        QVERIFY(!ChangeLog::trim(db, 0, 0));
        exec(db, QStringLiteral("DELETE FROM _dosql_changelog"));
        exec(db, QStringLiteral("COMMIT"));
        logged(db, log, QStringLiteral("INSERT INTO t VALUES (99)"), QStringLiteral("t"));
        const QList<ChangeEvent> events = all(db, 10);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().lsn, 11);
    }

    void ddlIsOneEventWithItsSql()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_path, SqliteDb::OpenMode::Create));
        ChangeLog log(db);
        QVERIFY(!log.ensureTable());
        exec(db, QStringLiteral("BEGIN"));
        exec(db, QStringLiteral("CREATE TABLE fresh(id INTEGER PRIMARY KEY)"));
        QVERIFY(!log.flush(QStringLiteral("d"),
                           QStringLiteral("CREATE TABLE fresh(id INTEGER PRIMARY KEY)")));
        exec(db, QStringLiteral("COMMIT"));
        const QList<ChangeEvent> events = all(db);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().operation, ChangeEvent::Operation::Ddl);
        QVERIFY(events.first().sql.startsWith(QStringLiteral("CREATE TABLE fresh")));
    }

    void valuesOfEveryTypeSurviveTheLog()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_path, SqliteDb::OpenMode::Create));
        ChangeLog log(db);
        QVERIFY(!log.ensureTable());
        exec(db, QStringLiteral("CREATE TABLE v(a, b, c, d, e)"));
        logged(
            db, log,
            QStringLiteral("INSERT INTO v VALUES (NULL, 9223372036854775807, 1.5, 'é', x'00ff')"),
            QStringLiteral("t"));
        const QList<ChangeEvent> events = all(db);
        QCOMPARE(events.first().after,
                 (Row{SqlValue(), SqlValue(qint64(9223372036854775807LL)), SqlValue(1.5),
                      SqlValue(QStringLiteral("é")), SqlValue::blob(QByteArray("\x00\xff", 2))}));
    }
};

QTEST_GUILESS_MAIN(TestChangeLog)
#include "tst_changelog.moc"
