#include "server/httpconnection.h"

#include <QTcpSocket>
#include <QTimer>

HttpConnection::HttpConnection(QTcpSocket *socket, qint64 maxBodyBytes, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_idle(new QTimer(this))
    , m_maxBodyBytes(maxBodyBytes)
{
    m_idle->setSingleShot(true);
    m_idle->setInterval(kIdleTimeoutMs);
    connect(m_idle, &QTimer::timeout, socket, &QTcpSocket::abort);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequest);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::closed);
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_idle->start();
}

QByteArray HttpConnection::statusText(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

void HttpConnection::readRequest()
{
    if (!m_socket || m_busy)
        return;
    // Peek, not read: an upgrade request stays in the socket until it is answered one way or the
    // other.
    const QByteArray data = m_socket->peek(m_socket->bytesAvailable());
    HttpRequest request;
    int error = 0;
    const qsizetype used = parseHttpRequest(data, m_maxBodyBytes, &request, &error);
    if (used < 0) {
        m_closeAfterResponse = true;
        m_socket->read(data.size());
        respond(error,
                QByteArrayLiteral("{\"error\":\"") + statusText(error) + QByteArrayLiteral("\"}"));
        return;
    }
    if (used == 0)
        return;
    m_idle->stop();
    if (request.isWebSocketUpgrade()) {
        // takeSocket() consumes it; if the upgrade is refused instead, respond() does, and
        // closes, as a client waiting for a handshake expects.
        m_unreadUpgradeBytes = used;
        m_busy = true;
        Q_EMIT upgradeRequested(request);
        return;
    }
    m_socket->read(used);
    m_busy = true;
    m_closeAfterResponse = request.wantsClose();
    Q_EMIT requestReceived(request);
}

void HttpConnection::respond(int status, const QByteArray &body, const QByteArray &contentType)
{
    if (!m_socket)
        return;
    if (m_unreadUpgradeBytes > 0) {
        m_socket->read(m_unreadUpgradeBytes);
        m_unreadUpgradeBytes = 0;
        m_closeAfterResponse = true;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status) + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += m_closeAfterResponse ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    m_socket->write(head + body);
    m_busy = false;
    if (m_closeAfterResponse) {
        m_socket->disconnectFromHost();
        return;
    }
    m_idle->start();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readRequest, Qt::QueuedConnection);
}

QTcpSocket *HttpConnection::takeSocket()
{
    QTcpSocket *socket = m_socket;
    if (socket) {
        disconnect(socket, nullptr, this, nullptr);
        disconnect(m_idle, nullptr, socket, nullptr);
        disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->read(m_unreadUpgradeBytes);
    }
    m_socket = nullptr;
    deleteLater();
    return socket;
}

void HttpConnection::beginStream(const QByteArray &contentType)
{
    if (!m_socket)
        return;
    m_idle->stop();
    m_unreadUpgradeBytes = 0;
    // The body ends when the connection does: no length, no further requests on it.
    m_socket->write("HTTP/1.1 200 OK\r\nContent-Type: " + contentType
                    + "\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n");
}

void HttpConnection::writeStream(const QByteArray &chunk)
{
    if (m_socket)
        m_socket->write(chunk);
}

qint64 HttpConnection::pendingBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void HttpConnection::endStream()
{
    if (m_socket)
        m_socket->disconnectFromHost();
}

void HttpConnection::abortStream()
{
    if (m_socket)
        m_socket->abort();
}
