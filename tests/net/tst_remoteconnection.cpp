#include "core/engine/schemareader.h"
#include "core/engine/sqlitedb.h"
#include "core/net/remoteconnection.h"
#include "core/requestcontrol.h"
#include "server/dosqlserver.h"
#include "tests/support/testdb.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// RemoteConnection, the Connection API over the network, against a real dosqld on 127.0.0.1.
// Built twice: over the WebSocket contract, and (REMOTE_OVER_HTTP) in HTTP compatibility mode,
// the deployed worker's API, where parameters travel as SQL literals.
#ifdef REMOTE_OVER_HTTP
constexpr bool kHttp = true;
#else
constexpr bool kHttp = false;
#endif

class TestRemoteConnection : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DosqlServer> m_server;
    std::unique_ptr<RemoteConnection> m_connection;
    quint16 m_port = 0;

    void startServer(const QString &token = {})
    {
        DosqlServer::Config config;
        config.dataDir = m_dir.path();
        config.port = m_port; // 0 the first time; the same port after a restart
        config.token = token;
        m_server = std::make_unique<DosqlServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_port = m_server->port();
    }

    std::unique_ptr<RemoteConnection>
    connect(const QString &token = {},
            ConnectionSpec::OpenMode mode = ConnectionSpec::OpenMode::ReadWrite, quint16 port = 0)
    {
        ConnectionSpec spec;
        spec.location = QStringLiteral("http://127.0.0.1:%1").arg(port ? port : m_port);
        spec.remote.database = QStringLiteral("app");
        spec.remote.token = token;
        spec.remote.requestTimeoutMs = 5000;
        if (kHttp)
            spec.remote.transport = RemoteOptions::Transport::Http;
        spec.mode = mode;
        auto connection = std::make_unique<RemoteConnection>(spec);
        QSignalSpy changed(connection.get(), &Connection::stateChanged);
        connection->open();
        while (connection->state() == Connection::State::Opening && changed.wait(10000)) {
        }
        return connection;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("app.db")), SqliteDb::OpenMode::Create));
        QVERIFY(!db.exec(QStringLiteral(
            "CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE,"
            " name TEXT DEFAULT 'anon', created_at INTEGER);"
            "CREATE TABLE posts(id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES"
            " users(id) ON DELETE CASCADE, title TEXT, body BLOB);"
            "CREATE INDEX posts_by_user ON posts(user_id, id);"
            "CREATE TABLE likes(user_id INTEGER, post_id INTEGER, PRIMARY KEY(user_id, post_id))"
            " WITHOUT ROWID;"
            "CREATE VIEW recent AS SELECT title FROM posts ORDER BY id DESC LIMIT 10;"
            "CREATE TRIGGER stamp AFTER INSERT ON users BEGIN UPDATE users SET created_at = 1"
            " WHERE id = new.id AND created_at IS NULL; END;")));
        db.close();
        startServer();
        m_connection = connect();
        QCOMPARE(m_connection->state(), Connection::State::Open);
    }

    void cleanupTestCase()
    {
        m_connection.reset();
        m_server.reset();
    }

    void serverKindIsDetected()
    {
        const ServerInfo info = m_connection->serverInfo();
        if (kHttp) {
            QCOMPARE(info.kind, ServerInfo::Kind::HttpOnly);
            QVERIFY(info.capabilities().contains(QStringLiteral("literals")));
            return;
        }
        QCOMPARE(info.kind, ServerInfo::Kind::Full);
        QCOMPARE(info.server, QStringLiteral("dosqld"));
        QVERIFY(info.has(QStringLiteral("cursors")));
        QVERIFY(info.latencyMs >= 0);
        QVERIFY(!info.capabilities().isEmpty());
    }

    void valuesRoundTripExactly_data()
    {
        QTest::addColumn<SqlValue>("value");
        QTest::newRow("null") << SqlValue();
        QTest::newRow("int64 max") << SqlValue(std::numeric_limits<qint64>::max());
        QTest::newRow("int64 min") << SqlValue(std::numeric_limits<qint64>::min());
        QTest::newRow("2^53 + 1") << SqlValue(qint64(9007199254740993LL));
        QTest::newRow("real") << SqlValue(0.1);
        QTest::newRow("text") << SqlValue(QStringLiteral("Zoë \"quoted\" 'single' \\ 😀\nline"));
        QTest::newRow("empty text") << SqlValue(QString());
        QTest::newRow("text with NUL")
            << SqlValue(QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
        QTest::newRow("tiny real") << SqlValue(4.9e-324);
        QTest::newRow("real, 17 digits") << SqlValue(0.30000000000000004);
        QTest::newRow("negative zero point five") << SqlValue(-0.5);
        QTest::newRow("blob with NUL") << SqlValue::blob(QByteArray("\x00\x01\xfe\xff", 4));
        QTest::newRow("empty blob") << SqlValue::blob({});
    }

    void valuesRoundTripExactly()
    {
        QFETCH(SqlValue, value);
        const TestDb::Outcome r = TestDb::run(
            m_connection.get(), QStringLiteral("SELECT ?, typeof(?)"), {value, value});
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
        QCOMPARE(r.rows.size(), 1);
        QCOMPARE(r.rows.first().first(), value);
    }

    void duplicateColumnNamesSurvive()
    {
        if (kHttp)
            QSKIP("HTTP rows are JSON objects: a repeated column name keeps one value.");
        const TestDb::Outcome r
            = TestDb::run(m_connection.get(), QStringLiteral("SELECT 1 AS a, 2 AS a"));
        QVERIFY(r.ok);
        QCOMPARE(r.columns.size(), 2);
        QCOMPARE(r.rows.first(), (Row{SqlValue(1), SqlValue(2)}));
    }

    void largeResultsArriveInOrderPageByPage()
    {
        Statement statement(QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000)"
            " SELECT i, 'row ' || i FROM n"));
        statement.options.batchSize = 1000;
        QueryRequest *request = m_connection->query(statement);
        qint64 expectedFirst = 0;
        qint64 next = 1;
        bool inOrder = true;
        QObject::connect(request, &QueryRequest::rowsReady, request, [&](const RowBatch &batch) {
            inOrder = inOrder && batch.firstRow == expectedFirst;
            expectedFirst += batch.rows.size();
            for (const Row &row : batch.rows)
                inOrder = inOrder && row.first().toInteger() == next++;
        });
        QSignalSpy ended(request, &DbRequest::ended);
        QVERIFY(ended.wait(20000));
        QCOMPARE(request->state(), DbRequest::State::Finished);
        QVERIFY(inOrder);
        QCOMPARE(next, 25001);
        QCOMPARE(request->summary().rowsRead, 25000);
        delete request;
    }

    void aRequestDeletedByItsReceiverHearsNothingMore()
    {
        // Columns, five batches and the end arrive in one delivery; the receiver of the first
        // batch deletes the request, and nothing more may reach it.
        Statement statement(QStringLiteral("SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
                                           " UNION ALL SELECT 4 UNION ALL SELECT 5"));
        statement.options.batchSize = 1;
        QueryRequest *request = m_connection->query(statement);
        int batches = 0;
        bool ended = false;
        QObject::connect(request, &QueryRequest::rowsReady, request, [&](const RowBatch &) {
            ++batches;
            delete request;
        });
        QObject::connect(request, &DbRequest::ended, request, [&] { ended = true; });
        QTRY_COMPARE(batches, 1);
        const TestDb::Outcome after = TestDb::run(m_connection.get(), QStringLiteral("SELECT 6"));
        QVERIFY2(after.ok, qPrintable(after.error.message));
        QCOMPARE(batches, 1);
        QVERIFY(!ended);
    }

    void maxRowsAndSamplingAreHonoured()
    {
        const QString sql = QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)"
            " SELECT i FROM n");
        Statement limited(sql);
        limited.options.maxRows = 300;
        TestDb::Outcome r = TestDb::run(m_connection.get(), limited);
        QVERIFY(r.ok);
        QCOMPARE(r.rows.size(), 300);
        QCOMPARE(r.rows.last().first(), SqlValue(299));

        Statement sampled(sql);
        sampled.options.sampleEvery = 256;
        r = TestDb::run(m_connection.get(), sampled);
        QVERIFY(r.ok);
        QCOMPARE(r.summary.rowsRead, 10000);
        QCOMPARE(r.rows.size(), 40); // rows 0, 256, ..., 9984
        QCOMPARE(r.rows.at(1).first(), SqlValue(256));
    }

    void writesReportWhatChanged()
    {
        TestDb::Outcome r = TestDb::run(m_connection.get(),
                                        QStringLiteral("INSERT INTO users(email) VALUES (?), (?)"),
                                        {QStringLiteral("a@x.io"), QStringLiteral("b@x.io")});
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
        QCOMPARE(r.summary.rowsAffected, 2);
        QVERIFY(r.summary.changedData);
        if (!kHttp) // the worker's HTTP API does not report it
            QVERIFY(r.summary.lastInsertRowid > 0);

        QSignalSpy schemaChanged(m_connection.get(), &Connection::schemaChanged);
        r = TestDb::run(m_connection.get(), QStringLiteral("CREATE TABLE scratch(x)"));
        QVERIFY(r.ok);
        QVERIFY(schemaChanged.count() == 1 || schemaChanged.wait(2000));
        TestDb::run(m_connection.get(), QStringLiteral("DROP TABLE scratch"));
    }

    // Requests sent together are handed to the network thread together and their answers back
    // together: each still gets exactly its own answer, also beside requests deleted or
    // cancelled on the way.
    void manyRequestsAtOnceEachGetTheirOwnAnswer()
    {
        constexpr int kCount = 200;
        QList<QPointer<QueryRequest>> requests;
        QList<qint64> answers(kCount, -1);
        int ended = 0;
        for (int i = 0; i < kCount; ++i) {
            QueryRequest *request = m_connection->query(
                Statement(QStringLiteral("SELECT ? AS v"), {SqlValue(qint64(i))}));
            QObject::connect(request, &QueryRequest::rowsReady, this,
                             [&answers, i](const RowBatch &batch) {
                                 answers[i] = batch.rows.value(0).value(0).toInteger();
                             });
            QObject::connect(request, &DbRequest::ended, this, [&ended] { ++ended; });
            requests.append(request);
        }
        delete requests.at(10).data(); // the caller lost interest before the answer came
        requests.at(20)->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(ended, kCount - 1, 10000);
        for (int i = 0; i < kCount; ++i) {
            if (i == 10)
                continue;
            if (i == 20 && requests.at(i)->state() == DbRequest::State::Failed) {
                // Unless it was answered before the cancel arrived.
                QCOMPARE(requests.at(i)->error().code, ErrorCode::Cancelled);
                continue;
            }
            QCOMPARE(requests.at(i)->state(), DbRequest::State::Finished);
            QCOMPARE(answers.at(i), qint64(i));
        }
        QCOMPARE(answers.at(10), -1);
        qDeleteAll(requests);
    }

    void transactionsThroughSql()
    {
        auto other = connect();
        const auto count = [](Connection *c) {
            return TestDb::run(c, QStringLiteral("SELECT count(*) FROM posts"))
                .rows.value(0)
                .value(0);
        };
        const SqlValue before = count(m_connection.get());
        TestDb::Outcome r = TestDb::run(m_connection.get(), QStringLiteral("BEGIN"));
        if (kHttp) {
            // The worker's API commits every statement on its own: say so, do not pretend.
            QVERIFY(!r.ok);
            QVERIFY(r.error.message.contains(QStringLiteral("no transactions")));
            return;
        }
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
        QVERIFY(TestDb::run(m_connection.get(), QStringLiteral("INSERT INTO posts(user_id, title)"
                                                               " VALUES (1, 'draft')"))
                    .ok);
        // This connection sees its own change; another does not, until it commits.
        QCOMPARE(count(m_connection.get()).toInteger(), before.toInteger() + 1);
        QCOMPARE(count(other.get()), before);
        QVERIFY(TestDb::run(m_connection.get(), QStringLiteral("ROLLBACK")).ok);
        QCOMPARE(count(m_connection.get()), before);

        QVERIFY(TestDb::run(m_connection.get(), QStringLiteral("BEGIN")).ok);
        QCOMPARE(TestDb::run(m_connection.get(), QStringLiteral("BEGIN")).error.code,
                 ErrorCode::InvalidRequest);
        QVERIFY(TestDb::run(m_connection.get(), QStringLiteral("INSERT INTO posts(user_id, title)"
                                                               " VALUES (1, 'kept')"))
                    .ok);
        QVERIFY(TestDb::run(m_connection.get(), QStringLiteral("COMMIT")).ok);
        QCOMPARE(count(other.get()).toInteger(), before.toInteger() + 1);
        QCOMPARE(TestDb::run(m_connection.get(), QStringLiteral("COMMIT")).error.code,
                 ErrorCode::InvalidRequest);
    }

    void namedParametersBind()
    {
        Statement statement(QStringLiteral("SELECT :a + @b + $c"));
        statement.namedParams = {{QStringLiteral(":a"), SqlValue(1)},
                                 {QStringLiteral("@b"), SqlValue(2)},
                                 {QStringLiteral("$c"), SqlValue(3)}};
        const TestDb::Outcome r = TestDb::run(m_connection.get(), statement);
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
        QCOMPARE(r.rows.first().first(), SqlValue(6));
    }

    void errorsKeepTheServersCodeAndMessage()
    {
        TestDb::Outcome r = TestDb::run(m_connection.get(), QStringLiteral("SELEC 1"));
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, ErrorCode::SyntaxError);
        QVERIFY(!r.error.message.isEmpty());
        r = TestDb::run(m_connection.get(), QStringLiteral("INSERT INTO users(id, email) VALUES"
                                                           " (1, 'dup@x.io')"));
        r = TestDb::run(m_connection.get(), QStringLiteral("INSERT INTO users(id, email) VALUES"
                                                           " (1, 'dup@x.io')"));
        QCOMPARE(r.error.code, ErrorCode::ConstraintViolation);
    }

    void schemaMatchesTheLocalReader()
    {
        SchemaRequest *request = m_connection->readSchema();
        QSignalSpy ended(request, &DbRequest::ended);
        QVERIFY(ended.wait(10000));
        QCOMPARE(request->state(), DbRequest::State::Finished);
        const DatabaseSchema remote = request->schema();
        delete request;

        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("app.db")), SqliteDb::OpenMode::ReadOnly));
        DatabaseSchema local;
        QVERIFY(!SchemaReader(db).read(&local));
        local.tables.removeIf([](const TableSchema &t) { return t.name.startsWith(u"_dosql_"); });

        QCOMPARE(remote.tables.size(), local.tables.size());
        QCOMPARE(remote.views.size(), 1);
        for (qsizetype i = 0; i < local.tables.size(); ++i) {
            const TableSchema &a = remote.tables.at(i);
            const TableSchema &b = local.tables.at(i);
            QCOMPARE(a.name, b.name);
            QCOMPARE(a.withoutRowid, b.withoutRowid);
            QCOMPARE(a.columns, b.columns);
            QCOMPARE(a.primaryKey(), b.primaryKey());
            QCOMPARE(a.indexes.size(), b.indexes.size());
            for (qsizetype j = 0; j < a.indexes.size(); ++j)
                QCOMPARE(a.indexes.at(j).columns, b.indexes.at(j).columns);
            QCOMPARE(a.foreignKeys.size(), b.foreignKeys.size());
            QCOMPARE(a.triggers.size(), b.triggers.size());
        }
        // dosqld's own tables stay out of the user's schema.
        QVERIFY(!remote.find(QStringLiteral("_dosql_changelog")));
        QVERIFY(remote.find(QStringLiteral("likes"))->withoutRowid);
    }

    void cancelStopsALongQueryQuickly()
    {
        if (kHttp)
            QSKIP("HTTP has no cancel: the statement would run on in the server.");
        QueryRequest *request = m_connection->query(Statement(
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
                           " SELECT count(*) FROM n")));
        QSignalSpy ended(request, &DbRequest::ended);
        QTest::qWait(200);
        QElapsedTimer timer;
        timer.start();
        request->cancel();
        QVERIFY(ended.wait(5000));
        QCOMPARE(request->error().code, ErrorCode::Cancelled);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        delete request;
        // The connection is still good afterwards.
        QVERIFY(TestDb::run(m_connection.get(), QStringLiteral("SELECT 1")).ok);
    }

    void readOnlyConnectionsRefuseWritesBeforeSending()
    {
        auto readOnly = connect({}, ConnectionSpec::OpenMode::ReadOnly);
        QCOMPARE(readOnly->state(), Connection::State::Open);
        const TestDb::Outcome r = TestDb::run(readOnly.get(), QStringLiteral("DELETE FROM users"));
        QCOMPARE(r.error.code, ErrorCode::ReadOnly);
        QVERIFY(TestDb::run(readOnly.get(), QStringLiteral("SELECT count(*) FROM users")).ok);
        QVERIFY(TestDb::run(m_connection.get(), QStringLiteral("SELECT count(*) FROM users"))
                    .rows.first()
                    .first()
                    .toInteger()
                > 0);
    }

    void nothingListeningFailsClearly()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 unused = probe.serverPort();
        probe.close();
        auto connection = connect({}, ConnectionSpec::OpenMode::ReadWrite, unused);
        QCOMPARE(connection->state(), Connection::State::Failed);
        QCOMPARE(connection->lastError().code, ErrorCode::ConnectionFailed);
        QVERIFY(connection->lastError().message.contains(QStringLiteral("server running")));
    }

    void tokensAreRequiredAndNeverShown()
    {
        const QString token = QStringLiteral("s3cret-token-value");
        m_connection.reset();
        m_server.reset();
        startServer(token);
        auto without = connect();
        QCOMPARE(without->state(), Connection::State::Failed);
        QCOMPARE(without->lastError().code, ErrorCode::Unauthorized);
        auto wrong = connect(QStringLiteral("wrong-token"));
        QCOMPARE(wrong->lastError().code, ErrorCode::Unauthorized);
        QVERIFY(!wrong->lastError().message.contains(QStringLiteral("wrong-token")));
        auto right = connect(token);
        QCOMPARE(right->state(), Connection::State::Open);
        QVERIFY(TestDb::run(right.get(), QStringLiteral("SELECT 1")).ok);
        right.reset();
        m_server.reset();
        startServer();
        m_connection = connect();
    }

    void anHttpOnlyServerIsDetected()
    {
        // Like the deployed worker: the WebSocket upgrade is refused with 404.
        QTemporaryDir dir;
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("app.db")),
                            dir.filePath(QStringLiteral("app.db"))));
        DosqlServer::Config config;
        config.dataDir = dir.path();
        config.port = 0;
        config.httpOnly = true;
        DosqlServer httpOnly(config);
        QString error;
        QVERIFY2(httpOnly.start(&error), qPrintable(error));
        ConnectionSpec spec;
        spec.location = QStringLiteral("http://127.0.0.1:%1/db/app").arg(httpOnly.port());
        RemoteConnection connection(spec);
        QSignalSpy changed(&connection, &Connection::stateChanged);
        connection.open();
        while (connection.state() == Connection::State::Opening && changed.wait(10000)) {
        }
        QCOMPARE(connection.state(), Connection::State::Open);
        QCOMPARE(connection.serverInfo().kind, ServerInfo::Kind::HttpOnly);
        const TestDb::Outcome r = TestDb::run(&connection, QStringLiteral("SELECT ?, ?"),
                                              {SqlValue(QStringLiteral("it's")), SqlValue(7)});
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
        QCOMPARE(r.rows.value(0), (Row{SqlValue(QStringLiteral("it's")), SqlValue(7)}));

        // A name the server does not have is reported as such, after one look at its health.
        spec.location = QStringLiteral("http://127.0.0.1:%1/db/nope").arg(httpOnly.port());
        RemoteConnection missing(spec);
        QSignalSpy missingChanged(&missing, &Connection::stateChanged);
        missing.open();
        while (missing.state() == Connection::State::Opening && missingChanged.wait(10000)) {
        }
        QCOMPARE(missing.state(), Connection::State::Failed);
        QVERIFY2(missing.lastError().message.contains(QStringLiteral("no database \"nope\"")),
                 qPrintable(missing.lastError().message));
    }

    // The server goes away while a paged result is half read: the rest is gone with its cursor,
    // and the user is told so (not "no such cursor"); the connection comes back for the next
    // query.
    void aServerLostInTheMiddleOfAPagedResult()
    {
        if (kHttp)
            QSKIP("HTTP compatibility mode has no paged results");
        Statement statement(QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)"
            " SELECT i, 'row ' || i FROM n"));
        statement.options.batchSize = 500;
        QueryRequest *request = m_connection->query(statement);
        request->setReleasesBatchCreditsItself(true); // a consumer that has stopped reading
        qint64 rows = 0;
        int heldCredits = 0;
        QObject::connect(request, &QueryRequest::rowsReady, request, [&](const RowBatch &batch) {
            rows += batch.rows.size();
            ++heldCredits;
        });
        QSignalSpy ended(request, &DbRequest::ended);
        QTRY_VERIFY_WITH_TIMEOUT(rows > 0, 10000);
        QVERIFY(ended.isEmpty());

        QSignalSpy reconnecting(m_connection.get(), &RemoteConnection::reconnectingChanged);
        m_server.reset();
        QVERIFY(reconnecting.wait(5000));
        startServer();
        QTRY_VERIFY_WITH_TIMEOUT(!m_connection->isReconnecting(), 10000);
        // The consumer reads on: the next page cannot come.
        for (; heldCredits > 0; --heldCredits)
            request->control()->releaseBatchCredit();
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 10000);
        QCOMPARE(request->state(), DbRequest::State::Failed);
        QCOMPARE(request->error().code, ErrorCode::ConnectionClosed);
        QVERIFY2(request->error().message.contains(QStringLiteral("Run the query again")),
                 qPrintable(request->error().message));
        QVERIFY(rows < 200000);
        delete request;
        QCOMPARE(TestDb::run(m_connection.get(), QStringLiteral("SELECT count(*) FROM users"))
                     .rows.size(),
                 1);
    }

    // Inside a transaction the server cannot stop a statement: the request still ends at once,
    // cancelled, saying what may happen there; the transaction goes on.
    void cancelInsideATransactionIsAbandonedAndSaid()
    {
        if (kHttp)
            QSKIP("HTTP compatibility mode has no transactions");
        QVERIFY(TestDb::run(m_connection.get(), QStringLiteral("BEGIN")).ok);
        QueryRequest *request = m_connection->query(Statement(QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000)"
            " SELECT count(*) FROM n")));
        QSignalSpy ended(request, &DbRequest::ended);
        QTest::qWait(100);
        QElapsedTimer timer;
        timer.start();
        request->cancel();
        QVERIFY(ended.wait(5000));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(request->error().code, ErrorCode::Cancelled);
        QVERIFY2(request->error().message.contains(QStringLiteral("inside a transaction")),
                 qPrintable(request->error().message));
        delete request;
        const TestDb::Outcome rollback
            = TestDb::run(m_connection.get(), QStringLiteral("ROLLBACK"));
        QVERIFY2(rollback.ok, qPrintable(rollback.error.message));
    }

    void readsSurviveAServerRestart()
    {
        if (kHttp) {
            // No socket to lose: the next request after a restart simply works.
            m_server.reset();
            startServer();
            QVERIFY(TestDb::run(m_connection.get(), QStringLiteral("SELECT 1")).ok);
            return;
        }
        QCOMPARE(m_connection->state(), Connection::State::Open);
        QSignalSpy reconnecting(m_connection.get(), &RemoteConnection::reconnectingChanged);
        m_server.reset(); // the server goes away...
        QVERIFY(reconnecting.wait(5000));
        QVERIFY(m_connection->isReconnecting());
        // ...a read asked for meanwhile waits for it to come back.
        QueryRequest *request = m_connection->query(Statement(QStringLiteral("SELECT 42")));
        QList<Row> rows;
        QObject::connect(request, &QueryRequest::rowsReady, request,
                         [&](const RowBatch &b) { rows += b.rows; });
        QSignalSpy ended(request, &DbRequest::ended);
        QTest::qWait(300);
        startServer();
        QVERIFY(ended.wait(10000));
        QCOMPARE(request->state(), DbRequest::State::Finished);
        QCOMPARE(rows.value(0).value(0), SqlValue(42));
        QVERIFY(!m_connection->isReconnecting());
        delete request;
    }
};

QTEST_GUILESS_MAIN(TestRemoteConnection)
#include "tst_remoteconnection.moc"
