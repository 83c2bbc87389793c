#include "server/dosqlserver.h"
#include "tests/support/rpcclient.h"

#include "core/engine/sqlitedb.h"

#include <QTemporaryDir>
#include <QTest>

// Transactions, idempotency keys and prepared statements (PROTOCOL.md §2.2, §7) against a real
// dosqld, used the way the official client uses them: a new socket for every call.
class TestDosqldTx : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DosqlServer> m_server;

    // One call on a socket of its own, as sql.do does outside Workers.
    QJsonObject call(const QString &method, const QJsonObject &params = {})
    {
        RpcClient client(QUrl(QStringLiteral("ws://127.0.0.1:%1/db/bank").arg(m_server->port())));
        return client.call(method, params);
    }

    QJsonObject result(const QString &method, const QJsonObject &params = {})
    {
        return call(method, params).value(QStringLiteral("result")).toObject();
    }

    static QString errorCode(const QJsonObject &reply)
    {
        return reply.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }

    int balance(int id)
    {
        const QJsonObject r = result(
            QStringLiteral("query"),
            {{QStringLiteral("sql"), QStringLiteral("SELECT balance FROM accounts WHERE id = ?")},
             {QStringLiteral("params"), QJsonArray{id}}});
        return r.value(QStringLiteral("rows"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("balance"))
            .toInt();
    }

    qint64 lsn()
    {
        return result(QStringLiteral("ping")).value(QStringLiteral("lsn")).toString().toLongLong();
    }

    QString begin(const QJsonObject &params = {})
    {
        return result(QStringLiteral("beginTransaction"), params)
            .value(QStringLiteral("id"))
            .toString();
    }

    QJsonObject inTx(const QString &tx, const QString &method, const QString &sql,
                     const QJsonArray &params = {})
    {
        return call(method, {{QStringLiteral("sql"), sql},
                             {QStringLiteral("params"), params},
                             {QStringLiteral("transactionId"), tx}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("bank.db")), SqliteDb::OpenMode::Create));
        QVERIFY(!db.exec(QStringLiteral("CREATE TABLE accounts(id INTEGER PRIMARY KEY, balance "
                                        "INTEGER NOT NULL CHECK (balance >= 0));"
                                        "INSERT INTO accounts VALUES (1, 100), (2, 0)")));
        db.close();
        DosqlServer::Config config;
        config.dataDir = m_dir.path();
        config.port = 0;
        m_server = std::make_unique<DosqlServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.reset(); }

    void commitAcrossSocketsIsAtomicAndIsolated()
    {
        const qint64 before = lsn();
        const QJsonObject info
            = result(QStringLiteral("beginTransaction"),
                     {{QStringLiteral("isolationLevel"), QStringLiteral("READ_COMMITTED")}});
        const QString tx = info.value(QStringLiteral("id")).toString();
        QVERIFY(!tx.isEmpty());
        QCOMPARE(info.value(QStringLiteral("isolationLevel")).toString(),
                 QStringLiteral("SERIALIZABLE"));
        QCOMPARE(info.value(QStringLiteral("snapshotLSN")).toString().toLongLong(), before);
        QVERIFY(QDateTime::fromString(info.value(QStringLiteral("startedAt")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());

        QVERIFY(!inTx(tx, QStringLiteral("exec"),
                      QStringLiteral("UPDATE accounts SET balance = balance - 30 WHERE id = 1"))
                     .contains(QStringLiteral("error")));
        QVERIFY(!inTx(tx, QStringLiteral("exec"),
                      QStringLiteral("UPDATE accounts SET balance = balance + 30 WHERE id = 2"))
                     .contains(QStringLiteral("error")));
        // Inside, the transaction sees itself; outside, nothing yet.
        const QJsonObject inside
            = inTx(tx, QStringLiteral("query"),
                   QStringLiteral("SELECT balance FROM accounts WHERE id = 2"));
        QCOMPARE(inside.value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("rows"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("balance"))
                     .toInt(),
                 30);
        QCOMPARE(balance(2), 0);
        QCOMPARE(lsn(), before);

        const QJsonObject committed
            = result(QStringLiteral("commit"), {{QStringLiteral("transactionId"), tx}});
        QCOMPARE(committed.value(QStringLiteral("lsn")).toString().toLongLong(), before + 2);
        QCOMPARE(balance(1), 70);
        QCOMPARE(balance(2), 30);
        QCOMPARE(errorCode(call(QStringLiteral("commit"), {{QStringLiteral("transactionId"), tx}})),
                 QStringLiteral("TRANSACTION_NOT_FOUND"));
    }

    void rollbackLeavesNoDataAndNoLog()
    {
        const qint64 before = lsn();
        const QString tx = begin();
        inTx(tx, QStringLiteral("exec"), QStringLiteral("UPDATE accounts SET balance = 0"));
        QCOMPARE(result(QStringLiteral("rollback"), {{QStringLiteral("transactionId"), tx}}),
                 QJsonObject{});
        QCOMPARE(balance(1), 70);
        QCOMPARE(lsn(), before);
    }

    void aFailingStatementFailsAloneAndTheTransactionGoesOn()
    {
        const QString tx = begin();
        QVERIFY(!inTx(tx, QStringLiteral("exec"),
                      QStringLiteral("UPDATE accounts SET balance = balance + 1 WHERE id = 1"))
                     .contains(QStringLiteral("error")));
        QCOMPARE(errorCode(inTx(tx, QStringLiteral("exec"),
                                QStringLiteral("UPDATE accounts SET balance = -5 WHERE id = 2"))),
                 QStringLiteral("CONSTRAINT_VIOLATION"));
        QVERIFY(call(QStringLiteral("commit"), {{QStringLiteral("transactionId"), tx}})
                    .contains(QStringLiteral("result")));
        QCOMPARE(balance(1), 71);
        QCOMPARE(balance(2), 30);
    }

    // A statement in a transaction cannot be interrupted without losing the transaction: cancel
    // says so ({cancelled: false}), and the statement answers as usual.
    void cancelInsideATransactionSaysItCannot()
    {
        const QString tx = begin();
        RpcClient client(QUrl(QStringLiteral("ws://127.0.0.1:%1/db/bank").arg(m_server->port())));
        const QString query = client.send(
            QStringLiteral("query"),
            {{QStringLiteral("sql"),
              QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                             " WHERE i < 3000000) SELECT count(*) AS c FROM n")},
             {QStringLiteral("transactionId"), tx}});
        QTest::qWait(50); // running by now, no longer waiting in the socket's queue
        const QJsonObject answer
            = client.call(QStringLiteral("cancel"), {{QStringLiteral("requestId"), query}});
        const QJsonObject reply = client.waitFor(query, 20000);
        // Ended before the checks, so that a failure leaves no transaction holding the lock.
        QVERIFY(
            result(QStringLiteral("rollback"), {{QStringLiteral("transactionId"), tx}}).isEmpty());
        QCOMPARE(answer.value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("cancelled"))
                     .toBool(true),
                 false);
        QCOMPARE(reply.value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("rows"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("c"))
                     .toInt(),
                 3000000);
    }

    void idleTransactionsTimeOut()
    {
        const QString tx = begin({{QStringLiteral("timeoutMs"), 150}});
        inTx(tx, QStringLiteral("exec"),
             QStringLiteral("UPDATE accounts SET balance = 999 WHERE id = 1"));
        QTest::qWait(600);
        const QJsonObject reply = inTx(tx, QStringLiteral("query"), QStringLiteral("SELECT 1"));
        QCOMPARE(errorCode(reply), QStringLiteral("TRANSACTION_ABORTED"));
        QCOMPARE(reply.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("timeout"));
        QCOMPARE(balance(1), 71);
        // And the write lock it held is free again.
        QVERIFY(call(QStringLiteral("exec"),
                     {{QStringLiteral("sql"),
                       QStringLiteral("UPDATE accounts SET balance = balance WHERE id = 1")}})
                    .contains(QStringLiteral("result")));
    }

    void unknownTransactionIsNotFound()
    {
        QCOMPARE(errorCode(inTx(QStringLiteral("no-such-tx"), QStringLiteral("query"),
                                QStringLiteral("SELECT 1"))),
                 QStringLiteral("TRANSACTION_NOT_FOUND"));
    }

    void readOnlyTransactionRefusesWrites()
    {
        const QString tx = begin({{QStringLiteral("readOnly"), true}});
        QCOMPARE(
            inTx(tx, QStringLiteral("query"), QStringLiteral("SELECT count(*) AS n FROM accounts"))
                .value(QStringLiteral("result"))
                .toObject()
                .value(QStringLiteral("rows"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("n"))
                .toInt(),
            2);
        QCOMPARE(
            errorCode(inTx(tx, QStringLiteral("exec"), QStringLiteral("DELETE FROM accounts"))),
            QStringLiteral("READ_ONLY"));
        call(QStringLiteral("rollback"), {{QStringLiteral("transactionId"), tx}});
    }

    void batchInsideATransaction()
    {
        const QString tx = begin();
        QVERIFY(!tx.isEmpty());
        const QJsonArray statements{
            QJsonObject{
                {QStringLiteral("sql"), QStringLiteral("INSERT INTO accounts VALUES (3, 5)")}},
            QJsonObject{
                {QStringLiteral("sql"), QStringLiteral("INSERT INTO accounts VALUES (3, 6)")}}};
        const QJsonObject reply
            = call(QStringLiteral("batch"), {{QStringLiteral("statements"), statements},
                                             {QStringLiteral("atomic"), true},
                                             {QStringLiteral("transactionId"), tx}});
        QCOMPARE(errorCode(reply), QStringLiteral("CONSTRAINT_VIOLATION"));
        call(QStringLiteral("commit"), {{QStringLiteral("transactionId"), tx}});
        QCOMPARE(result(QStringLiteral("query"),
                        {{QStringLiteral("sql"),
                          QStringLiteral("SELECT count(*) AS n FROM accounts WHERE id = 3")}})
                     .value(QStringLiteral("rows"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("n"))
                     .toInt(),
                 0);
    }

    void idempotencyKeyReplaysInsteadOfRunningTwice()
    {
        const QJsonObject params{
            {QStringLiteral("sql"),
             QStringLiteral("UPDATE accounts SET balance = balance + 10 WHERE id = 2")},
            {QStringLiteral("idempotencyKey"), QStringLiteral("pay-42")}};
        const QJsonObject first = result(QStringLiteral("exec"), params);
        QCOMPARE(first.value(QStringLiteral("rowsAffected")).toInt(), 1);
        QVERIFY(!first.contains(QStringLiteral("replayed")));
        const QJsonObject again = result(QStringLiteral("exec"), params);
        QCOMPARE(again.value(QStringLiteral("replayed")).toBool(), true);
        QCOMPARE(again.value(QStringLiteral("rowsAffected")).toInt(), 1);
        QCOMPARE(balance(2), 40); // once, not twice

        QJsonObject other = params;
        other.insert(QStringLiteral("sql"), QStringLiteral("DELETE FROM accounts"));
        QCOMPARE(errorCode(call(QStringLiteral("exec"), other)), QStringLiteral("INVALID_REQUEST"));
        QCOMPARE(balance(2), 40);
    }

    void failedExecutionsAreNotRemembered()
    {
        QJsonObject params{
            {QStringLiteral("sql"),
             QStringLiteral("UPDATE accounts SET balance = balance - 1000 WHERE id = 1")},
            {QStringLiteral("idempotencyKey"), QStringLiteral("retry-me")}};
        QCOMPARE(errorCode(call(QStringLiteral("exec"), params)),
                 QStringLiteral("CONSTRAINT_VIOLATION"));
        QCOMPARE(errorCode(call(QStringLiteral("exec"), params)),
                 QStringLiteral("CONSTRAINT_VIOLATION")); // ran again
    }

    void keysInsideATransactionCountOnlyOnCommit()
    {
        const QJsonObject exec{
            {QStringLiteral("sql"),
             QStringLiteral("UPDATE accounts SET balance = balance + 1 WHERE id = 2")},
            {QStringLiteral("idempotencyKey"), QStringLiteral("tx-key")}};
        QString tx = begin();
        QJsonObject inside = exec;
        inside.insert(QStringLiteral("transactionId"), tx);
        QVERIFY(call(QStringLiteral("exec"), inside).contains(QStringLiteral("result")));
        call(QStringLiteral("rollback"), {{QStringLiteral("transactionId"), tx}});
        // Rolled back: the key was forgotten with the work, so it runs for real now.
        QVERIFY(!result(QStringLiteral("exec"), exec).contains(QStringLiteral("replayed")));
        QCOMPARE(result(QStringLiteral("exec"), exec).value(QStringLiteral("replayed")).toBool(),
                 true);
        QCOMPARE(balance(2), 41);
    }

    void preparedStatementsByHashFromAnySocket()
    {
        const QString hash = result(QStringLiteral("prepare"),
                                    {{QStringLiteral("sql"),
                                      QStringLiteral("SELECT balance FROM accounts WHERE id = ?")}})
                                 .value(QStringLiteral("hash"))
                                 .toString();
        QVERIFY(!hash.isEmpty());
        const QJsonObject r
            = result(QStringLiteral("execute"),
                     {{QStringLiteral("hash"), hash}, {QStringLiteral("params"), QJsonArray{2}}});
        QCOMPARE(r.value(QStringLiteral("rows"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("balance"))
                     .toInt(),
                 41);
        QCOMPARE(errorCode(call(QStringLiteral("execute"),
                                {{QStringLiteral("hash"), QStringLiteral("nope")}})),
                 QStringLiteral("INVALID_REQUEST"));
    }

    void statsCountOpenTransactions()
    {
        const QString tx = begin();
        QCOMPARE(result(QStringLiteral("stats")).value(QStringLiteral("transactionsOpen")).toInt(),
                 1);
        call(QStringLiteral("rollback"), {{QStringLiteral("transactionId"), tx}});
        QCOMPARE(result(QStringLiteral("stats")).value(QStringLiteral("transactionsOpen")).toInt(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestDosqldTx)
#include "tst_dosqld_tx.moc"
