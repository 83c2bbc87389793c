#include "core/engine/changelog.h"
#include "core/engine/sqlitedb.h"
#include "tests/support/dosqldprocess.h"
#include "tests/support/rpcclient.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

// Change-log atomicity: dosqld runs a stream of writes and is killed with SIGKILL at random
// points, many times. After each kill the data and the change log must agree exactly: replaying
// the log from the start gives the table as it is, and the LSNs have no gaps.
class TestChangeLogCrash : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Replays every logged change to `items` and compares with the table itself.
    qint64 verifyLogMatchesData()
    {
        SqliteDb db;
        if (db.open(m_dir.filePath(QStringLiteral("crash.db")), SqliteDb::OpenMode::ReadWrite)) {
            QTest::qFail("cannot open the database after the kill", __FILE__, __LINE__);
            return -1;
        }
        QList<ChangeEvent> events;
        if (ChangeLog::read(db, 0, 10000000, &events)) {
            QTest::qFail("cannot read the change log", __FILE__, __LINE__);
            return -1;
        }
        QHash<qint64, qint64> replayed; // id → v
        qint64 expectedLsn = 1;
        for (const ChangeEvent &e : events) {
            if (e.lsn != expectedLsn++) {
                QTest::qFail(qPrintable(QStringLiteral("gap in the LSNs at %1").arg(e.lsn)),
                             __FILE__, __LINE__);
                return -1;
            }
            if (e.table != u"items")
                continue;
            const qint64 id = e.key.first().toInteger();
            if (e.operation == ChangeEvent::Operation::Delete)
                replayed.remove(id);
            else
                replayed.insert(id, e.after.at(1).toInteger());
        }
        QHash<qint64, qint64> actual;
        DbError error;
        auto stmt = db.prepare(QStringLiteral("SELECT id, v FROM items"), &error);
        while (stmt && stmt->step() == SqliteStatement::StepResult::Row)
            actual.insert(stmt->value(0).toInteger(), stmt->value(1).toInteger());
        if (actual != replayed)
            QTest::qFail("the table differs from the replayed change log", __FILE__, __LINE__);
        return events.size();
    }

    // Opens a transaction on `client` that has inserted row `id` (and so holds the write lock);
    // its id, empty when that failed.
    static QString beginWithRow(RpcClient &client, int id)
    {
        const QString tx = client.call(QStringLiteral("beginTransaction"))
                               .value(QStringLiteral("result"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        const QJsonObject inserted = client.call(
            QStringLiteral("exec"),
            {{QStringLiteral("sql"), QStringLiteral("INSERT INTO items VALUES (?, 1)")},
             {QStringLiteral("params"), QJsonArray{id}},
             {QStringLiteral("transactionId"), tx}});
        return inserted.contains(QStringLiteral("result")) ? tx : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("crash.db")), SqliteDb::OpenMode::Create));
        QVERIFY(!db.exec(
            QStringLiteral("CREATE TABLE items(id INTEGER PRIMARY KEY, v INTEGER NOT NULL)")));
    }

    void killedMidWriteLogAndDataAgree()
    {
        QRandomGenerator random(20261123);
        int writesSent = 0;
        QList<qint64> logSizes;
        for (int round = 0; round < 15; ++round) {
            DosqldProcess server({QStringLiteral("--data-dir"), m_dir.path()});
            QVERIFY(server.port() != 0);
            RpcClient client(server.url(QStringLiteral("crash")));
            QVERIFY(client.isConnected());
            // Pipelined writes of every kind, some multi-statement, then a kill at a random moment.
            for (int i = 0; i < 400; ++i) {
                const qint64 id = random.bounded(200);
                switch (random.bounded(4)) {
                case 0:
                    client.send(QStringLiteral("exec"),
                                {{QStringLiteral("sql"),
                                  QStringLiteral("INSERT OR IGNORE INTO items VALUES (?, 0)")},
                                 {QStringLiteral("params"), QJsonArray{id}}});
                    break;
                case 1:
                    client.send(QStringLiteral("exec"),
                                {{QStringLiteral("sql"),
                                  QStringLiteral("UPDATE items SET v = v + 1 WHERE id % 7 = ?")},
                                 {QStringLiteral("params"), QJsonArray{id % 7}}});
                    break;
                case 2:
                    client.send(
                        QStringLiteral("exec"),
                        {{QStringLiteral("sql"), QStringLiteral("DELETE FROM items WHERE id = ?")},
                         {QStringLiteral("params"), QJsonArray{id}}});
                    break;
                default:
                    client.send(
                        QStringLiteral("batch"),
                        {{QStringLiteral("atomic"), true},
                         {QStringLiteral("statements"),
                          QJsonArray{
                              QJsonObject{
                                  {QStringLiteral("sql"),
                                   QStringLiteral("INSERT OR REPLACE INTO items VALUES (%1, 100)")
                                       .arg(id)}},
                              QJsonObject{
                                  {QStringLiteral("sql"),
                                   QStringLiteral("UPDATE items SET v = v * 2 WHERE id > %1")
                                       .arg(id)}}}}});
                }
                ++writesSent;
            }
            QTest::qWait(int(random.bounded(5, 120)));
            server.kill();
            logSizes.append(verifyLogMatchesData());
            if (QTest::currentTestFailed())
                return;
        }
        // The last server is gone; a new one continues the LSN sequence where the log ended.
        DosqldProcess server({QStringLiteral("--data-dir"), m_dir.path()});
        RpcClient client(server.url(QStringLiteral("crash")));
        const qint64 before = client.call(QStringLiteral("ping"))
                                  .value(QStringLiteral("result"))
                                  .toObject()
                                  .value(QStringLiteral("lsn"))
                                  .toString()
                                  .toLongLong();
        QVERIFY(before > 0);
        const QJsonObject r = client.call(
            QStringLiteral("exec"),
            {{QStringLiteral("sql"), QStringLiteral("INSERT INTO items VALUES (100000, 1)")}});
        QCOMPARE(r.value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("lsn"))
                     .toString()
                     .toLongLong(),
                 before + 1);
        // The kills must have landed mid-stream: the log grew, but not by every write sent.
        QVERIFY(logSizes.last() > logSizes.first());
        qInfo("%d writes sent across 15 kills; log sizes after each kill: %s", writesSent,
              qPrintable(QStringList([&] {
                             QStringList l;
                             for (qint64 n : logSizes)
                                 l.append(QString::number(n));
                             return l;
                         }())
                             .join(u' ')));
    }
    void sigtermShutsDownCleanlyAndRollsBackOpenWork()
    {
        DosqldProcess server({QStringLiteral("--data-dir"), m_dir.path()});
        RpcClient client(server.url(QStringLiteral("crash")));
        const qint64 before = client.call(QStringLiteral("ping"))
                                  .value(QStringLiteral("result"))
                                  .toObject()
                                  .value(QStringLiteral("lsn"))
                                  .toString()
                                  .toLongLong();
        const QString tx = beginWithRow(client, 424242);
        QVERIFY(!tx.isEmpty());
        QElapsedTimer timer;
        timer.start();
        server.process().terminate(); // SIGTERM
        QVERIFY(server.process().waitForFinished(10000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        qInfo("dosqld stopped %lld ms after SIGTERM", timer.elapsed());
        QVERIFY(client.next(2000).isEmpty() || !client.isConnected());
        // The open transaction was rolled back: no row, no log entry, log and data agree.
        QCOMPARE(verifyLogMatchesData(), before);
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("crash.db")), SqliteDb::OpenMode::ReadOnly));
        bool found = false;
        QVERIFY(!db.query(QStringLiteral("SELECT 1 FROM items WHERE id = 424242"), {},
                          [&](const SqliteStatement &) { found = true; }));
        QVERIFY(!found);
    }

    // SIGTERM while writes wait behind an open transaction's lock: they run or fail as the
    // server stops, and none of them may find the change log already gone.
    void sigtermWithWritesQueuedBehindATransaction()
    {
        DosqldProcess server({QStringLiteral("--data-dir"), m_dir.path()});
        RpcClient holder(server.url(QStringLiteral("crash")));
        const QString tx = beginWithRow(holder, 515151);
        QVERIFY(!tx.isEmpty());
        RpcClient writer(server.url(QStringLiteral("crash")));
        for (int i = 0; i < 200; ++i)
            writer.send(QStringLiteral("exec"),
                        {{QStringLiteral("sql"), QStringLiteral("INSERT INTO items VALUES (?, ?)")},
                         {QStringLiteral("params"), QJsonArray{600000 + i, i}}});
        QTest::qWait(300);            // they reach the server and queue behind the lock
        server.process().terminate(); // SIGTERM
        QVERIFY(server.process().waitForFinished(15000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY(verifyLogMatchesData() >= 0);
    }
};

QTEST_GUILESS_MAIN(TestChangeLogCrash)
#include "tst_changelog_crash.moc"
