#include "core/net/clientwebsocket.h"
#include "core/net/websocketframes.h"
#include "tests/support/inprocessdosqld.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

// RemoteConnection's own WebSocket client: the opening handshake against a real dosqld (its
// refusals reported with their HTTP status), interplay with Qt's WebSocket server (pings,
// closes, large and fragmented messages), and a raw TCP peer that answers the handshake or
// frames the way no server may.
class TestClientWebSocket : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DosqlServer> m_dosqld;

    static QNetworkRequest requestFor(const QString &url)
    {
        QNetworkRequest request{QUrl(url)};
        request.setTransferTimeout(5000);
        return request;
    }

    // Waits until `socket` has connected or failed; true if it connected.
    static bool waitOpen(ClientWebSocket &socket)
    {
        QDeadlineTimer deadline(10000);
        while (!socket.isOpen() && socket.errorString().isEmpty() && !deadline.hasExpired())
            QTest::qWait(2);
        return socket.isOpen();
    }

    // A TCP peer that answers an upgrade request with `response`, then sends `frames`.
    struct ScriptedPeer
    {
        QTcpServer server;
        QByteArray response;
        QByteArray frames;
        QPointer<QTcpSocket> accepted;

        ScriptedPeer()
        {
            server.listen(QHostAddress::LocalHost, 0);
            QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
                accepted = server.nextPendingConnection();
                QObject::connect(accepted, &QTcpSocket::readyRead, accepted, [this] {
                    const QByteArray request = accepted->readAll();
                    if (!request.contains("\r\n\r\n") || response.isEmpty())
                        return;
                    const qsizetype at = request.indexOf("Sec-WebSocket-Key: ") + 19;
                    const QByteArray key = request.mid(at, request.indexOf('\r', at) - at);
                    QByteArray answer = response;
                    answer.replace("ACCEPT", WebSocketFrames::acceptKey(key));
                    accepted->write(answer + frames);
                    response.clear();
                });
            });
        }
        QString url() const
        {
            return QStringLiteral("ws://127.0.0.1:%1/").arg(server.serverPort());
        }
    };

    static QByteArray ok()
    {
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
               "Upgrade\r\nSec-WebSocket-Accept: ACCEPT\r\n\r\n";
    }

