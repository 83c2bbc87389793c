#include "core/engine/sqlitedb.h"
#include "core/net/remoteconnection.h"
#include "core/net/rpcchannel.h"
#include "server/dosqlserver.h"
#include "tests/support/inprocessdosqld.h"
#include "tests/support/testdb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

// What the client does when the other end misbehaves: a deliberately broken WebSocket server on
// 127.0.0.1 (garbage, oversized, malformed and misaddressed replies, dropped sockets), and a
// real dosqld restarted with another token. Every case ends in a clear error; none crashes.
class TestBrokenServers : public QObject
{
    Q_OBJECT

private:
    // Answers `hello` as a plain sql.do server would (METHOD_NOT_FOUND), and every other request
    // with what `misbehave` returns (an empty result: close the socket instead).
    struct BrokenServer
    {
        QWebSocketServer server{QStringLiteral("broken"), QWebSocketServer::NonSecureMode};
        std::function<QString(const QJsonObject &request)> misbehave;
        bool answerHello = true;

        BrokenServer()
        {
            server.listen(QHostAddress::LocalHost, 0);
            QObject::connect(&server, &QWebSocketServer::newConnection, &server, [this] {
                QWebSocket *socket = server.nextPendingConnection();
                socket->setParent(&server);
                QObject::connect(
                    socket, &QWebSocket::textMessageReceived, socket,
                    [this, socket](const QString &message) {
                        const QJsonObject request
                            = QJsonDocument::fromJson(message.toUtf8()).object();
                        if (request.value(QStringLiteral("method")).toString() == u"hello"
                            && answerHello) {
                            socket->sendTextMessage(text(QJsonObject{
                                {QStringLiteral("id"), request.value(QStringLiteral("id"))},
                                {QStringLiteral("error"),
                                 QJsonObject{{QStringLiteral("code"), -32601},
                                             {QStringLiteral("message"), QStringLiteral("no")}}}}));
                            return;
                        }
                        const QString reply = misbehave(request);
                        if (reply.isEmpty())
                            socket->abort();
                        else
                            socket->sendTextMessage(reply);
                    });
            });
        }
        QString url() const
        {
            return QStringLiteral("http://127.0.0.1:%1/db/app").arg(server.serverPort());
        }
    };

    static std::unique_ptr<RemoteConnection> open(const QString &url, const QString &token = {},
                                                  int timeoutMs = 2000)
    {
        ConnectionSpec spec;
        spec.location = url;
        spec.remote.token = token;
        spec.remote.requestTimeoutMs = timeoutMs;
        auto connection = std::make_unique<RemoteConnection>(spec);
        QSignalSpy changed(connection.get(), &Connection::stateChanged);
        connection->open();
        while (connection->state() == Connection::State::Opening && changed.wait(10000)) {
        }
        return connection;
    }

    static QString text(const QJsonObject &frame)
    {
        return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
    }

    static QString idOf(const QJsonObject &request)
    {
        return request.value(QStringLiteral("id")).toString();
    }

private Q_SLOTS:
    void garbageInsteadOfAHello()
    {
        BrokenServer broken;
        broken.answerHello = false;
        broken.misbehave = [](const QJsonObject &) {
            return QStringLiteral("<html>502</html>");
        };
        auto connection = open(broken.url());
        QCOMPARE(connection->state(), Connection::State::Failed);
        QCOMPARE(connection->lastError().code, ErrorCode::ConnectionFailed);
        QVERIFY2(connection->lastError().message.contains(QStringLiteral("not a DoSQL reply")),
                 qPrintable(connection->lastError().message));
    }

