#include "server/serverwebsocket.h"

#include "server/httprequest.h"

#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

using namespace WebSocketFrames;

int ServerWebSocket::refusal(const HttpRequest &request, QString *why)
{
    if (request.method != "GET") {
        *why = tr("A WebSocket is opened with GET.");
        return 400;
    }
    if (request.header("sec-websocket-version") != "13") {
        *why = tr("This server speaks WebSocket version 13 only.");
        return 426;
    }
    // A base64 nonce of 16 bytes (RFC 6455 §4.1).
    if (QByteArray::fromBase64(request.header("sec-websocket-key")).size() != 16) {
        *why = tr("The WebSocket upgrade has no valid Sec-WebSocket-Key.");
        return 400;
    }
    return 0;
}

ServerWebSocket::ServerWebSocket(QTcpSocket *socket, const HttpRequest &request,
                                 qint64 maxMessageBytes, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_reader(maxMessageBytes)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &ServerWebSocket::readFrames);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ServerWebSocket::socketBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &ServerWebSocket::disconnected);
    m_socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                    + acceptKey(request.header("sec-websocket-key")) + "\r\n\r\n");
    // Frames the client sent right behind its upgrade request.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &ServerWebSocket::readFrames, Qt::QueuedConnection);
}

ServerWebSocket::~ServerWebSocket()
{
    // Nothing of this object is told about its socket's end.
    m_socket->disconnect(this);
    m_socket->abort();
}

bool ServerWebSocket::isOpen() const
{
    return !m_closeSent && m_socket->state() == QAbstractSocket::ConnectedState;
}

void ServerWebSocket::sendText(QByteArrayView utf8)
{
    if (!isOpen())
        return;
    m_frame.resize(0);
    appendFrame(&m_frame, Opcode::Text, utf8);
    m_socket->write(m_frame);
    if (!m_unwritten.isEmpty() && m_unwritten.last() > 0)
        m_unwritten.last() += m_frame.size();
    else
        m_unwritten.enqueue(m_frame.size());
}

void ServerWebSocket::flush()
{
    m_socket->flush();
}

void ServerWebSocket::sendControl(Opcode opcode, QByteArrayView payload)
{
    QByteArray frame;
    appendFrame(&frame, opcode, payload);
    m_socket->write(frame);
    m_unwritten.enqueue(-frame.size());
}

void ServerWebSocket::socketBytesWritten(qint64 bytes)
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

void ServerWebSocket::close(quint16 code, const QString &reason)
{
    if (m_closeSent || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_closeSent = true;
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

void ServerWebSocket::abort()
{
    m_socket->abort();
}

void ServerWebSocket::readFrames()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    const qsizetype kept = m_received.size();
    m_received.resize(kept + available);
    const qint64 read = m_socket->read(m_received.data() + kept, available);
    m_received.resize(kept + qMax<qint64>(read, 0));

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
            // After its own close a server still reads until the client's close, but acts on
            // nothing it reads.
            if (!m_closeSent)
                Q_EMIT messageReceived(m_reader.message());
            continue;
        case WebSocketFrameReader::Kind::Ping:
            if (!m_closeSent)
                sendControl(Opcode::Pong, m_reader.controlPayload());
            continue;
        case WebSocketFrameReader::Kind::Close:
            m_closeReceived = true;
            if (m_closeSent) {
                m_socket->disconnectFromHost();
            } else {
                const quint16 code = m_reader.closeCode();
                close(code == CloseNoStatus ? quint16(CloseNormal) : code, {});
            }
            break;
        case WebSocketFrameReader::Kind::Failure:
            m_closeReceived = true; // nothing more is read from a client that broke the protocol
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