private Q_SLOTS:
    void initTestCase()
    {
        DosqlServer::Config config;
        config.token = QStringLiteral("s3cret");
        m_dosqld = startInProcessDosqld(m_dir, config);
        QVERIFY(m_dosqld);
    }

    void cleanupTestCase() { m_dosqld.reset(); }

    void talksToDosqldWithTheRequestsHeaders()
    {
        ClientWebSocket socket(1024 * 1024);
        QNetworkRequest request
            = requestFor(QStringLiteral("ws://127.0.0.1:%1/db/app").arg(m_dosqld->port()));
        request.setRawHeader("Authorization", "Bearer s3cret");
        socket.open(request);
        QVERIFY(waitOpen(socket));
        QSignalSpy messages(&socket, &ClientWebSocket::messageReceived);
        socket.sendText("{\"id\":\"1\",\"method\":\"query\",\"params\":{\"sql\":\"SELECT 'π' AS "
                        "v\",\"rowFormat\":\"array\"}}");
        QVERIFY(messages.wait(5000));
        QVERIFY(messages.first().first().toByteArray().contains("[\"π\"]"));
    }

    void theTokenMayTravelInTheQuery()
    {
        ClientWebSocket socket(1024 * 1024);
        socket.open(requestFor(
            QStringLiteral("ws://127.0.0.1:%1/db/app?token=s3cret").arg(m_dosqld->port())));
        QVERIFY(waitOpen(socket));
    }

    void refusalsKeepTheirHttpStatus_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::newRow("no token") << QStringLiteral("/db/app") << QByteArray() << 401;
        QTest::newRow("no such database")
            << QStringLiteral("/db/missing") << QByteArray("Bearer s3cret") << 404;
        QTest::newRow("no WebSocket there")
            << QStringLiteral("/health") << QByteArray("Bearer s3cret") << 404;
    }

    void refusalsKeepTheirHttpStatus()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        ClientWebSocket socket(1024 * 1024);
        QNetworkRequest request
            = requestFor(QStringLiteral("ws://127.0.0.1:%1").arg(m_dosqld->port()) + path);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        socket.open(request);
        QVERIFY(!waitOpen(socket));
        QCOMPARE(socket.upgradeStatus(), status);
        QVERIFY(socket.errorString().contains(QString::number(status)));
    }

    void nothingListening()
    {
        QTcpServer reserved;
        reserved.listen(QHostAddress::LocalHost, 0);
        const quint16 port = reserved.serverPort();
        reserved.close();
        ClientWebSocket socket(1024);
        socket.open(requestFor(QStringLiteral("ws://127.0.0.1:%1/").arg(port)));
        QVERIFY(!waitOpen(socket));
        QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
        QCOMPARE(socket.upgradeStatus(), 0);
    }

    void withQtsServer()
    {
        QWebSocketServer server(QStringLiteral("qt"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        ClientWebSocket socket(4 * 1024 * 1024);
        socket.open(requestFor(QStringLiteral("ws://127.0.0.1:%1/x").arg(server.serverPort())));
        QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
        std::unique_ptr<QWebSocket> peer(server.nextPendingConnection());
        QVERIFY(peer);
        QVERIFY(waitOpen(socket));
        QSignalSpy received(peer.get(), &QWebSocket::textMessageReceived);
        socket.sendText("grüße");
        QVERIFY(received.wait(5000));
        QCOMPARE(received.first().first().toString(), QStringLiteral("grüße"));
        // A ping is answered.
        QSignalSpy pong(peer.get(), &QWebSocket::pong);
        peer->ping("are you there");
        QVERIFY(pong.wait(5000));
        QCOMPARE(pong.first().at(1).toByteArray(), QByteArray("are you there"));
        // A message Qt splits into frames arrives whole.
        peer->setOutgoingFrameSize(1000);
        QSignalSpy messages(&socket, &ClientWebSocket::messageReceived);
        const QString large(300000, u'é');
        peer->sendTextMessage(large);
        QVERIFY(messages.wait(5000));
        QCOMPARE(QString::fromUtf8(messages.first().first().toByteArray()), large);
        // The server's close is answered and ends the connection with its code.
        QSignalSpy disconnected(&socket, &ClientWebSocket::disconnected);
        peer->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("bye"));
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(socket.closeCode(), quint16(1001));
    }

    void anIpv6AddressIsAHostInBrackets()
    {
        QWebSocketServer server(QStringLiteral("qt"), QWebSocketServer::NonSecureMode);
        if (!server.listen(QHostAddress::LocalHostIPv6, 0))
            QSKIP("This machine has no IPv6 loopback.");
        ClientWebSocket socket(1024);
        socket.open(requestFor(QStringLiteral("ws://[::1]:%1/v6").arg(server.serverPort())));
        QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
        std::unique_ptr<QWebSocket> peer(server.nextPendingConnection());
        QCOMPARE(peer->requestUrl().path(), QStringLiteral("/v6"));
        QVERIFY(waitOpen(socket));
    }

    void aReplyOverTheLimitClosesWithTooBig()
    {
        QWebSocketServer server(QStringLiteral("qt"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        ClientWebSocket socket(1000);
        socket.open(requestFor(QStringLiteral("ws://127.0.0.1:%1/").arg(server.serverPort())));
        QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
        std::unique_ptr<QWebSocket> peer(server.nextPendingConnection());
        QVERIFY(waitOpen(socket));
        QSignalSpy messages(&socket, &ClientWebSocket::messageReceived);
        QSignalSpy disconnected(&socket, &ClientWebSocket::disconnected);
        peer->sendTextMessage(QString(1001, u'x'));
        QVERIFY(disconnected.wait(10000));
        QCOMPARE(socket.closeCode(), quint16(WebSocketFrames::CloseTooBig));
        QVERIFY(messages.isEmpty());
    }

    void handshakesNoServerMayAnswer_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::newRow("wrong accept key")
            << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\nSec-WebSocket-Accept: AAAA\r\n\r\n");
        QTest::newRow("no upgrade header")
            << QByteArray("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n"
                          "Sec-WebSocket-Accept: ACCEPT\r\n\r\n");
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n");
    }

    void handshakesNoServerMayAnswer()
    {
        QFETCH(QByteArray, response);
        ScriptedPeer peer;
        peer.response = response;
        ClientWebSocket socket(1024);
        socket.open(requestFor(peer.url()));
        QVERIFY(!waitOpen(socket));
        QVERIFY(!socket.errorString().isEmpty());
    }

    void aMaskedFrameFromAServerIsAProtocolError()
    {
        ScriptedPeer peer;
        peer.response = ok();
        const uchar key[4] = {1, 2, 3, 4};
        WebSocketFrames::appendFrame(&peer.frames, WebSocketFrames::Opcode::Text, "hi", key);
        ClientWebSocket socket(1024);
        QSignalSpy messages(&socket, &ClientWebSocket::messageReceived);
        QSignalSpy disconnected(&socket, &ClientWebSocket::disconnected);
        QSignalSpy connected(&socket, &ClientWebSocket::connected);
        socket.open(requestFor(peer.url()));
        QVERIFY(disconnected.wait(10000));
        QCOMPARE(connected.size(), 1);
        QCOMPARE(socket.closeCode(), quint16(WebSocketFrames::CloseProtocolError));
        QVERIFY(messages.isEmpty());
    }

    void framesRightBehindTheHandshakeAreRead()
    {
        ScriptedPeer peer;
        peer.response = ok();
        WebSocketFrames::appendFrame(&peer.frames, WebSocketFrames::Opcode::Text, "first");
        WebSocketFrames::appendFrame(&peer.frames, WebSocketFrames::Opcode::Text, "second");
        ClientWebSocket socket(1024);
        QSignalSpy messages(&socket, &ClientWebSocket::messageReceived);
        socket.open(requestFor(peer.url()));
        QVERIFY(waitOpen(socket));
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, 5000);
        QCOMPARE(messages.at(0).first().toByteArray(), QByteArray("first"));
        QCOMPARE(messages.at(1).first().toByteArray(), QByteArray("second"));
    }

    void aServerThatNeverAnswersTimesOut()
    {
        ScriptedPeer peer; // accepts, then says nothing
        ClientWebSocket socket(1024);
        QNetworkRequest request = requestFor(peer.url());
        request.setTransferTimeout(300);
        socket.open(request);
        QVERIFY(!waitOpen(socket));
        QCOMPARE(socket.error(), QAbstractSocket::SocketTimeoutError);
    }
};

QTEST_GUILESS_MAIN(TestClientWebSocket)
#include "tst_clientwebsocket.moc"