    void badReplies_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("neither result nor error")
            << "empty" << int(ErrorCode::NetworkError) << "neither a result nor an error";
        QTest::newRow("an unreadable value")
            << "badvalue" << int(ErrorCode::NetworkError) << "cannot read";
        QTest::newRow("malformed JSON in a result")
            << "malformed" << int(ErrorCode::NetworkError) << "not valid JSON";
        QTest::newRow("an answer to another request")
            << "wrongid" << int(ErrorCode::Timeout) << "did not answer";
        QTest::newRow("the request's id written another way")
            << "paddedid" << int(ErrorCode::Timeout) << "did not answer";
        QTest::newRow("numeric JSON-RPC error")
            << "jsonrpc" << int(ErrorCode::InternalError) << "boom";
        QTest::newRow("over the size limit")
            << "huge" << int(ErrorCode::ResourceExhausted) << "larger than";
        QTest::newRow("socket dropped mid-request")
            << "drop" << int(ErrorCode::ConnectionClosed) << "may or may not";
    }

    void badReplies()
    {
        QFETCH(QString, kind);
        QFETCH(int, code);
        QFETCH(QString, words);
        BrokenServer broken;
        broken.misbehave = [kind](const QJsonObject &request) -> QString {
            const QString id = idOf(request);
            if (kind == u"empty")
                return text(QJsonObject{{QStringLiteral("id"), id}});
            if (kind == u"badvalue")
                return text(QJsonObject{
                    {QStringLiteral("id"), id},
                    {QStringLiteral("result"),
                     QJsonObject{{QStringLiteral("columns"), QJsonArray{QStringLiteral("a")}},
                                 {QStringLiteral("rows"), QJsonArray{QJsonArray{QJsonObject{
                                                              {QStringLiteral("$blob"), 5}}}}}}}});
            if (kind == u"malformed") // its request fails; the others go on
                return QStringLiteral("{\"id\":\"%1\",\"result\":{\"rows\":[[1,]]}}").arg(id);
            if (kind == u"paddedid") // "07" for "7": not the id this client wrote
                return text(QJsonObject{{QStringLiteral("id"), QString(u'0' + id)},
                                        {QStringLiteral("result"), QJsonObject{}}});
            if (kind == u"wrongid")
                return text(QJsonObject{{QStringLiteral("id"), QStringLiteral("nobody")},
                                        {QStringLiteral("result"), QJsonObject{}}});
            if (kind == u"jsonrpc")
                return text(QJsonObject{
                    {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                    {QStringLiteral("id"), id},
                    {QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("code"), -32603},
                                 {QStringLiteral("message"), QStringLiteral("boom")}}}});
            if (kind == u"huge")
                return text(QJsonObject{{QStringLiteral("id"), id},
                                        {QStringLiteral("result"),
                                         QString(int(RpcChannel::kMaxReplyBytes) + 1024, u'x')}});
            return {}; // drop
        };
        // Short, for the replies that never come; long enough for the test server to build and
        // send a reply of 64 MiB on a busy machine (it took more than 1.5 s there).
        auto connection = open(broken.url(), {}, kind == u"huge" ? 30000 : 1500);
        QCOMPARE(connection->state(), Connection::State::Open);
        QCOMPARE(connection->serverInfo().kind, ServerInfo::Kind::Envelope);
        // A write: a dropped socket must not be retried (its effect is unknown).
        const TestDb::Outcome r
            = TestDb::run(connection.get(), QStringLiteral("INSERT INTO t VALUES (1)"));
        QVERIFY(!r.ok);
        QCOMPARE(int(r.error.code), code);
        QVERIFY2(r.error.message.contains(words), qPrintable(r.error.message));
        if (kind == u"malformed") // a reply whose frame and id are whole spoils nothing else
            QCOMPARE(connection->state(), Connection::State::Open);
    }

    void rowsKeyedByNameAreReadInColumnOrder()
    {
        // A server of the plain envelope may not know rowFormat "array" and send sql.do's rows,
        // keyed by column name.
        BrokenServer plain;
        plain.misbehave = [](const QJsonObject &request) {
            return text(QJsonObject{
                {QStringLiteral("id"), idOf(request)},
                {QStringLiteral("result"),
                 QJsonObject{
                     {QStringLiteral("columns"),
                      QJsonArray{QStringLiteral("name"), QStringLiteral("id")}},
                     {QStringLiteral("rows"),
                      QJsonArray{QJsonObject{{QStringLiteral("id"), 1},
                                             {QStringLiteral("name"), QStringLiteral("Ada")}},
                                 QJsonObject{{QStringLiteral("id"), 2}}}}}}});
        };
        auto connection = open(plain.url());
        QCOMPARE(connection->state(), Connection::State::Open);
        const TestDb::Outcome r
            = TestDb::run(connection.get(), QStringLiteral("SELECT name, id FROM people"));
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.rows.size(), 2);
        QCOMPARE(r.rows.at(0), (Row{SqlValue(QStringLiteral("Ada")), SqlValue(qint64(1))}));
        QCOMPARE(r.rows.at(1), (Row{SqlValue(), SqlValue(qint64(2))})); // a missing name is NULL
    }

    void repliesWrittenOtherwiseReadTheSame_data()
    {
        // How the reply to `SELECT name FROM people` is written, with %1 for its id and %2 for
        // its result. dosqld's own way is read where it arrives; every other way takes the long
        // road, and must give the same rows.
        QTest::addColumn<QString>("envelope");
        QTest::newRow("dosqld's") << QStringLiteral("{\"id\":\"%1\",\"result\":%2}");
        QTest::newRow("whitespace after it") << QStringLiteral("{\"id\":\"%1\",\"result\":%2}\n ");
        QTest::newRow("a member after the result")
            << QStringLiteral("{\"id\":\"%1\",\"result\":%2,\"meta\":{\"a\":[1]}}");
        QTest::newRow("a closing brace in a member after the result")
            << QStringLiteral("{\"id\":\"%1\",\"result\":%2,\"note\":\"}\"}");
        QTest::newRow("the result first") << QStringLiteral("{\"result\":%2,\"id\":\"%1\"}");
        QTest::newRow("spaces") << QStringLiteral(" { \"id\" : \"%1\" , \"result\" : %2 } ");
        QTest::newRow("JSON-RPC's version first")
            << QStringLiteral("{\"jsonrpc\":\"2.0\",\"id\":\"%1\",\"result\":%2}");
    }

    void repliesWrittenOtherwiseReadTheSame()
    {
        QFETCH(QString, envelope);
        BrokenServer server;
        server.misbehave = [envelope](const QJsonObject &request) {
            return envelope.arg(idOf(request),
                                QStringLiteral("{\"columns\":[\"name\"],\"rows\":[[\"Ada}\"],"
                                               "[\"Grace\"]],\"rowsAffected\":0}"));
        };
        auto connection = open(server.url());
        QCOMPARE(connection->state(), Connection::State::Open);
        for (int round = 0; round < 2; ++round) { // the second with the columns remembered
            const TestDb::Outcome r
                = TestDb::run(connection.get(), QStringLiteral("SELECT name FROM people"));
            QVERIFY2(r.ok, qPrintable(r.error.message));
            QCOMPARE(r.columns.size(), 1);
            QCOMPARE(r.columns.at(0).name, QStringLiteral("name"));
            QCOMPARE(r.rows, (QList<Row>{{SqlValue(QStringLiteral("Ada}"))},
                                         {SqlValue(QStringLiteral("Grace"))}}));
        }
    }

    void aChangedTokenIsReportedOnceNotRetriedForever()
    {
        QTemporaryDir dir;
        SqliteDb db;
        QVERIFY(!db.open(dir.filePath(QStringLiteral("app.db")), SqliteDb::OpenMode::Create));
        db.close();
        DosqlServer::Config config;
        config.dataDir = dir.path();
        config.port = 0;
        config.token = QStringLiteral("first-token");
        auto server = std::make_unique<DosqlServer>(config);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        config.port = server->port();
        auto connection = open(QStringLiteral("http://127.0.0.1:%1/db/app").arg(config.port),
                               QStringLiteral("first-token"));
        QCOMPARE(connection->state(), Connection::State::Open);

        QSignalSpy changes(connection.get(), &Connection::stateChanged);
        server.reset();
        config.token = QStringLiteral("second-token");
        server = std::make_unique<DosqlServer>(config);
        QVERIFY2(server->start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Failed, 10000);
        QCOMPARE(connection->lastError().code, ErrorCode::Unauthorized);
        QVERIFY(!connection->lastError().message.contains(QStringLiteral("token-")));
        // And then quiet: no retry storm against a token that cannot work.
        const int seen = int(changes.count());
        QTest::qWait(2500);
        QCOMPARE(int(changes.count()), seen);
        QCOMPARE(connection->state(), Connection::State::Failed);
    }

    void aRequestTooLargeForTheServerIsNotCalledAReplyTooLarge()
    {
        QTemporaryDir dir;
        DosqlServer::Config config;
        config.maxFrameBytes = 1024; // past 4 KiB dosqld closes the socket, code 1009
        const auto server = startInProcessDosqld(dir, config);
        QVERIFY(server);
        auto connection = open(QStringLiteral("http://127.0.0.1:%1/db/app").arg(server->port()));
        QCOMPARE(connection->state(), Connection::State::Open);
        const TestDb::Outcome r = TestDb::run(connection.get(), QStringLiteral("SELECT length(?)"),
                                              {SqlValue(QString(8000, u'x'))});
        QVERIFY(!r.ok);
        // The server's own words, not "a reply larger than 64 MiB".
        QVERIFY2(!r.error.message.contains(QStringLiteral("reply larger")),
                 qPrintable(r.error.message));
        QCOMPARE(r.error.code, ErrorCode::ResourceExhausted);
        QVERIFY2(r.error.message.contains(QStringLiteral("larger than this server accepts")),
                 qPrintable(r.error.message));
        // And the connection comes back for what follows.
        QVERIFY(TestDb::run(connection.get(), QStringLiteral("SELECT 1")).ok);
    }
};

QTEST_GUILESS_MAIN(TestBrokenServers)
#include "tst_brokenservers.moc"
