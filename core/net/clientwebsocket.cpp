#include "core/net/clientwebsocket.h"

#include "core/net/websocketstream.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

ClientWebSocket::ClientWebSocket(qint64 maxMessageBytes, QObject *parent)
    : QObject(parent)
    , m_maxMessageBytes(maxMessageBytes)
    , m_handshakeTimeout(new QTimer(this))
{
    m_handshakeTimeout->setSingleShot(true);
    connect(m_handshakeTimeout, &QTimer::timeout, this, [this] {
        fail(QAbstractSocket::SocketTimeoutError,
             tr("The server did not complete the WebSocket handshake in time."));
    });
}

ClientWebSocket::~ClientWebSocket()
{
    if (m_socket)
        m_socket->disconnect(this);
    if (m_stream)
        m_stream->disconnect(this);
}

void ClientWebSocket::open(const QNetworkRequest &request)
{
    m_request = request;
    const QUrl url = request.url();
    const bool secure = url.scheme() == u"wss";
    if (secure) {
        auto *tls = new QSslSocket(this);
        tls->setSslConfiguration(request.sslConfiguration());
        connect(tls, &QSslSocket::sslErrors, this, &ClientWebSocket::sslErrors);
        connect(tls, &QSslSocket::encrypted, this, &ClientWebSocket::sendHandshake);
        m_socket = tls;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &ClientWebSocket::sendHandshake);
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &ClientWebSocket::readHandshake);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &ClientWebSocket::socketError);
    connect(m_socket, &QTcpSocket::disconnected, this, &ClientWebSocket::socketDisconnected);
    if (request.transferTimeout() > 0)
        m_handshakeTimeout->start(request.transferTimeout());
    const quint16 port = quint16(url.port(secure ? 443 : 80));
    if (secure)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(url.host(), port);
    else
        m_socket->connectToHost(url.host(), port);
}

void ClientWebSocket::sendHandshake()
{
    // Replies go out as soon as they are written, not after the server's delayed ACK.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QByteArray nonce(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 4);
    m_key = nonce.toBase64();
    const QUrl url = m_request.url();
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':')) // an IPv6 address
        host = '[' + host + ']';
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());
    QByteArray head = "GET " + target + " HTTP/1.1\r\nHost: " + host
                      + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                      + m_key + "\r\nSec-WebSocket-Version: 13\r\n";
    for (const QByteArray &name : m_request.rawHeaderList())
        head += name + ": " + m_request.rawHeader(name) + "\r\n";
    m_socket->write(head + "\r\n");
}

void ClientWebSocket::readHandshake()
{
    m_response += m_socket->readAll();
    const qsizetype end = m_response.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_response.size() > kMaxHandshakeBytes)
            fail(QAbstractSocket::UnknownSocketError,
                 tr("The server's answer to the WebSocket upgrade is too long."));
        return;
    }
    const QList<QByteArray> lines = m_response.left(end).split('\n');
    const QList<QByteArray> status = lines.first().trimmed().split(' ');
    const int code
        = status.size() >= 2 && status.first().startsWith("HTTP/") ? status.at(1).toInt() : 0;
    QByteArray upgrade, connection, accept, agreed;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "upgrade")
            upgrade = value.toLower();
        else if (name == "connection")
            connection = value.toLower();
        else if (name == "sec-websocket-accept")
            accept = value;
        else if (name == "sec-websocket-extensions" || name == "sec-websocket-protocol")
            agreed += value;
    }
    // Both are reported as the socket's UnknownSocketError, with the sentence: the connection
    // itself was made, so "refused" would send the user looking for a server that is not there.
    if (code != 101) {
        m_upgradeStatus = code;
        return fail(QAbstractSocket::UnknownSocketError,
                    code > 0
                        ? tr("The server refused the WebSocket upgrade (HTTP status %1).").arg(code)
                        : tr("The server did not answer the WebSocket upgrade with HTTP."));
    }
    // An extension or subprotocol this client did not ask for changes what the frames mean.
    if (upgrade != "websocket" || !connection.contains("upgrade")
        || accept != WebSocketFrames::acceptKey(m_key) || !agreed.isEmpty())
        return fail(QAbstractSocket::UnknownSocketError,
                    tr("The server's answer to the WebSocket upgrade is not a valid one."));
    m_handshakeTimeout->stop();
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    m_stream = new WebSocketStream(socket, WebSocketStream::Role::Client, m_maxMessageBytes,
                                   m_response.mid(end + 4), this);
    m_response.clear();
    connect(m_stream, &WebSocketStream::messageReceived, this, &ClientWebSocket::messageReceived);
    connect(m_stream, &WebSocketStream::disconnected, this, &ClientWebSocket::socketDisconnected);
    connect(socket, &QTcpSocket::errorOccurred, this, &ClientWebSocket::socketError);
    Q_EMIT connected();
}

bool ClientWebSocket::isOpen() const
{
    return m_stream && m_stream->isOpen();
}

void ClientWebSocket::sendText(QByteArrayView utf8)
{
    if (m_stream)
        m_stream->sendText(utf8);
}

void ClientWebSocket::close(quint16 code, const QString &reason)
{
    if (m_stream)
        m_stream->close(code, reason);
    else if (m_socket)
        m_socket->abort();
}

void ClientWebSocket::abort()
{
    if (m_stream)
        m_stream->socket()->abort();
    else if (m_socket)
        m_socket->abort();
}

quint16 ClientWebSocket::closeCode() const
{
    return m_stream ? m_stream->closeCode() : 0;
}

QString ClientWebSocket::closeReason() const
{
    return m_stream ? m_stream->closeReason() : QString();
}

bool ClientWebSocket::closedHere() const
{
    return m_stream && m_stream->closedHere();
}

void ClientWebSocket::fail(QAbstractSocket::SocketError error, const QString &why)
{
    if (m_failed || m_ended)
        return;
    m_failed = true;
    m_handshakeTimeout->stop();
    m_error = error;
    m_errorString = why;
    const QPointer<ClientWebSocket> alive(this);
    Q_EMIT errorOccurred(error);
    if (alive) // a slot may have deleted this
        abort();
}

void ClientWebSocket::socketError(QAbstractSocket::SocketError error)
{
    // A close that the other end ends by dropping the connection is not an error.
    if (error == QAbstractSocket::RemoteHostClosedError && m_stream && closeCode() != 0)
        return;
    auto *socket = m_stream ? m_stream->socket() : m_socket;
    fail(error, socket ? socket->errorString() : QString());
}

void ClientWebSocket::socketDisconnected()
{
    if (m_ended)
        return;
    m_ended = true;
    m_handshakeTimeout->stop();
    Q_EMIT disconnected();
}
