#include "core/net/websocketframes.h"
#include "tests/support/rawwebsocket.h"

#include <QTest>

using Kind = WebSocketFrameReader::Kind;

// The WebSocket framing (RFC 6455 §5) that RemoteConnection and dosqld share, on its own: what
// either end may send is read whole however the bytes arrive, and what it may not ends the
// connection with the right close code.
class TestWebSocketFrames : public QObject
{
    Q_OBJECT

private:
    static ClientFrame text(const QByteArray &payload, bool final = true)
    {
        return {0x1, payload, final};
    }

    // What a reader makes of `bytes`, frame after frame, fed `step` bytes at a time: each event,
    // with the message or control payload it came with.
    static QStringList readAll(const QByteArray &bytes, qsizetype step, qint64 maxMessage = 1 << 20,
                               WebSocketFrameReader::Sender sender
                               = WebSocketFrameReader::Sender::Client)
    {
        WebSocketFrameReader reader(sender, maxMessage);
        QStringList events;
        QByteArray buffered;
        for (qsizetype fed = 0; fed < bytes.size(); fed += step) {
            buffered += bytes.mid(fed, step);
            for (;;) {
                qsizetype used = 0;
                const Kind kind = reader.read(buffered, &used);
                buffered.remove(0, used);
                switch (kind) {
                case Kind::Incomplete:
                    break;
                case Kind::Fragment:
                    continue;
                case Kind::Text:
                    events << QStringLiteral("text:") + QString::fromUtf8(reader.message());
                    continue;
                case Kind::Binary:
                    events << QStringLiteral("binary:%1").arg(reader.message().size());
                    continue;
                case Kind::Ping:
                    events << QStringLiteral("ping:") + QString::fromUtf8(reader.controlPayload());
                    continue;
                case Kind::Pong:
                    events << QStringLiteral("pong");
                    continue;
                case Kind::Close:
                    events << QStringLiteral("close:%1:%2")
                                  .arg(reader.closeCode())
                                  .arg(reader.closeReason());
                    continue;
                case Kind::Failure:
                    events << QStringLiteral("failure:%1").arg(reader.closeCode());
                    return events;
                }
                break;
            }
        }
        return events;
    }

private Q_SLOTS:
    void theRfcsHandshakeExample()
    {
        // RFC 6455 §1.3.
        QCOMPARE(WebSocketFrames::acceptKey("dGhlIHNhbXBsZSBub25jZQ=="),
                 QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    void aConversationReadsTheSameHoweverItArrives()
    {
        const QByteArray big(70000, 'x');  // a 64-bit length
        const QByteArray medium(300, 'y'); // a 16-bit length
        QByteArray bytes = text("{\"id\":\"1\",\"method\":\"ping\"}").bytes();
        // A text message in three fragments, with a ping and a pong between them.
        bytes += text("{\"id\":\"2\",", false).bytes();
        bytes += ClientFrame{0x9, "are you there"}.bytes();
        bytes += ClientFrame{0x0, "\"method\":", false}.bytes();
        bytes += ClientFrame{0xA, {}}.bytes();
        bytes += ClientFrame{0x0, "\"ping\"}"}.bytes();
        bytes += ClientFrame{0x2, big}.bytes();
        bytes += text(medium).bytes();
        bytes += text("grüße, 世界 🙂").bytes();
        // A character split between fragments is whole in the message.
        bytes += text("\xe4\xb8", false).bytes() + ClientFrame{0x0, "\x96"}.bytes();
        QByteArray close("\x03\xe8", 2);
        bytes += ClientFrame{0x8, close + "bye"}.bytes();
        const QStringList expected{
            QStringLiteral("text:{\"id\":\"1\",\"method\":\"ping\"}"),
            QStringLiteral("ping:are you there"),
            QStringLiteral("pong"),
            QStringLiteral("text:{\"id\":\"2\",\"method\":\"ping\"}"),
            QStringLiteral("binary:70000"),
            QStringLiteral("text:") + QString::fromLatin1(medium),
            QStringLiteral("text:grüße, 世界 🙂"),
            QStringLiteral("text:世"),
            QStringLiteral("close:1000:bye"),
        };
        QCOMPARE(readAll(bytes, bytes.size()), expected);
        for (const qsizetype step : {1, 2, 3, 7, 64, 1000})
            QCOMPARE(readAll(bytes, step), expected);
    }

    void aCloseWithoutACodeSaysSo()
    {
        QCOMPARE(readAll(ClientFrame{0x8, {}}.bytes(), 1),
                 QStringList{QStringLiteral("close:1005:")});
    }

    void framesNoClientMaySend_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("closeCode");
        ClientFrame unmasked = text("hi");
        unmasked.masked = false;
        QTest::newRow("unmasked") << unmasked.bytes() << 1002;
        ClientFrame reserved = text("hi");
        reserved.reservedBits = 0x40; // permessage-deflate, never agreed
        QTest::newRow("reserved bits") << reserved.bytes() << 1002;
        QTest::newRow("unknown data opcode") << ClientFrame{0x3, "hi"}.bytes() << 1002;
        QTest::newRow("unknown control opcode") << ClientFrame{0xB, {}}.bytes() << 1002;
        QTest::newRow("fragmented ping") << ClientFrame{0x9, "a", false}.bytes() << 1002;
        QTest::newRow("ping over 125 bytes")
            << ClientFrame{0x9, QByteArray(126, 'a')}.bytes() << 1002;
        QTest::newRow("continuation of nothing") << ClientFrame{0x0, "a"}.bytes() << 1002;
        QTest::newRow("new message inside a message")
            << text("a", false).bytes() + text("b").bytes() << 1002;
        ClientFrame topBit = text({});
        topBit.claimedLength = 1ull << 63;
        QTest::newRow("length with its top bit") << topBit.bytes() << 1002;
        QTest::newRow("text that is not UTF-8") << text("caf\xe9").bytes() << 1007;
        QTest::newRow("UTF-8 cut between fragments that never ends right")
            << text("\xe4\xb8", false).bytes() + ClientFrame{0x0, "x"}.bytes() << 1007;
        QTest::newRow("close code cut short") << ClientFrame{0x8, "\x03"}.bytes() << 1002;
        QTest::newRow("close code 1005 on the wire")
            << ClientFrame{0x8, QByteArray("\x03\xed", 2)}.bytes() << 1002;
        QTest::newRow("close reason not UTF-8")
            << ClientFrame{0x8, QByteArray("\x03\xe8\xff", 3)}.bytes() << 1007;
        QTest::newRow("message over the limit") << text(QByteArray(2000, 'a')).bytes() << 1009;
        QTest::newRow("fragments adding up over the limit")
            << text(QByteArray(600, 'a'), false).bytes()
                   + ClientFrame{0x0, QByteArray(600, 'a')}.bytes()
            << 1009;
    }

    void framesNoClientMaySend()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, closeCode);
        const QStringList events = readAll(bytes, 1, 1024);
        QVERIFY2(!events.isEmpty(), "nothing was reported");
        QCOMPARE(events.last(), QStringLiteral("failure:%1").arg(closeCode));
    }

    void aMessageOverTheLimitFailsBeforeItsBytesArrive()
    {
        ClientFrame huge = text({});
        huge.claimedLength = 1ull << 40; // a terabyte is announced; only the header is sent
        WebSocketFrameReader reader(WebSocketFrameReader::Sender::Client, 16 * 1024 * 1024);
        qsizetype used = -1;
        QCOMPARE(reader.read(huge.bytes(), &used), Kind::Failure);
        QCOMPARE(reader.closeCode(), quint16(WebSocketFrames::CloseTooBig));
        QVERIFY(!reader.failure().isEmpty());
    }

    void aMessageSharedWithItsReceiverStaysAsItWas()
    {
        WebSocketFrameReader reader(WebSocketFrameReader::Sender::Client, 1024);
        qsizetype used = 0;
        QCOMPARE(reader.read(text("first").bytes(), &used), Kind::Text);
        const QByteArray kept = reader.message();
        QCOMPARE(reader.read(text("second").bytes(), &used), Kind::Text);
        QCOMPARE(kept, QByteArray("first"));
        QCOMPARE(reader.message(), QByteArray("second"));
    }

    void eachEndReadsWhatTheOtherWrites()
    {
        using WebSocketFrames::Opcode;
        const QByteArray payload = QStringLiteral("grüße %1").arg(QString(300, u'x')).toUtf8();
        QByteArray fromServer;
        WebSocketFrames::appendFrame(&fromServer, Opcode::Text, payload);
        WebSocketFrames::appendFrame(&fromServer, Opcode::Ping, "p");
        QByteArray fromClient;
        const uchar key[4] = {0x12, 0x34, 0x56, 0x78};
        WebSocketFrames::appendFrame(&fromClient, Opcode::Text, payload, key);
        WebSocketFrames::appendFrame(&fromClient, Opcode::Ping, "p", key);
        // The payload is not on the wire as it is: masked.
        QVERIFY(!fromClient.contains("grüße"));
        const QStringList expected{QStringLiteral("text:") + QString::fromUtf8(payload),
                                   QStringLiteral("ping:p")};
        for (const qsizetype step : {1, 5, 1000}) {
            QCOMPARE(readAll(fromServer, step, 1 << 20, WebSocketFrameReader::Sender::Server),
                     expected);
            QCOMPARE(readAll(fromClient, step, 1 << 20, WebSocketFrameReader::Sender::Client),
                     expected);
        }
        // Each end refuses the other's kind of frame.
        QCOMPARE(readAll(fromClient, 1, 1 << 20, WebSocketFrameReader::Sender::Server),
                 QStringList{QStringLiteral("failure:1002")});
        QCOMPARE(readAll(fromServer, 1, 1 << 20, WebSocketFrameReader::Sender::Client),
                 QStringList{QStringLiteral("failure:1002")});
    }

    void serverFramesUseTheShortestLength_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << 0 << QByteArray("\x81\x00", 2);
        QTest::newRow("125") << 125 << QByteArray("\x81\x7d", 2);
        QTest::newRow("126") << 126 << QByteArray("\x81\x7e\x00\x7e", 4);
        QTest::newRow("65535") << 65535 << QByteArray("\x81\x7e\xff\xff", 4);
        QTest::newRow("65536") << 65536
                               << QByteArray("\x81\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10);
    }

    void serverFramesUseTheShortestLength()
    {
        QFETCH(int, size);
        QFETCH(QByteArray, header);
        QByteArray frame("kept");
        const QByteArray payload(size, 'p');
        WebSocketFrames::appendFrame(&frame, WebSocketFrames::Opcode::Text, payload);
        QCOMPARE(frame.left(4), QByteArray("kept"));
        QCOMPARE(frame.mid(4, header.size()), header);
        QCOMPARE(frame.mid(4 + header.size()), payload);
        QCOMPARE(WebSocketFrames::headerSize(size), header.size());
    }
};

QTEST_GUILESS_MAIN(TestWebSocketFrames)
#include "tst_websocketframes.moc"
