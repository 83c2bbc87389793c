#include "core/net/websocketstream.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

using namespace WebSocketFrames;

WebSocketStream::WebSocketStream(QTcpSocket *socket, Role role, qint64 maxMessageBytes,
                                 const QByteArray &received, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_role(role)
    , m_reader(role == Role::Server ? WebSocketFrameReader::Sender::Client
                                    : WebSocketFrameReader::Sender::Server,
               maxMessageBytes)
    , m_pendingFromHandshake(received)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &WebSocketStream::readFrames);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &WebSocketStream::socketBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &WebSocketStream::disconnected);
    // What the socket still holds of the handshake is not a message's.
    if (const qint64 handshake = m_socket->bytesToWrite(); handshake > 0)
        m_unwritten.enqueue(-handshake);
    // Frames that came right behind the handshake: once whoever made this stream is listening.
    if (!m_pendingFromHandshake.isEmpty() || m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &WebSocketStream::readFrames, Qt::QueuedConnection);
}

WebSocketStream::~WebSocketStream()
{
    // Nothing of this object is told about its socket's end.
    m_socket->disconnect(this);
    m_socket->abort();
}

bool WebSocketStream::isOpen() const
{
    return !m_closeSent && m_socket->state() == QAbstractSocket::ConnectedState;
}

void WebSocketStream::appendFrame(Opcode opcode, QByteArrayView payload)
{
    if (m_role == Role::Server)
        return WebSocketFrames::appendFrame(&m_frame, opcode, payload);
    // A client masks every frame with a key its server cannot predict (RFC 6455 §10.3).
    uchar key[4];
    qToUnaligned(QRandomGenerator::global()->generate(), key);
    WebSocketFrames::appendFrame(&m_frame, opcode, payload, key);
}

void WebSocketStream::sendText(QByteArrayView utf8)
{
    if (!isOpen())
        return;
    m_frame.resize(0);
    appendFrame(Opcode::Text, utf8);
    m_socket->write(m_frame);
    if (!m_unwritten.isEmpty() && m_unwritten.last() > 0)
        m_unwritten.last() += m_frame.size();
    else
        m_unwritten.enqueue(m_frame.size());
}

void WebSocketStream::flush()
{
    m_socket->flush();
}

void WebSocketStream::sendControl(Opcode opcode, QByteArrayView payload)
{
    m_frame.resize(0);
    appendFrame(opcode, payload);
    m_socket->write(m_frame);
    m_unwritten.enqueue(-m_frame.size());
}

void WebSocketStream::socketBytesWritten(qint64 bytes)
{
    qint64 ofMessages = 0;
    while (bytes > 0 && !m_unwritten.isEmpty()) {
        qint64 &head = m_unwritten.head();
        const qint64 taken = qMin(bytes, qAbs(head));
        bytes -= taken;
        if (head > 0) {
            ofMessages += taken;
            head -= taken;
        } else {
            head += taken;
        }
        if (head == 0)
            m_unwritten.dequeue();
    }
    if (ofMessages > 0)
        Q_EMIT bytesWritten(ofMessages);
}

void WebSocketStream::close(quint16 code, const QString &reason)
{
    if (m_closeSent || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_closeSent = true;
    m_closedHere = !m_closeReceived;
    if (m_closeCode == 0) {
        m_closeCode = code;
        m_closeReason = reason;
    }
    // A close frame's payload is at most 125 bytes: the code and as much of the reason as fits
    // without cutting a character in two.
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(code, payload.data());
    QString text = reason;
    while (text.toUtf8().size() > 123)
        text.chop(text.size() > 1 && text.at(text.size() - 1).isLowSurrogate() ? 2 : 1);
    payload += text.toUtf8();
    sendControl(Opcode::Close, payload);
    // Whoever closes, the connection ends within kCloseTimeoutMs: an end that stopped reading
    // would otherwise keep the close (and everything before it) unsent for ever.
    auto *timeout = new QTimer(this);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, m_socket, &QTcpSocket::abort);
    timeout->start(kCloseTimeoutMs);
    if (m_closeReceived)
        m_socket->disconnectFromHost();
}

void WebSocketStream::readFrames()
{
    // A slot that runs a nested event loop may bring this back here: the outer call takes what
    // arrived meanwhile.
    if (m_reading)
        return;
    m_reading = true;
    // A slot may also delete this stream, or close its socket.
    const QPointer<WebSocketStream> alive(this);
    // The bytes that came with the handshake go first.
    m_received.prepend(std::exchange(m_pendingFromHandshake, {}));
    do {
        if (const qint64 available = m_socket->bytesAvailable(); available > 0) {
            const qsizetype kept = m_received.size();
            m_received.resize(kept + available);
            const qint64 read = m_socket->read(m_received.data() + kept, available);
            m_received.resize(kept + qMax<qint64>(read, 0));
        }
        if (!takeFrames() || !alive)
            return;
    } while (m_socket->bytesAvailable() > 0 && !m_closeReceived
             && m_socket->state() == QAbstractSocket::ConnectedState);
    m_reading = false;
}

bool WebSocketStream::takeFrames()
{
    const QPointer<WebSocketStream> alive(this);
    qsizetype start = 0;
    bool going = true;
    while (going && !m_closeReceived) {
        qsizetype used = 0;
        const auto kind = m_reader.read(QByteArrayView(m_received).sliced(start), &used);
        start += used;
        switch (kind) {
        case WebSocketFrameReader::Kind::Incomplete:
            going = false;
            break;
        case WebSocketFrameReader::Kind::Fragment:
        case WebSocketFrameReader::Kind::Pong:
            break;
        case WebSocketFrameReader::Kind::Text:
        case WebSocketFrameReader::Kind::Binary:
            // After its own close an end still reads until the other's close, but acts on
            // nothing it reads.
            if (m_closeSent)
                break;
            Q_EMIT messageReceived(m_reader.message());
            if (!alive)
                return false;
            break;
        case WebSocketFrameReader::Kind::Ping:
            if (!m_closeSent)
                sendControl(Opcode::Pong, m_reader.controlPayload());
            break;
        case WebSocketFrameReader::Kind::Close: {
            m_closeReceived = true;
            const quint16 code = m_reader.closeCode();
            if (m_closeCode == 0) {
                m_closeCode = code;
                m_closeReason = m_reader.closeReason();
            }
            if (m_closeSent)
                m_socket->disconnectFromHost();
            else
                close(code == CloseNoStatus ? quint16(CloseNormal) : code);
            break;
        }
        case WebSocketFrameReader::Kind::Failure:
            close(m_reader.closeCode(), m_reader.failure());
            // Nothing more is read from an end that broke the protocol, nor waited for.
            m_closeReceived = true;
            m_socket->disconnectFromHost();
            break;
        }
        // A slot that closed or aborted the socket ends the reading too.
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            going = false;
    }
    // Keep what is left of a frame still arriving, at the front; not a large frame's room.
    if (start >= m_received.size() || m_closeReceived) {
        m_received.resize(0);
        if (m_received.capacity() > kKeptCapacity)
            m_received = QByteArray();
    } else if (start > 0) {
        m_received.remove(0, start);
    }
    return true;
}
