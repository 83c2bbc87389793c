#include "server/dosqlserver.h"
#include "tests/support/rpcclient.h"

#include "core/engine/sqlitedb.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

// The RPC contract (PROTOCOL.md §2, §5, §7) against a real dosqld on 127.0.0.1, over one shared
// socket and over a new socket per call as the official sql.do client does outside Workers.
class TestDosqldRpc : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DosqlServer> m_server;
    std::unique_ptr<RpcClient> m_shared;
    bool m_perCall = false;

    QUrl url(const QString &db = QStringLiteral("app")) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/db/%2").arg(m_server->port()).arg(db));
    }

    QJsonObject call(const QString &method, const QJsonObject &params = {})
    {
        if (m_perCall) {
            RpcClient client(url());
            return client.call(method, params);
        }
        return m_shared->call(method, params);
    }

    QJsonObject exec(const QString &sql, const QJsonArray &params = {})
    {
        return call(QStringLiteral("exec"),
                    {{QStringLiteral("sql"), sql}, {QStringLiteral("params"), params}});
    }

    // Inserts v = 0 .. count - 1 pipelined on the shared socket; true when all succeeded.
    bool insertPipelined(int count)
    {
        QStringList ids;
        for (int i = 0; i < count; ++i)
            ids.append(m_shared->send(
                QStringLiteral("exec"),
                {{QStringLiteral("sql"), QStringLiteral("INSERT INTO items(v) VALUES (?)")},
                 {QStringLiteral("params"), QJsonArray{i}}}));
        return std::all_of(ids.cbegin(), ids.cend(), [this](const QString &id) {
            const QJsonObject reply = m_shared->waitFor(id);
            return !reply.isEmpty() && !reply.contains(QStringLiteral("error"));
        });
    }

    static QString errorCode(const QJsonObject &reply)
    {
        return reply.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }

    static QJsonObject result(const QJsonObject &reply)
    {
        return reply.value(QStringLiteral("result")).toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("app.db")), SqliteDb::OpenMode::Create));
        db.close();
        DosqlServer::Config config;
        config.dataDir = m_dir.path();
        config.port = 0;
        config.maxFrameBytes = 64 * 1024;
        m_server = std::make_unique<DosqlServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_shared = std::make_unique<RpcClient>(url());
        QVERIFY(m_shared->isConnected());
        QVERIFY(
            !exec(QStringLiteral("CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT UNIQUE, v)"))
                 .contains(QStringLiteral("error")));
    }

    void cleanupTestCase()
    {
        m_shared.reset();
        m_server.reset();
    }

    void init()
    {
        m_perCall = QByteArray(QTest::currentDataTag()).contains("per call");
        exec(QStringLiteral("DELETE FROM items"));
    }

    void transports_data()
    {
        QTest::addColumn<bool>("unused");
        QTest::newRow("shared socket") << true;
        QTest::newRow("socket per call") << true;
    }

    void helloAndPing_data() { transports_data(); }
    void helloAndPing()
    {
        const QJsonObject hello = result(
            call(QStringLiteral("hello"), {{QStringLiteral("client"), QStringLiteral("test")}}));
        QCOMPARE(hello.value(QStringLiteral("server")).toString(), QStringLiteral("dosqld"));
        QVERIFY(hello.value(QStringLiteral("features"))
                    .toArray()
                    .contains(QStringLiteral("listTables")));
        const QJsonObject pong = result(call(QStringLiteral("ping")));
        QCOMPARE(pong.value(QStringLiteral("pong")).toBool(), true);
        QVERIFY(pong.value(QStringLiteral("lsn")).isString());
        QVERIFY(pong.value(QStringLiteral("timestamp")).toDouble() > 1.7e12);
    }

    void execThenQuery_data() { transports_data(); }
    void execThenQuery()
    {
        const QJsonObject inserted
            = result(exec(QStringLiteral("INSERT INTO items(name, v) VALUES (?, ?), (?, ?)"),
                          {QStringLiteral("a"), 1, QStringLiteral("b"), 2}));
        QCOMPARE(inserted.value(QStringLiteral("rowsAffected")).toInt(), 2);
        QVERIFY(inserted.contains(QStringLiteral("lastInsertRowid")));
        QVERIFY(inserted.value(QStringLiteral("lsn")).toString().toLongLong() > 0);

        const QJsonObject objects = result(call(
            QStringLiteral("query"),
            {{QStringLiteral("sql"), QStringLiteral("SELECT name, v FROM items ORDER BY v")}}));
        QCOMPARE(objects.value(QStringLiteral("columns")).toArray(),
                 (QJsonArray{QStringLiteral("name"), QStringLiteral("v")}));
        QCOMPARE(
            objects.value(QStringLiteral("rows")).toArray().first().toObject(),
            (QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}, {QStringLiteral("v"), 1}}));

        // rowFormat "array" keeps duplicate column names apart.
        const QJsonObject arrays = result(call(
            QStringLiteral("query"),
            {{QStringLiteral("sql"), QStringLiteral("SELECT v, v + 10 AS v FROM items ORDER BY v")},
             {QStringLiteral("rowFormat"), QStringLiteral("array")}}));
        QCOMPARE(arrays.value(QStringLiteral("rows")).toArray().first().toArray(),
                 (QJsonArray{1, 11}));
    }

    void valuesRoundTrip_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("int") << QJsonValue(-42);
        QTest::newRow("real") << QJsonValue(0.1);
        QTest::newRow("text") << QJsonValue(QStringLiteral("Zoë 😀 \"q\" \\"));
        QTest::newRow("big int") << QJsonValue(
            QJsonObject{{QStringLiteral("$int"), QStringLiteral("9223372036854775807")}});
        QTest::newRow("blob") << QJsonValue(
            QJsonObject{{QStringLiteral("$blob"), QStringLiteral("AAEC/w==")}});
    }

    void valuesRoundTrip()
    {
        QFETCH(QJsonValue, value);
        QVERIFY(!exec(QStringLiteral("INSERT INTO items(name, v) VALUES ('x', ?)"), {value})
                     .contains(QStringLiteral("error")));
        const QJsonObject r
            = result(call(QStringLiteral("query"),
                          {{QStringLiteral("sql"), QStringLiteral("SELECT v FROM items")},
                           {QStringLiteral("rowFormat"), QStringLiteral("array")}}));
        QCOMPARE(r.value(QStringLiteral("rows")).toArray().first().toArray().first(), value);
    }

    void badFramesGetAnErrorAndTheSocketStaysOpen_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("not json") << QByteArray("{nope");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no method") << QByteArray("{\"id\":\"1\"}");
        QTest::newRow("oversized")
            << QByteArray("{\"id\":\"big\",\"method\":\"query\",\"params\":{\"sql\":\"SELECT '")
                   + QByteArray(100 * 1024, 'x') + QByteArray("'\"}}");
    }

    void badFramesGetAnErrorAndTheSocketStaysOpen()
    {
        QFETCH(QByteArray, frame);
        RpcClient client(url());
        client.sendRaw(frame);
        const QJsonObject reply = client.next();
        QCOMPARE(errorCode(reply), QStringLiteral("INVALID_REQUEST"));
        QVERIFY(client.isConnected());
        QCOMPARE(result(client.call(QStringLiteral("ping"))).value(QStringLiteral("pong")).toBool(),
                 true);
    }

    void pipelinedRequestsKeepTheirOrder()
    {
        QVERIFY(insertPipelined(50));
        const QJsonObject r = result(m_shared->call(
            QStringLiteral("query"),
            {{QStringLiteral("sql"), QStringLiteral("SELECT v FROM items ORDER BY id")},
             {QStringLiteral("rowFormat"), QStringLiteral("array")}}));
        const QJsonArray rows = r.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 50);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(rows.at(i).toArray().first().toInt(), i);
    }

    // Reads pipelined behind one another run together on a reader, yet every read still sees the
    // writes sent before it and none sent after it, also a write made through `query`.
    void pipelinedReadsSeeExactlyTheWritesBeforeThem()
    {
        const auto count = [this] {
            return m_shared->send(
                QStringLiteral("query"),
                {{QStringLiteral("sql"), QStringLiteral("SELECT count(*) FROM items")},
                 {QStringLiteral("rowFormat"), QStringLiteral("array")}});
        };
        QList<std::pair<QString, int>> expected; // request id, the count it must see
        int rows = 0;
        for (int round = 0; round < 20; ++round) {
            for (int i = 0; i < 5; ++i)
                expected.append({count(), rows});
            const bool viaQuery = round % 2 == 1;
            m_shared->send(
                viaQuery ? QStringLiteral("query") : QStringLiteral("exec"),
                {{QStringLiteral("sql"), QStringLiteral("INSERT INTO items(v) VALUES (?)")},
                 {QStringLiteral("params"), QJsonArray{round}}});
            ++rows;
        }
        expected.append({count(), rows});
        for (const auto &[id, seen] : std::as_const(expected)) {
            const QJsonObject reply = m_shared->waitFor(id);
            QVERIFY2(!reply.contains(QStringLiteral("error")), qPrintable(id));
            QCOMPARE(
                result(reply).value(QStringLiteral("rows")).toArray().at(0).toArray().at(0).toInt(),
                seen);
        }
    }

    void batchAtomicAndNot()
    {
        auto statement = [](const QString &sql) {
            return QJsonObject{{QStringLiteral("sql"), sql}};
        };
        const QJsonArray statements{
            statement(QStringLiteral("INSERT INTO items(id, v) VALUES (1, 'kept?')")),
            statement(QStringLiteral("INSERT INTO items(id, v) VALUES (1, 'duplicate')"))};
        QJsonObject reply
            = call(QStringLiteral("batch"),
                   {{QStringLiteral("statements"), statements}, {QStringLiteral("atomic"), true}});
        QCOMPARE(errorCode(reply), QStringLiteral("CONSTRAINT_VIOLATION"));
        QCOMPARE(reply.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("index"))
                     .toInt(),
                 1);
        QCOMPARE(result(call(QStringLiteral("query"),
                             {{QStringLiteral("sql"),
                               QStringLiteral("SELECT count(*) AS n FROM items")}}))
                     .value(QStringLiteral("rows"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("n"))
                     .toInt(),
                 0);

        reply = call(QStringLiteral("batch"), {{QStringLiteral("statements"), statements}});
        QCOMPARE(errorCode(reply), QStringLiteral("CONSTRAINT_VIOLATION"));
        QCOMPARE(result(call(QStringLiteral("query"),
                             {{QStringLiteral("sql"),
                               QStringLiteral("SELECT count(*) AS n FROM items")}}))
                     .value(QStringLiteral("rows"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("n"))
                     .toInt(),
                 1);

        reply = call(QStringLiteral("batch"),
                     {{QStringLiteral("statements"),
                       QJsonArray{statement(QStringLiteral("SELECT 1 AS one")),
                                  statement(QStringLiteral("SELECT 2 AS two"))}}});
        QCOMPARE(reply.value(QStringLiteral("result")).toArray().size(), 2);
    }

    void failedWritesLeaveNoChangeLogEntries()
    {
        const qint64 before = result(call(QStringLiteral("ping")))
                                  .value(QStringLiteral("lsn"))
                                  .toString()
                                  .toLongLong();
        QCOMPARE(errorCode(exec(QStringLiteral("INSERT INTO items(id) VALUES (5), (5)"))),
                 QStringLiteral("CONSTRAINT_VIOLATION"));
        QCOMPARE(result(call(QStringLiteral("ping")))
                     .value(QStringLiteral("lsn"))
                     .toString()
                     .toLongLong(),
                 before);
        const QJsonObject ok
            = result(exec(QStringLiteral("INSERT INTO items(id) VALUES (5), (6)")));
        QCOMPARE(ok.value(QStringLiteral("lsn")).toString().toLongLong(), before + 2);
    }

    void queryMayWriteAsOnTheWorker()
    {
        const QJsonObject r
            = result(call(QStringLiteral("query"),
                          {{QStringLiteral("sql"),
                            QStringLiteral("INSERT INTO items(v) VALUES (1) RETURNING id")}}));
        QCOMPARE(r.value(QStringLiteral("rowsAffected")).toInt(), 1);
        QCOMPARE(r.value(QStringLiteral("rows")).toArray().size(), 1);
    }

    void listTablesAndGetSchema()
    {
        const QJsonArray tables
            = call(QStringLiteral("listTables")).value(QStringLiteral("result")).toArray();
        QStringList names;
        for (const QJsonValue &t : tables)
            names.append(t.toObject().value(QStringLiteral("name")).toString());
        QVERIFY(names.contains(QStringLiteral("items")));
        exec(QStringLiteral("INSERT INTO items(id, v) VALUES (41, 'a'), (42, 'b')"));
        for (const QJsonValue &t :
             call(QStringLiteral("listTables")).value(QStringLiteral("result")).toArray()) {
            if (t.toObject().value(QStringLiteral("name")).toString() == u"items")
                QCOMPARE(t.toObject().value(QStringLiteral("rowCountEstimate")).toInt(), 42);
        }
        QVERIFY(!names.contains(QStringLiteral("_dosql_changelog")));

        const QJsonObject schema = result(call(
            QStringLiteral("getSchema"), {{QStringLiteral("tableName"), QStringLiteral("items")}}));
        QCOMPARE(schema.value(QStringLiteral("primaryKey")).toArray(),
                 QJsonArray{QStringLiteral("id")});
        QCOMPARE(schema.value(QStringLiteral("columns")).toArray().size(), 3);
        QVERIFY(schema.value(QStringLiteral("indexes"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QStringLiteral("unique"))
                    .toBool());
        QVERIFY(call(QStringLiteral("getSchema"),
                     {{QStringLiteral("tableName"), QStringLiteral("nope")}})
                    .value(QStringLiteral("result"))
                    .isNull());
    }

    void cancelStopsALongReadAndAQueuedRequest()
    {
        RpcClient client(url());
        const QString longRead
            = client.send(QStringLiteral("query"),
                          {{QStringLiteral("sql"),
                            QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL"
                                           " SELECT x + 1 FROM c) SELECT count(*) FROM c")}});
        const QString queued = client.send(
            QStringLiteral("exec"),
            {{QStringLiteral("sql"), QStringLiteral("INSERT INTO items(v) VALUES ('never')")}});
        QTest::qWait(200);
        QElapsedTimer timer;
        timer.start();
        const QJsonObject cancelQueued
            = client.call(QStringLiteral("cancel"), {{QStringLiteral("requestId"), queued}});
        QCOMPARE(result(cancelQueued).value(QStringLiteral("cancelled")).toBool(), true);
        QCOMPARE(errorCode(client.waitFor(queued)), QStringLiteral("CANCELLED"));
        QCOMPARE(
            result(client.call(QStringLiteral("cancel"), {{QStringLiteral("requestId"), longRead}}))
                .value(QStringLiteral("cancelled"))
                .toBool(),
            true);
        QCOMPARE(errorCode(client.waitFor(longRead)), QStringLiteral("CANCELLED"));
        qInfo("cancelled in %lld ms", timer.elapsed());
        QVERIFY(timer.elapsed() < 1000);
        // The queued insert never ran; the socket goes on working.
        QCOMPARE(result(client.call(QStringLiteral("query"),
                                    {{QStringLiteral("sql"),
                                      QStringLiteral(
                                          "SELECT count(*) AS n FROM items WHERE v = 'never'")}}))
                     .value(QStringLiteral("rows"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("n"))
                     .toInt(),
                 0);
        QCOMPARE(result(client.call(QStringLiteral("cancel"),
                                    {{QStringLiteral("requestId"), QStringLiteral("gone")}}))
                     .value(QStringLiteral("cancelled"))
                     .toBool(),
                 false);
    }

    void pagedQueryWithFetchAndClose()
    {
        for (int i = 0; i < 25; ++i)
            exec(QStringLiteral("INSERT INTO items(v) VALUES (?)"), {i});
        RpcClient client(url());
        QJsonObject page = result(
            client.call(QStringLiteral("query"),
                        {{QStringLiteral("sql"), QStringLiteral("SELECT v FROM items ORDER BY id")},
                         {QStringLiteral("pageSize"), 10}}));
        QCOMPARE(page.value(QStringLiteral("rows")).toArray().size(), 10);
        QCOMPARE(page.value(QStringLiteral("hasMore")).toBool(), true);
        const QString cursor = page.value(QStringLiteral("cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        // A write in between does not change what the cursor sees: one snapshot for all pages.
        exec(QStringLiteral("INSERT INTO items(v) VALUES (999)"));
        QList<int> values;
        for (const QJsonValue &r : page.value(QStringLiteral("rows")).toArray())
            values.append(r.toObject().value(QStringLiteral("v")).toInt());
        while (page.value(QStringLiteral("hasMore")).toBool()) {
            page = result(client.call(QStringLiteral("fetch"), {{QStringLiteral("cursor"), cursor},
                                                                {QStringLiteral("max"), 10}}));
            for (const QJsonValue &r : page.value(QStringLiteral("rows")).toArray())
                values.append(r.toObject().value(QStringLiteral("v")).toInt());
        }
        QCOMPARE(values.size(), 25);
        for (int i = 0; i < 25; ++i)
            QCOMPARE(values.at(i), i);
        // Finished cursors are gone; closing an open one frees it.
        QCOMPARE(
            errorCode(client.call(QStringLiteral("fetch"), {{QStringLiteral("cursor"), cursor}})),
            QStringLiteral("INVALID_REQUEST"));
        const QString second
            = result(client.call(QStringLiteral("query"),
                                 {{QStringLiteral("sql"), QStringLiteral("SELECT v FROM items")},
                                  {QStringLiteral("pageSize"), 5}}))
                  .value(QStringLiteral("cursor"))
                  .toString();
        QCOMPARE(result(client.call(QStringLiteral("closeCursor"),
                                    {{QStringLiteral("cursor"), second}})),
                 QJsonObject{});
        QCOMPARE(
            errorCode(client.call(QStringLiteral("fetch"), {{QStringLiteral("cursor"), second}})),
            QStringLiteral("INVALID_REQUEST"));
        QCOMPARE(
            errorCode(client.call(QStringLiteral("query"),
                                  {{QStringLiteral("sql"), QStringLiteral("DELETE FROM items")},
                                   {QStringLiteral("pageSize"), 5}})),
            QStringLiteral("INVALID_REQUEST"));
    }

    // Short reads are answered on the server's own thread; one that runs long there is stopped
    // and handed to a reader, so it neither stalls other sockets nor loses its answer.
    void aLongReadDoesNotHoldUpOtherSockets()
    {
        RpcClient slow(url());
        RpcClient quick(url());
        exec(QStringLiteral("INSERT INTO items(id, v) VALUES (1, 'one')"));
        const QString longRead = slow.send(
            QStringLiteral("query"),
            {{QStringLiteral("sql"),
              QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1"
                             " FROM c WHERE x < 8000000) SELECT count(*), sum(x) FROM c")},
             {QStringLiteral("rowFormat"), QStringLiteral("array")}});
        QTest::qWait(20); // it is under way
        for (int i = 0; i < 20; ++i) {
            const QJsonObject reply = quick.call(
                QStringLiteral("query"),
                {{QStringLiteral("sql"), QStringLiteral("SELECT v FROM items WHERE id = ?")},
                 {QStringLiteral("params"), QJsonArray{1}},
                 {QStringLiteral("rowFormat"), QStringLiteral("array")}});
            QCOMPARE(result(reply).value(QStringLiteral("rows")).toArray(),
                     (QJsonArray{QJsonArray{QStringLiteral("one")}}));
        }
        // All twenty were answered while the long read still ran.
        QVERIFY(slow.m_frames.isEmpty());
        const QJsonArray row = result(slow.waitFor(longRead, 60000))
                                   .value(QStringLiteral("rows"))
                                   .toArray()
                                   .at(0)
                                   .toArray();
        QCOMPARE(row.at(0).toInteger(), 8000000);
        QCOMPARE(row.at(1).toInteger(), qint64(8000000) * 8000001 / 2);
    }

    // A result too large to be quick is answered in full, and paged as asked.
    void largeResultsAnswerInFull()
    {
        QVERIFY(insertPipelined(250));
        const QJsonArray all
            = result(
                  call(QStringLiteral("query"),
                       {{QStringLiteral("sql"), QStringLiteral("SELECT v FROM items ORDER BY id")},
                        {QStringLiteral("rowFormat"), QStringLiteral("array")}}))
                  .value(QStringLiteral("rows"))
                  .toArray();
        QCOMPARE(all.size(), 250);
        for (int i = 0; i < 250; ++i)
            QCOMPARE(all.at(i).toArray().at(0).toInt(), i);
        const QJsonObject page = result(
            call(QStringLiteral("query"),
                 {{QStringLiteral("sql"), QStringLiteral("SELECT v FROM items ORDER BY id")},
                  {QStringLiteral("pageSize"), 200}}));
        QCOMPARE(page.value(QStringLiteral("rows")).toArray().size(), 200);
        QCOMPARE(page.value(QStringLiteral("hasMore")).toBool(), true);
        QCOMPARE(call(QStringLiteral("closeCursor"),
                      {{QStringLiteral("cursor"), page.value(QStringLiteral("cursor"))}})
                     .value(QStringLiteral("result"))
                     .toObject(),
                 QJsonObject{});
    }

    // Reads that share one snapshot never miss a write answered before they were sent, whichever
    // socket made it.
    void aReadSeesEveryWriteAnsweredBeforeIt()
    {
        RpcClient reader(url());
        exec(QStringLiteral("INSERT INTO items(id, v) VALUES (1, -1)"));
        for (int i = 0; i < 100; ++i) {
            const QJsonObject written
                = exec(QStringLiteral("UPDATE items SET v = ? WHERE id = 1"), {i});
            QVERIFY(!written.contains(QStringLiteral("error")));
            // Several at once, so that they run together.
            QStringList ids;
            for (int k = 0; k < 3; ++k)
                ids.append(reader.send(
                    QStringLiteral("query"),
                    {{QStringLiteral("sql"), QStringLiteral("SELECT v FROM items WHERE id = 1")},
                     {QStringLiteral("rowFormat"), QStringLiteral("array")}}));
            for (const QString &id : std::as_const(ids))
                QCOMPARE(result(reader.waitFor(id))
                             .value(QStringLiteral("rows"))
                             .toArray()
                             .at(0)
                             .toArray()
                             .at(0)
                             .toInt(),
                         i);
        }
    }

    void everyReadIsCountedOnce()
    {
        // Point reads are answered on the socket's thread; one needing a cursor goes on to a
        // reader after that thread has run it. Each is one query in the stats all the same.
        const auto queries = [this] {
            return result(call(QStringLiteral("stats")))
                .value(QStringLiteral("queries"))
                .toDouble();
        };
        const double before = queries();
        for (int i = 0; i < 5; ++i) {
            const QJsonObject page = result(call(
                QStringLiteral("query"), {{QStringLiteral("sql"), QStringLiteral("SELECT ?")},
                                          {QStringLiteral("params"), QJsonArray{i}},
                                          {QStringLiteral("pageSize"), 10},
                                          {QStringLiteral("rowFormat"), QStringLiteral("array")}}));
            QCOMPARE(page.value(QStringLiteral("rows")).toArray(), QJsonArray{QJsonArray{i}});
            QCOMPARE(page.value(QStringLiteral("hasMore")), QJsonValue(false));
        }
        QCOMPARE(queries(), before + 5);
        const QJsonObject first
            = result(call(QStringLiteral("query"),
                          {{QStringLiteral("sql"), QStringLiteral("VALUES (1), (2), (3)")},
                           {QStringLiteral("pageSize"), 2},
                           {QStringLiteral("rowFormat"), QStringLiteral("array")}}));
        QCOMPARE(first.value(QStringLiteral("rows")).toArray().size(), 2);
        QCOMPARE(first.value(QStringLiteral("hasMore")), QJsonValue(true));
        QCOMPARE(queries(), before + 6);
    }

    void statsCountWork()
    {
        const QJsonObject stats = result(call(QStringLiteral("stats")));
        QVERIFY(stats.value(QStringLiteral("queries")).toDouble() > 0);
        QVERIFY(stats.value(QStringLiteral("connections")).toInt() >= 1);
        QVERIFY(stats.value(QStringLiteral("dbSizeBytes")).toDouble() > 0);
        QVERIFY(stats.value(QStringLiteral("lsn")).isString());
    }
};

QTEST_GUILESS_MAIN(TestDosqldRpc)
#include "tst_dosqld_rpc.moc"
