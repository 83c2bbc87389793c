#pragma once

#include "server/websocketframes.h"

#include <QObject>
#include <QQueue>

class QTcpSocket;
class QTimer;
struct HttpRequest;

// The server's end of one WebSocket (RFC 6455), on the TCP socket its upgrade request came on.
//
// dosqld frames its WebSockets itself rather than through QWebSocket: a request is read as the
// UTF-8 it arrived as and a reply written from the UTF-8 it was made in, where QWebSocket turns
// each text frame into UTF-16 and back; and replies leave in as few writes as the socket
// allows. bench_remote measured QWebSocket's framing at about a quarter of dosqld's
// instructions per point SELECT.
class ServerWebSocket final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerWebSocket)

public:
    // Why `request` cannot be upgraded: the HTTP status to refuse it with (400, 426) and a
    // sentence for the client; 0 if it can.
    static int refusal(const HttpRequest &request, QString *why);

    // Answers `request`, already read from `socket`, and takes the socket over. Messages larger
    // than `maxMessageBytes` close the connection (CloseTooBig).
    ServerWebSocket(QTcpSocket *socket, const HttpRequest &request, qint64 maxMessageBytes,
                    QObject *parent = nullptr);
    ~ServerWebSocket() override;

    // Until a close is sent or the connection drops.
    bool isOpen() const;
    // Queues a text frame; the socket sends what it holds when control returns to the event
    // loop, or at flush().
    void sendText(QByteArrayView utf8);
    void flush();
    // Starts the closing handshake; the connection drops once the client answers, or after
    // kCloseTimeoutMs.
    void close(quint16 code, const QString &reason);
    void abort();

    static constexpr int kCloseTimeoutMs = 5000;

Q_SIGNALS:
    // A whole message, text (valid UTF-8) or binary; valid until the next one.
    void messageReceived(const QByteArray &message);
    // Bytes of sendText's frames, headers included, that the socket has handed to the system.
    void bytesWritten(qint64 bytes);
    void disconnected();

private:
    void readFrames();
    void sendControl(WebSocketFrames::Opcode opcode, QByteArrayView payload);
    void socketBytesWritten(qint64 bytes);

    QTcpSocket *m_socket; // a child
    WebSocketFrameReader m_reader;
    QByteArray m_received; // bytes read, not yet taken as frames
    QByteArray m_frame;    // the frame being sent, kept from frame to frame
    // What is on its way through the socket, in order: runs of sendText's bytes (positive) and
    // of control frames' (negative), so that bytesWritten counts only the former.
    QQueue<qint64> m_unwritten;
    bool m_closeSent = false;
    bool m_closeReceived = false;
    QTimer *m_closeTimeout = nullptr;
};
