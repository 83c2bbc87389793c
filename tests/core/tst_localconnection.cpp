#include "core/engine/localconnection.h"
#include "tests/support/testdb.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

// The embedded engine through the asynchronous Connection API, on real files.
class TestLocalConnection : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalConnection> m_db;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("t.db")));
        m_db = TestDb::open(m_dir.filePath(QStringLiteral("t.db")));
        QCOMPARE(m_db->state(), Connection::State::Open);
        QVERIFY(TestDb::run(m_db.get(), QStringLiteral("CREATE TABLE t(v)")).ok);
    }

    void cleanup() { m_db.reset(); }

    void createdDatabaseUsesWal()
    {
        const auto r = TestDb::run(m_db.get(), QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(r.ok);
        QCOMPARE(r.rows.first().first().toText(), QStringLiteral("wal"));
    }

    void valueRoundTrip_data()
    {
        QTest::addColumn<SqlValue>("value");
        QTest::newRow("null") << SqlValue();
        QTest::newRow("zero") << SqlValue(qint64(0));
        QTest::newRow("int64 max") << SqlValue(qint64(std::numeric_limits<qint64>::max()));
        QTest::newRow("int64 min") << SqlValue(qint64(std::numeric_limits<qint64>::min()));
        QTest::newRow("beyond 2^53") << SqlValue(qint64(9007199254740993LL));
        QTest::newRow("real") << SqlValue(3.141592653589793);
        QTest::newRow("tiny real") << SqlValue(5e-324);
        QTest::newRow("empty text") << SqlValue(QString(u""_qs));
        QTest::newRow("unicode text") << SqlValue(QStringLiteral("Zoë — 日本語 🎉 \u202E"));
        QTest::newRow("text with NUL") << SqlValue(QString::fromUtf8("a\0b", 3));
        QTest::newRow("empty blob") << SqlValue::blob({});
        QTest::newRow("blob with NULs") << SqlValue::blob(QByteArray("\x00\x01\x00\xff\x00", 5));
        QTest::newRow("1 MB blob") << SqlValue::blob(QByteArray(1 << 20, '\0'));
    }

    void valueRoundTrip()
    {
        QFETCH(SqlValue, value);
        QVERIFY(TestDb::run(m_db.get(), QStringLiteral("INSERT INTO t(v) VALUES (?)"), {value}).ok);
        const auto r = TestDb::run(m_db.get(), QStringLiteral("SELECT v, typeof(v) FROM t"));
        QVERIFY(r.ok);
        QCOMPARE(r.rows.size(), 1);
        QCOMPARE(r.rows.first().at(0).type(), value.type());
        QCOMPARE(r.rows.first().at(0), value);
    }

    void namedAndNumberedParameters()
    {
        Statement s(QStringLiteral("SELECT ?2, ?1, :name, @at, $dollar"),
                    {SqlValue(1), SqlValue(2)});
        s.namedParams.insert(QStringLiteral(":name"), SqlValue(QStringLiteral("n")));
        s.namedParams.insert(QStringLiteral("at"), SqlValue(QStringLiteral("a")));
        s.namedParams.insert(QStringLiteral("$dollar"), SqlValue(QStringLiteral("d")));
        const auto r = TestDb::run(m_db.get(), s);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.rows.first(),
                 (Row{SqlValue(2), SqlValue(1), SqlValue(QStringLiteral("n")),
                      SqlValue(QStringLiteral("a")), SqlValue(QStringLiteral("d"))}));
    }

    void missingParameterIsAClearError()
    {
        const auto r = TestDb::run(m_db.get(), QStringLiteral("SELECT ?, ?"), {SqlValue(1)});
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, ErrorCode::InvalidRequest);
    }

    void errorsMapToContractCodes_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("syntax") << QStringLiteral("SELEC 1") << ErrorCode::SyntaxError;
        QTest::newRow("incomplete") << QStringLiteral("SELECT (1") << ErrorCode::SyntaxError;
        QTest::newRow("no table") << QStringLiteral("SELECT * FROM nope")
                                  << ErrorCode::TableNotFound;
        QTest::newRow("no column")
            << QStringLiteral("SELECT nope FROM t") << ErrorCode::ColumnNotFound;
        QTest::newRow("constraint")
            << QStringLiteral("INSERT INTO u VALUES (1), (1)") << ErrorCode::ConstraintViolation;
        QTest::newRow("two statements")
            << QStringLiteral("SELECT 1; SELECT 2") << ErrorCode::InvalidRequest;
        QTest::newRow("empty") << QStringLiteral("  -- nothing") << ErrorCode::InvalidRequest;
    }

    void errorsMapToContractCodes()
    {
        QFETCH(QString, sql);
        QFETCH(ErrorCode, code);
        QVERIFY(
            TestDb::run(m_db.get(), QStringLiteral("CREATE TABLE u(id INTEGER PRIMARY KEY)")).ok);
        const auto r = TestDb::run(m_db.get(), sql);
        QVERIFY(!r.ok);
        QCOMPARE(DbError::codeName(r.error.code), DbError::codeName(code));
        QVERIFY(!r.error.message.isEmpty());
    }

    void syntaxErrorCarriesItsPosition()
    {
        const auto r = TestDb::run(m_db.get(), QStringLiteral("SELECT 1 FROM t WHERE WHERE"));
        QCOMPARE(r.error.code, ErrorCode::SyntaxError);
        QCOMPARE(r.error.details.value(QStringLiteral("offset")).toInt(), 22);
    }

    void trailingCommentIsNotASecondStatement()
    {
        QVERIFY(TestDb::run(m_db.get(), QStringLiteral("SELECT 1; -- done")).ok);
    }

    void writesReportRowsAffected()
    {
        const auto r
            = TestDb::run(m_db.get(), QStringLiteral("INSERT INTO t VALUES (1), (2), (3)"));
        QVERIFY(r.ok);
        QCOMPARE(r.summary.rowsAffected, 3);
        QCOMPARE(r.summary.lastInsertRowid, 3);
        QVERIFY(r.summary.changedData);
    }

    void rowsStreamInBatches()
    {
        Statement s(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c"
                                   " WHERE x < 9999) SELECT x FROM c"));
        s.options.batchSize = 100;
        QueryRequest *request = m_db->query(s);
        QList<RowBatch> batches;
        connect(request, &QueryRequest::rowsReady, this,
                [&](const RowBatch &b) { batches.append(b); });
        QSignalSpy finished(request, &QueryRequest::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(batches.size(), 100);
        for (int i = 0; i < batches.size(); ++i) {
            QCOMPARE(batches.at(i).firstRow, i * 100);
            QCOMPARE(batches.at(i).rows.first().first().toInteger(), i * 100);
        }
        QCOMPARE(request->summary().rowsRead, 10000);
        delete request;
    }

    void samplingDeliversEveryNthRowAndCountsAll()
    {
        Statement s(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c"
                                   " WHERE x < 1000) SELECT x FROM c"));
        s.options.sampleEvery = 256;
        const auto r = TestDb::run(m_db.get(), s);
        QVERIFY(r.ok);
        QCOMPARE(r.rows.size(), 4);
        QCOMPARE(r.rows.at(3).first().toInteger(), 768);
        QCOMPARE(r.summary.rowsRead, 1001);
    }

    void cancelEndsALongQueryQuickly()
    {
        QueryRequest *request
            = m_db->query(Statement(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                                   "SELECT x + 1 FROM c) SELECT count(*) FROM c")));
        QSignalSpy failed(request, &DbRequest::failed);
        QTest::qWait(300); // let it get going
        QVERIFY(!request->isDone());
        QElapsedTimer timer;
        timer.start();
        request->cancel();
        QVERIFY(failed.wait(2000));
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(request->error().code, ErrorCode::Cancelled);
        QVERIFY2(elapsed <= 100, qPrintable(QStringLiteral("cancel took %1 ms").arg(elapsed)));
        delete request;
        // The connection keeps working afterwards.
        QVERIFY(TestDb::run(m_db.get(), QStringLiteral("SELECT 1")).ok);
    }

    void readsRunWhileAWriteTransactionIsOpen()
    {
        QVERIFY(TestDb::run(m_db.get(), QStringLiteral("INSERT INTO t VALUES ('committed')")).ok);
        QVERIFY(TestDb::run(m_db.get(), QStringLiteral("BEGIN")).ok);
        QVERIFY(TestDb::run(m_db.get(), QStringLiteral("INSERT INTO t VALUES ('pending')")).ok);
        // Inside the transaction, this connection sees its own change...
        QCOMPARE(
            TestDb::run(m_db.get(), QStringLiteral("SELECT count(*) FROM t")).rows.first().first(),
            SqlValue(2));
        // ...and another connection to the same file is not blocked and sees only what is
        // committed.
        auto other = TestDb::open(m_dir.filePath(QStringLiteral("t.db")),
                                  ConnectionSpec::OpenMode::ReadWrite);
        QCOMPARE(
            TestDb::run(other.get(), QStringLiteral("SELECT count(*) FROM t")).rows.first().first(),
            SqlValue(1));
        QVERIFY(TestDb::run(m_db.get(), QStringLiteral("ROLLBACK")).ok);
    }

    void readOnlyOpenRefusesWrites()
    {
        m_db.reset();
        auto ro = TestDb::open(m_dir.filePath(QStringLiteral("t.db")),
                               ConnectionSpec::OpenMode::ReadOnly);
        QCOMPARE(ro->state(), Connection::State::Open);
        QVERIFY(TestDb::run(ro.get(), QStringLiteral("SELECT count(*) FROM t")).ok);
        const auto r = TestDb::run(ro.get(), QStringLiteral("INSERT INTO t VALUES (1)"));
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, ErrorCode::ReadOnly);
        QVERIFY(r.error.message.contains(QStringLiteral("read-only")));
    }

    void openingSomethingThatIsNotADatabaseFailsClearly()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        auto c = TestDb::open(path, ConnectionSpec::OpenMode::ReadWrite);
        QCOMPARE(c->state(), Connection::State::Failed);
        QCOMPARE(c->lastError().code, ErrorCode::ConnectionFailed);
        QVERIFY(c->lastError().message.contains(QStringLiteral("notes.txt")));
    }

    void missingFileIsNotCreatedWithoutCreateMode()
    {
        const QString path = m_dir.filePath(QStringLiteral("absent.db"));
        auto c = TestDb::open(path, ConnectionSpec::OpenMode::ReadWrite);
        QCOMPARE(c->state(), Connection::State::Failed);
        QVERIFY(!QFile::exists(path));
    }

    void activeRequestsAreTheOnesStillRunning()
    {
        // What the activity indicator shows and a close cancels.
        QSignalSpy activity(m_db.get(), &Connection::activityChanged);
        const Statement forever(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                               "SELECT x + 1 FROM c) SELECT count(*) FROM c"));
        QueryRequest *longOne = m_db->query(forever);
        QueryRequest *quick = m_db->query(Statement(QStringLiteral("SELECT 1")));
        QCOMPARE(m_db->activeRequests(), (QList<DbRequest *>{longOne, quick}));
        QCOMPARE(activity.count(), 2);

        QSignalSpy quickEnded(quick, &DbRequest::ended);
        QVERIFY(quickEnded.wait(5000));
        QCOMPARE(m_db->activeRequests(), QList<DbRequest *>{longOne});
        QCOMPARE(activity.count(), 3);
        delete quick; // ended already: nothing changes
        QCOMPARE(activity.count(), 3);

        delete longOne; // deleted while running: it goes from the list at once
        QVERIFY(m_db->activeRequests().isEmpty());
        QCOMPARE(activity.count(), 4);

        // A request may outlive its connection.
        QueryRequest *orphan = m_db->query(forever);
        QSignalSpy orphanFailed(orphan, &DbRequest::failed);
        m_db.reset();
        QVERIFY(orphanFailed.wait(2000));
        delete orphan;
    }

    void deletingAConnectionWithRunningWorkIsClean()
    {
        QueryRequest *request
            = m_db->query(Statement(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                                   "SELECT x + 1 FROM c) SELECT count(*) FROM c")));
        QSignalSpy failed(request, &DbRequest::failed);
        QTest::qWait(50);
        m_db.reset(); // joins its threads; the request is told it was cancelled
        QVERIFY(failed.wait(2000));
        QCOMPARE(request->error().code, ErrorCode::Cancelled);
        delete request;
    }
};

QTEST_GUILESS_MAIN(TestLocalConnection)
#include "tst_localconnection.moc"
