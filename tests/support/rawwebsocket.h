#pragma once

#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

// A WebSocket client frame (RFC 6455 §5.2) written byte by byte, so that tests can also write the
// ones a well-behaved client never would: unmasked, with reserved bits, fragmented controls.
struct ClientFrame
{
    quint8 opcode = 0x1;
    QByteArray payload;
    bool final = true;
    bool masked = true;
    quint8 reservedBits = 0;       // 0x70 at most
    quint64 claimedLength = ~0ull; // the length written in the header; ~0: the payload's

    QByteArray bytes() const
    {
        QByteArray out;
        out.append(char((final ? 0x80 : 0) | reservedBits | opcode));
        const quint64 length = claimedLength == ~0ull ? quint64(payload.size()) : claimedLength;
        const char maskBit = masked ? char(0x80) : char(0);
        if (length < 126) {
            out.append(char(maskBit | char(length)));
        } else if (length <= 0xFFFF) {
            out.append(char(maskBit | 126));
            char be[2];
            qToBigEndian(quint16(length), be);
            out.append(be, 2);
        } else {
            out.append(char(maskBit | 127));
            char be[8];
            qToBigEndian(length, be);
            out.append(be, 8);
        }
        if (!masked)
            return out + payload;
        const char key[4] = {'\x37', '\xfa', '\x21', '\x3d'};
        out.append(key, 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            out.append(char(payload.at(i) ^ key[i % 4]));
        return out;
    }
};

// A WebSocket client on a bare TCP socket: a test sees every byte the server sends back.
class RawWebSocket
{
public:
    struct Frame
    {
        quint8 opcode = 0;
        QByteArray payload;
        bool valid = false; // a whole, unmasked, final server frame arrived
    };

    // Connects and sends an upgrade request for `path`, then `trailing`; `key` and `version` may
    // be broken on purpose, and `extraHeaders` (each line ending in CRLF) added.
    bool open(quint16 port, const QByteArray &path,
              const QByteArray &key = "dGhlIHNhbXBsZSBub25jZQ==", const QByteArray &version = "13",
              const QByteArray &trailing = {}, const QByteArray &extraHeaders = {})
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!m_socket.waitForConnected(5000))
            return false;
        QByteArray request = "GET " + path
                             + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                               "Connection: Upgrade\r\n";
        if (!key.isEmpty())
            request += "Sec-WebSocket-Key: " + key + "\r\n";
        request += "Sec-WebSocket-Version: " + version + "\r\n" + extraHeaders + "\r\n";
        m_socket.write(request + trailing);
        return true;
    }

    // The response head (status line and headers), once all of it has arrived.
    QByteArray responseHead(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_buffer.contains("\r\n\r\n") && waitForBytes(deadline)) {
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return {};
        const QByteArray head = m_buffer.left(end + 4);
        m_buffer.remove(0, end + 4);
        return head;
    }

    // From now on this client takes nothing more off the connection, so that the server's
    // writes back up once the system's buffers are full.
    void stopReading() { m_socket.setReadBufferSize(1); }

    void write(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    Frame readFrame(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            if (m_buffer.size() >= 2) {
                const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData());
                qsizetype header = 2;
                quint64 length = p[1] & 0x7F;
                if (length == 126 && m_buffer.size() >= 4) {
                    length = qFromBigEndian<quint16>(p + 2);
                    header = 4;
                } else if (length == 127 && m_buffer.size() >= 10) {
                    length = qFromBigEndian<quint64>(p + 2);
                    header = 10;
                }
                if ((length < 126 || header > 2) && quint64(m_buffer.size() - header) >= length) {
                    Frame frame{quint8(p[0] & 0x0F), m_buffer.mid(header, qsizetype(length)),
                                (p[0] & 0xF0) == 0x80 && !(p[1] & 0x80)};
                    m_buffer.remove(0, header + qsizetype(length));
                    return frame;
                }
            }
            if (!waitForBytes(deadline))
                return {};
        }
    }

    // A close frame's code, or 0 when the next frame is not a close.
    quint16 readCloseCode(int timeoutMs = 5000)
    {
        const Frame frame = readFrame(timeoutMs);
        if (!frame.valid || frame.opcode != 0x8 || frame.payload.size() < 2)
            return 0;
        return qFromBigEndian<quint16>(frame.payload.constData());
    }

    // True once the server has closed the TCP connection.
    bool waitForDisconnected(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired())
            QTest::qWait(2);
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }

private:
    bool waitForBytes(const QDeadlineTimer &deadline)
    {
        while (m_socket.bytesAvailable() == 0 && !deadline.hasExpired()
               && m_socket.state() == QAbstractSocket::ConnectedState)
            QTest::qWait(1);
        if (m_socket.bytesAvailable() == 0)
            return false;
        m_buffer += m_socket.readAll();
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};
