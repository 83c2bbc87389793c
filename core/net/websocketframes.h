#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

// The WebSocket framing of RFC 6455 §5, for both ends: frames are read by WebSocketFrameReader
// and written by WebSocketFrames::appendFrame. RemoteConnection's client and dosqld share it.
namespace WebSocketFrames {

enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// The close codes this server sends or has to tell apart (RFC 6455 §7.4.1).
enum CloseCode : quint16 {
    CloseNormal = 1000,
    CloseGoingAway = 1001,
    CloseProtocolError = 1002,
    CloseNoStatus = 1005, // never sent: a close frame that carried no code
    CloseBadPayload = 1007,
    ClosePolicyViolated = 1008,
    CloseTooBig = 1009,
};

// Bytes of the header of a server's (unmasked) frame carrying `payloadSize` bytes.
constexpr qsizetype headerSize(qint64 payloadSize)
{
    return payloadSize > 0xFFFF ? 10 : payloadSize > 125 ? 4 : 2;
}

// Appends one final frame to `out`: unmasked, as servers send them, or masked with `maskKey`
// (4 bytes, chosen at random for each frame) as clients must.
void appendFrame(QByteArray *out, Opcode opcode, QByteArrayView payload,
                 const uchar *maskKey = nullptr);

// The value of Sec-WebSocket-Accept that answers a client's Sec-WebSocket-Key.
QByteArray acceptKey(QByteArrayView clientKey);

} // namespace WebSocketFrames

// Reads the frames the other end sends, one at a time, from the bytes as they arrive: masked if
// a client sent them and never masked if a server did, data split into fragments, control
// frames (ping, pong, close) in between. A message is handed over whole, unmasked, and a text
// message only as valid UTF-8. Anything that breaks the RFC ends in Failure with the close code
// and a sentence for the peer; the connection cannot go on after it.
class WebSocketFrameReader
{
    Q_DECLARE_TR_FUNCTIONS(WebSocketFrameReader)

public:
    enum class Kind {
        Incomplete, // more bytes are needed; nothing was taken
        Fragment,   // part of a message was taken; its end is still to come
        Text,       // message(): a whole text message, valid UTF-8
        Binary,     // message(): a whole binary message
        Ping,       // controlPayload(): to be sent back in a pong
        Pong,
        Close,   // closeCode() (CloseNoStatus if none) and closeReason()
        Failure, // closeCode() and failure(): close with them and read nothing more
    };

    enum class Sender { Client, Server };

    // Reads what `sender` sends. Messages larger than `maxMessageBytes` fail with CloseTooBig as
    // soon as their header says so, before their bytes are buffered.
    WebSocketFrameReader(Sender sender, qint64 maxMessageBytes);

    // Reads the frame at the start of `data`; `*used` is how many bytes it spanned (0 when
    // Incomplete or Failure).
    Kind read(QByteArrayView data, qsizetype *used);

    // Valid until the next read(). A receiver that keeps it shares it until then.
    const QByteArray &message() const { return m_message; }
    const QByteArray &controlPayload() const { return m_control; }
    quint16 closeCode() const { return m_closeCode; }
    QString closeReason() const { return QString::fromUtf8(m_control.mid(2)); }
    const QString &failure() const { return m_failure; }

private:
    Kind fail(quint16 code, const QString &why);

    static constexpr qsizetype kKeptCapacity = 1024 * 1024;

    bool m_masked; // what the sender must do
    qint64 m_maxMessageBytes;
    QByteArray m_message; // the message being put together, or the last one
    QByteArray m_control; // the last control frame's payload
    bool m_inMessage = false;
    bool m_messageIsText = false;
    quint16 m_closeCode = 0;
    QString m_failure;
};
