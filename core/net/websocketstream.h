#pragma once

#include "core/net/websocketframes.h"

#include <QObject>
#include <QQueue>

class QTcpSocket;

// One end of an open WebSocket (RFC 6455), on the TCP (or TLS) socket whose handshake is done:
// messages in and out, pings answered, the closing handshake, and a close with the code that
// says why when the other end breaks the protocol.
//
// RemoteConnection and dosqld frame their WebSockets with this rather than QWebSocket: a frame
// is read as the UTF-8 it arrived as and written from the UTF-8 it was made in, where
// QWebSocket turns every text frame into UTF-16 and back. Measured with callgrind on
// bench_remote's point SELECTs, QWebSocket's share was about a quarter of dosqld's instructions
// and two fifths of the client's network thread's.
class WebSocketStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketStream)

public:
    enum class Role { Client, Server };

    // Takes `socket` over (as a child). Bytes already read from it past the handshake come in
    // `received`. Messages larger than `maxMessageBytes` close the connection (CloseTooBig).
    WebSocketStream(QTcpSocket *socket, Role role, qint64 maxMessageBytes,
                    const QByteArray &received = {}, QObject *parent = nullptr);
    ~WebSocketStream() override;

    QTcpSocket *socket() const { return m_socket; }
    // Until a close is sent or the connection drops.
    bool isOpen() const;
    // Queues a text frame; the socket sends what it holds when control returns to the event
    // loop, or at flush().
    void sendText(QByteArrayView utf8);
    void flush();
    // Starts the closing handshake; the connection drops once the other end answers, or after
    // kCloseTimeoutMs.
    void close(quint16 code, const QString &reason = {});
    // The code of the close that ended the connection, from either end; 0 before one.
    quint16 closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }
    // Whether this end sent its close first (its own code), not the other end.
    bool closedHere() const { return m_closedHere; }

    static constexpr int kCloseTimeoutMs = 5000;

Q_SIGNALS:
    // A whole message, text (valid UTF-8) or binary; valid until the next one.
    void messageReceived(const QByteArray &message);
    // Bytes of sendText's frames, headers included, that the socket has handed to the system.
    void bytesWritten(qint64 bytes);
    void disconnected();

private:
    void readFrames();
    // Takes the whole frames in m_received; false if this stream was deleted meanwhile.
    bool takeFrames();
    void appendFrame(WebSocketFrames::Opcode opcode, QByteArrayView payload);
    void sendControl(WebSocketFrames::Opcode opcode, QByteArrayView payload);
    void socketBytesWritten(qint64 bytes);

    QTcpSocket *m_socket;
    Role m_role;
    WebSocketFrameReader m_reader;
    QByteArray m_received; // bytes read, not yet taken as frames
    QByteArray m_frame;    // the frame being sent, kept from frame to frame
    // What is on its way through the socket, in order: runs of sendText's bytes (positive) and
    // of control frames' (negative), so that bytesWritten counts only the former.
    QQueue<qint64> m_unwritten;
    static constexpr qsizetype kKeptCapacity = 1024 * 1024;
    QByteArray m_pendingFromHandshake; // read with the handshake, taken at the first readFrames
    bool m_reading = false;
    bool m_closeSent = false;
    bool m_closeReceived = false;
    bool m_closedHere = false; // this end sent its close first
    quint16 m_closeCode = 0;
    QString m_closeReason;
};
