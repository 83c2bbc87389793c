#include "core/net/websocketstream.h"

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
    , m_received(received)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &WebSocketStream::readFrames);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &WebSocketStream::socketBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &WebSocketStream::disconnected);
    // Frames that came right behind the handshake: once whoever made this stream is listening.
    if (!m_received.isEmpty() || m_socket->bytesAvailable() > 0)
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
    if (m_closeReceived) {
        m_socket->disconnectFromHost();
        return;
    }
    m_closeTimeout = new QTimer(this);
    m_closeTimeout->setSingleShot(true);
    connect(m_closeTimeout, &QTimer::timeout, m_socket, &QTcpSocket::abort);
    m_closeTimeout->start(kCloseTimeoutMs);
}

void WebSocketStream::readFrames()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available > 0) {
        const qsizetype kept = m_received.size();
        m_received.resize(kept + available);
        const qint64 read = m_socket->read(m_received.data() + kept, available);
        m_received.resize(kept + qMax<qint64>(read, 0));
    }
    qsizetype start = 0;
    while (!m_closeReceived) {
        qsizetype used = 0;
        const auto kind = m_reader.read(QByteArrayView(m_received).sliced(start), &used);
        start += used;
        switch (kind) {
        case WebSocketFrameReader::Kind::Incomplete:
            break;
        case WebSocketFrameReader::Kind::Fragment:
        case WebSocketFrameReader::Kind::Pong:
            continue;
        case WebSocketFrameReader::Kind::Text:
        case WebSocketFrameReader::Kind::Binary:
            // After its own close an end still reads until the other's close, but acts on
            // nothing it reads.
            if (!m_closeSent)
                Q_EMIT messageReceived(m_reader.message());
            continue;
        case WebSocketFrameReader::Kind::Ping:
            if (!m_closeSent)
                sendControl(Opcode::Pong, m_reader.controlPayload());
            continue;
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
            m_closeReceived = true; // nothing more is read from an end that broke the protocol
            close(m_reader.closeCode(), m_reader.failure());
            break;
        }
        break;
    }
    // Keep what is left of a frame still arriving, at the front.
    if (start >= m_received.size() || m_closeReceived)
        m_received.resize(0);
    else if (start > 0)
        m_received.remove(0, start);
}
