#include "core/net/websocketstream.h"
#include "tests/support/inprocessdosqld.h"
#include "tests/support/rawwebsocket.h"
#include "tests/support/rpcclient.h"

#include "core/engine/sqlitedb.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

// dosqld's own WebSocket framing against a real dosqld on 127.0.0.1: the handshake, requests
// however a client frames them, and every way a client can break RFC 6455 closing the socket
// with the code that says why.
class TestDosqldWebSocket : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DosqlServer> m_server;
    static constexpr qint64 kMaxFrameBytes = 64 * 1024;

    static ClientFrame text(const QByteArray &payload, bool final = true)
    {
        return {0x1, payload, final};
    }

    // A socket past a successful handshake, or a failed test.
    bool openSocket(RawWebSocket &socket, const QByteArray &trailing = {})
    {
        if (!socket.open(m_server->port(), "/db/app", "dGhlIHNhbXBsZSBub25jZQ==", "13", trailing))
            return false;
        const QByteArray head = socket.responseHead();
        return head.startsWith("HTTP/1.1 101 ")
               && head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n");
    }

    // dosqld's open WebSocket sessions, as /metrics counts them.
    int openSessions() const
    {
        QTcpSocket http;
        http.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        if (!http.waitForConnected(5000))
            return -1;
        http.write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QByteArray response;
        QDeadlineTimer deadline(5000);
        while (http.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            QTest::qWait(5);
            response += http.readAll();
        }
        response += http.readAll();
        static constexpr QByteArrayView kName = "\ndosqld_connections ";
        const qsizetype at = response.indexOf(kName);
        if (at < 0)
            return -1;
        const qsizetype start = at + kName.size();
        return response.mid(start, response.indexOf('\n', start) - start).trimmed().toInt();
    }

    static QJsonObject reply(RawWebSocket &socket)
    {
        const RawWebSocket::Frame frame = socket.readFrame();
        if (!frame.valid || frame.opcode != 0x1)
            return {};
        return QJsonDocument::fromJson(frame.payload).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("app.db")), SqliteDb::OpenMode::Create));
        QVERIFY(!db.exec(QStringLiteral("CREATE TABLE t(v); INSERT INTO t VALUES ('π')")));
        db.close();
        DosqlServer::Config config;
        config.maxFrameBytes = kMaxFrameBytes;
        m_server = startInProcessDosqld(m_dir, config);
        QVERIFY(m_server);
    }

    void cleanupTestCase() { m_server.reset(); }

    void upgradesThatCannotBeAccepted_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("no key") << QByteArray() << QByteArray("13") << QByteArray("400");
        QTest::newRow("key of the wrong size")
            << QByteArray("c2hvcnQ=") << QByteArray("13") << QByteArray("400");
        QTest::newRow("old version")
            << QByteArray("dGhlIHNhbXBsZSBub25jZQ==") << QByteArray("8") << QByteArray("426");
    }

    void upgradesThatCannotBeAccepted()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, version);
        QFETCH(QByteArray, status);
        RawWebSocket socket;
        QVERIFY(socket.open(m_server->port(), "/db/app", key, version));
        const QByteArray head = socket.responseHead();
        QVERIFY2(head.startsWith(QByteArray("HTTP/1.1 " + status + ' ')), head.constData());
        QVERIFY(socket.waitForDisconnected());
    }

    void onlyPagesFromThisMachineMayOpenOneWithoutAToken_data()
    {
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("no Origin: not a browser") << QByteArray() << QByteArray("101");
        QTest::newRow("a dev server on localhost")
            << QByteArray("http://localhost:5173") << QByteArray("101");
        QTest::newRow("127.0.0.1") << QByteArray("http://127.0.0.1:8080") << QByteArray("101");
        QTest::newRow("[::1]") << QByteArray("http://[::1]:3000") << QByteArray("101");
        QTest::newRow("any web site") << QByteArray("https://example.com") << QByteArray("403");
        QTest::newRow("a look-alike")
            << QByteArray("http://localhost.example.com") << QByteArray("403");
        QTest::newRow("a sandboxed page") << QByteArray("null") << QByteArray("403");
    }

    void onlyPagesFromThisMachineMayOpenOneWithoutAToken()
    {
        QFETCH(QByteArray, origin);
        QFETCH(QByteArray, status);
        RawWebSocket socket;
        QVERIFY(socket.open(m_server->port(), "/db/app", "dGhlIHNhbXBsZSBub25jZQ==", "13", {},
                            origin.isEmpty() ? QByteArray() : "Origin: " + origin + "\r\n"));
        const QByteArray head = socket.responseHead();
        QVERIFY2(head.startsWith(QByteArray("HTTP/1.1 " + status + ' ')), head.constData());
    }

    void aClientThatStopsReadingIsDroppedAfterItsClose()
    {
        const int before = openSessions();
        RawWebSocket socket;
        QVERIFY(openSocket(socket));
        QTRY_COMPARE_WITH_TIMEOUT(openSessions(), before + 1, 5000);
        // Replies pile up unread until both ends' buffers are full; then the client closes.
        socket.stopReading();
        const QByteArray bigRead = text("{\"id\":\"r\",\"method\":\"query\",\"params\":{\"sql\":"
                                        "\"SELECT zeroblob(60000) AS b\"}}")
                                       .bytes();
        QByteArray many;
        for (int i = 0; i < 200; ++i)
            many += bigRead;
        socket.write(many);
        QTest::qWait(500);
        socket.write(ClientFrame{0x8, QByteArray("\x03\xe8", 2)}.bytes());
        // The server cannot send its close; it drops the connection after kCloseTimeoutMs
        // instead of keeping the session for ever.
        QTRY_COMPARE_WITH_TIMEOUT(openSessions(), before, WebSocketStream::kCloseTimeoutMs + 5000);
    }

    void requestsHoweverTheyAreFramed()
    {
        RawWebSocket socket;
        // The first request arrives together with the upgrade request.
        QVERIFY(openSocket(socket, text("{\"id\":\"1\",\"method\":\"ping\"}").bytes()));
        QCOMPARE(reply(socket).value(QStringLiteral("id")).toString(), QStringLiteral("1"));
        // In fragments, with a ping between them, each written on its own.
        socket.write(text("{\"id\":\"2\",\"method\":\"query\",", false).bytes());
        socket.write(ClientFrame{0x9, "still there?"}.bytes());
        const RawWebSocket::Frame pong = socket.readFrame();
        QVERIFY(pong.valid);
        QCOMPARE(pong.opcode, quint8(0xA));
        QCOMPARE(pong.payload, QByteArray("still there?"));
        socket.write(ClientFrame{0x0, "\"params\":{\"sql\":\"SELECT v", false}.bytes());
        socket.write(ClientFrame{0x0, " FROM t\"}}"}.bytes());
        const QJsonObject answer = reply(socket);
        QCOMPARE(answer.value(QStringLiteral("id")).toString(), QStringLiteral("2"));
        const QJsonObject row = answer.value(QStringLiteral("result"))
                                    .toObject()
                                    .value(QStringLiteral("rows"))
                                    .toArray()
                                    .first()
                                    .toObject();
        QCOMPARE(row.value(QStringLiteral("v")).toString(), QStringLiteral("π"));
        // Binary frames holding JSON are requests too (PROTOCOL.md §1); replies are text.
        socket.write(ClientFrame{0x2, "{\"id\":\"3\",\"method\":\"ping\"}"}.bytes());
        QCOMPARE(reply(socket).value(QStringLiteral("id")).toString(), QStringLiteral("3"));
        // A byte at a time.
        const QByteArray slow = text("{\"id\":\"4\",\"method\":\"ping\"}").bytes();
        for (const char byte : slow)
            socket.write(QByteArray(1, byte));
        QCOMPARE(reply(socket).value(QStringLiteral("id")).toString(), QStringLiteral("4"));
    }

    void aClientsCloseIsAnswered()
    {
        RawWebSocket socket;
        QVERIFY(openSocket(socket));
        socket.write(ClientFrame{0x8, QByteArray("\x0f\xa0", 2) + "done"}.bytes()); // 4000
        QCOMPARE(socket.readCloseCode(), quint16(4000));
        QVERIFY(socket.waitForDisconnected());
    }

    void protocolErrorsCloseWithTheirCode_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("closeCode");
        ClientFrame unmasked = text("{\"id\":\"1\",\"method\":\"ping\"}");
        unmasked.masked = false;
        QTest::newRow("unmasked") << unmasked.bytes() << 1002;
        QTest::newRow("text that is not UTF-8") << text("{\"id\":\"\xff\"}").bytes() << 1007;
        ClientFrame huge = text({});
        huge.claimedLength = 1ull << 40; // only the header is ever sent
        QTest::newRow("a terabyte announced") << huge.bytes() << 1009;
    }

    void protocolErrorsCloseWithTheirCode()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, closeCode);
        RawWebSocket socket;
        QVERIFY(openSocket(socket));
        socket.write(bytes);
        QCOMPARE(socket.readCloseCode(), quint16(closeCode));
        QVERIFY(socket.waitForDisconnected());
    }

    void framesOverTheLimitGetAnErrorAndTheSocketStaysOpen()
    {
        RpcClient client(QUrl(QStringLiteral("ws://127.0.0.1:%1/db/app").arg(m_server->port())));
        QVERIFY(client.isConnected());
        const QByteArray padding(kMaxFrameBytes, ' ');
        client.sendRaw("{\"id\":\"big\",\"method\":\"ping\"" + padding + "}");
        const QJsonObject refused = client.waitFor(QString());
        QCOMPARE(refused.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")),
                 QStringLiteral("INVALID_REQUEST"));
        const QString id = client.send(QStringLiteral("ping"));
        QVERIFY(client.waitFor(id).contains(QStringLiteral("result")));
    }

    void aQWebSocketClientSeesTheServersCloseCode()
    {
        RpcClient client(QUrl(QStringLiteral("ws://127.0.0.1:%1/db/app").arg(m_server->port())));
        QVERIFY(client.isConnected());
        QSignalSpy closed(&client.socket(), &QWebSocket::disconnected);
        // Far past the limit: the server drops the socket rather than buffer the frame.
        client.sendRaw(QByteArray(kMaxFrameBytes * 4 + 1, ' '));
        QVERIFY(closed.wait(5000));
        QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    }
};

QTEST_GUILESS_MAIN(TestDosqldWebSocket)
#include "tst_dosqld_websocket.moc"
