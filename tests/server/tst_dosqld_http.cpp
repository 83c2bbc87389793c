#include "server/dosqlserver.h"
#include "tests/support/rpcclient.h"

#include "core/engine/sqlitedb.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

// The HTTP API (PROTOCOL.md §4), auth (§1) and the refusal to listen unprotected, against a real
// dosqld on 127.0.0.1.
class TestDosqldHttp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DosqlServer> m_open;
    std::unique_ptr<DosqlServer> m_guarded;
    QNetworkAccessManager m_network;

    struct Response
    {
        int status = 0;
        QJsonObject json;
        QByteArray body;
    };

    Response request(DosqlServer *server, const QByteArray &method, const QString &path,
                     const QByteArray &body = {}, const QByteArray &bearer = {},
                     const QByteArray &origin = {})
    {
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server->port()).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer);
        if (!origin.isEmpty())
            request.setRawHeader("Origin", origin);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
        Response r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        reply->deleteLater();
        return r;
    }

    std::unique_ptr<DosqlServer> start(const QString &token)
    {
        DosqlServer::Config config;
        config.dataDir = m_dir.path();
        config.port = 0;
        config.token = token;
        auto server = std::make_unique<DosqlServer>(config);
        QString error;
        if (!server->start(&error))
            qWarning("%s", qPrintable(error));
        return server;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("shop.db")), SqliteDb::OpenMode::Create));
        QVERIFY(!db.exec(QStringLiteral(
            "CREATE TABLE products(id TEXT PRIMARY KEY, name TEXT NOT NULL, price REAL DEFAULT 0);"
            "CREATE TABLE notes(body TEXT);"
            "CREATE VIEW cheap AS SELECT * FROM products WHERE price < 10;"
            "INSERT INTO products VALUES ('p1', 'Mug', 8.5), ('p2', 'Lamp', 40);")));
        db.close();
        m_open = start({});
        m_guarded = start(QStringLiteral("s3cret-token"));
    }

    void cleanupTestCase()
    {
        m_open.reset();
        m_guarded.reset();
    }

    void health()
    {
        const Response r = request(m_open.get(), "GET", QStringLiteral("/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(r.json.value(QStringLiteral("service")).toString(), QStringLiteral("dosqld"));
        const Response db = request(m_open.get(), "GET", QStringLiteral("/db/shop/health"));
        QCOMPARE(db.json.value(QStringLiteral("initialized")).toBool(), true);
    }

    void tablesHaveTheWorkersShapePlusKeys()
    {
        const Response r = request(m_open.get(), "GET", QStringLiteral("/db/shop/tables"));
        QCOMPARE(r.status, 200);
        QHash<QString, QJsonObject> tables;
        for (const QJsonValue &t : r.json.value(QStringLiteral("tables")).toArray())
            tables.insert(t.toObject().value(QStringLiteral("name")).toString(), t.toObject());
        QCOMPARE(
            tables.value(QStringLiteral("products")).value(QStringLiteral("primaryKey")).toString(),
            QStringLiteral("id"));
        QCOMPARE(
            tables.value(QStringLiteral("notes")).value(QStringLiteral("primaryKey")).toString(),
            QStringLiteral("rowid"));
        QCOMPARE(tables.value(QStringLiteral("cheap")).value(QStringLiteral("type")).toString(),
                 QStringLiteral("view"));
        const QJsonArray columns
            = tables.value(QStringLiteral("products")).value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns.at(2).toObject().value(QStringLiteral("defaultValue")).toString(),
                 QStringLiteral("0"));
        QVERIFY(!tables.contains(QStringLiteral("_dosql_changelog")));
    }

    void queryAndExecute()
    {
        Response r = request(
            m_open.get(), "POST", QStringLiteral("/db/shop/query"),
            R"({"sql":"SELECT name, price FROM products WHERE price < ?","params":[10]})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("success")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("rows")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Mug")},
                                         {QStringLiteral("price"), 8.5}}}));
        r = request(m_open.get(), "POST", QStringLiteral("/db/shop/execute"),
                    R"({"sql":"UPDATE products SET price = price + 1"})");
        QCOMPARE(r.json.value(QStringLiteral("stats"))
                     .toObject()
                     .value(QStringLiteral("rowsAffected"))
                     .toInt(),
                 2);
    }

    void pagesFromElsewhereNeedTheToken()
    {
        // A web page the user visits may post to a server on loopback; without a token, only
        // pages from this machine may, and nothing runs for the others.
        const QByteArray drop = R"({"sql":"DROP TABLE products"})";
        const Response refused = request(m_open.get(), "POST", QStringLiteral("/db/shop/execute"),
                                         drop, {}, "https://example.com");
        QCOMPARE(refused.status, 403);
        QVERIFY(refused.body.contains("example.com"));
        QCOMPARE(request(m_open.get(), "GET", QStringLiteral("/db/shop/tables"), {}, {},
                         "http://localhost:5173")
                     .status,
                 200);
        QVERIFY(request(m_open.get(), "GET", QStringLiteral("/db/shop/tables"))
                    .body.contains("products"));
        // With a token, the token decides.
        QCOMPARE(request(m_guarded.get(), "GET", QStringLiteral("/db/shop/tables"), {},
                         "s3cret-token", "https://example.com")
                     .status,
                 200);
    }

    void failuresUseTheWorkersShapes_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("syntax error") << QByteArray("POST") << QStringLiteral("/db/shop/query")
                                      << QByteArray(R"({"sql":"SELEC"})") << 400;
        QTest::newRow("body not json")
            << QByteArray("POST") << QStringLiteral("/db/shop/query") << QByteArray("{") << 400;
        QTest::newRow("unknown database")
            << QByteArray("GET") << QStringLiteral("/db/nope/tables") << QByteArray() << 404;
        QTest::newRow("bad database name")
            << QByteArray("GET") << QStringLiteral("/db/..%2Fetc/tables") << QByteArray() << 404;
        QTest::newRow("unknown route")
            << QByteArray("GET") << QStringLiteral("/db/shop/frob") << QByteArray() << 404;
    }

    void failuresUseTheWorkersShapes()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const Response r = request(m_open.get(), method, path, body);
        QCOMPARE(r.status, status);
        QVERIFY(!r.json.value(QStringLiteral("error")).toString().isEmpty());
        if (status == 400)
            QCOMPARE(r.json.value(QStringLiteral("success")).toBool(true), false);
    }

    void unknownDatabaseIsNeverCreated()
    {
        request(m_open.get(), "GET", QStringLiteral("/db/ghost/health"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("ghost.db"))));
    }

    void tokenRequiredWhenConfigured()
    {
        QCOMPARE(request(m_guarded.get(), "GET", QStringLiteral("/health")).status,
                 200); // liveness stays open
        const Response denied = request(m_guarded.get(), "GET", QStringLiteral("/db/shop/tables"));
        QCOMPARE(denied.status, 401);
        QVERIFY(!denied.body.contains("s3cret"));
        QCOMPARE(
            request(m_guarded.get(), "GET", QStringLiteral("/db/shop/tables"), {}, "wrong").status,
            401);
        QCOMPARE(
            request(m_guarded.get(), "GET", QStringLiteral("/db/shop/tables"), {}, "s3cret-token")
                .status,
            200);
        QCOMPARE(
            request(m_guarded.get(), "GET", QStringLiteral("/db/shop/tables?token=s3cret-token"))
                .status,
            200);
    }

    void webSocketNeedsTheTokenToo()
    {
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1/db/shop").arg(m_guarded->port()));
        RpcClient anonymous(url);
        QVERIFY(!anonymous.isConnected());
        RpcClient withHeader(url, "s3cret-token");
        QVERIFY(withHeader.isConnected());
        QCOMPARE(withHeader.call(QStringLiteral("ping"))
                     .value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("pong"))
                     .toBool(),
                 true);
        RpcClient withQuery(QUrl(url.toString() + QStringLiteral("?token=s3cret-token")));
        QVERIFY(withQuery.isConnected());
    }

    void webSocketToUnknownDatabaseIsRefused()
    {
        RpcClient client(QUrl(QStringLiteral("ws://127.0.0.1:%1/db/nope").arg(m_open->port())));
        QVERIFY(!client.isConnected());
    }

    void refusesToListenBeyondLoopbackWithoutAToken()
    {
        DosqlServer::Config config;
        config.dataDir = m_dir.path();
        config.port = 0;
        config.bindAddress = QHostAddress::AnyIPv4;
        DosqlServer server(config);
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY(error.contains(QStringLiteral("token")));
    }

    void metricsAreTextExposition()
    {
        request(m_open.get(), "POST", QStringLiteral("/db/shop/query"), R"({"sql":"SELECT 1"})");
        const Response r = request(m_open.get(), "GET", QStringLiteral("/metrics"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("# TYPE dosqld_queries_total counter"));
        QVERIFY(r.body.contains("dosqld_queries_total{database=\"shop\"}"));
    }
};

QTEST_GUILESS_MAIN(TestDosqldHttp)
#include "tst_dosqld_http.moc"
