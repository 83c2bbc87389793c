#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QNetworkRequest>
#include <QObject>
#include <QSslError>

class QTcpSocket;
class QTimer;
class WebSocketStream;

// The client's end of a WebSocket: connects (TLS for wss://, through the application's proxy),
// makes the opening handshake of RFC 6455 §4.1 with the request's headers, then carries messages
// over a WebSocketStream.
//
// A server that answers the upgrade with anything but 101 is reported with its HTTP status
// (upgradeStatus()), so that the caller can tell "no WebSocket here" from a broken network.
class ClientWebSocket final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientWebSocket)

public:
    // Messages larger than `maxMessageBytes` close the connection with CloseTooBig.
    explicit ClientWebSocket(qint64 maxMessageBytes, QObject *parent = nullptr);
    ~ClientWebSocket() override;

    // Connects to request.url() (ws:// or wss://). TLS takes request.sslConfiguration(); the
    // handshake must be done within request.transferTimeout() if one is set.
    void open(const QNetworkRequest &request);
    bool isOpen() const;
    void sendText(QByteArrayView utf8);
    void close(quint16 code, const QString &reason = {});
    void abort();

    QAbstractSocket::SocketError error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    // The HTTP status the server refused the upgrade with; 0 if it did not.
    int upgradeStatus() const { return m_upgradeStatus; }
    // The code of the close that ended the connection, from either end; 0 before one.
    quint16 closeCode() const;
    // Whether this end closed first (a reply over the limit, a server breaking the protocol).
    bool closedHere() const;
    QString closeReason() const;

    static constexpr qint64 kMaxHandshakeBytes = 64 * 1024;

Q_SIGNALS:
    void connected();
    // The TCP connection, once made, ended (after errorOccurred if that was a failure). A
    // connection that was never made reports errorOccurred only.
    void disconnected();
    void errorOccurred(QAbstractSocket::SocketError error);
    // The TLS problems of a certificate that was not trusted; the connection fails after them.
    void sslErrors(const QList<QSslError> &errors);
    // A whole message, text (valid UTF-8) or binary; valid until the next one. Receivers delete
    // this object with deleteLater(), never from inside its signals: its QTcpSocket would not
    // survive that either.
    void messageReceived(const QByteArray &message);

private:
    void sendHandshake();
    void readHandshake();
    void fail(QAbstractSocket::SocketError error, const QString &why);
    void socketError(QAbstractSocket::SocketError error);
    void socketDisconnected();

    qint64 m_maxMessageBytes;
    QNetworkRequest m_request;
    QTcpSocket *m_socket = nullptr;      // until the handshake is done
    WebSocketStream *m_stream = nullptr; // after; owns the socket
    QTimer *m_handshakeTimeout;
    QByteArray m_key;
    QByteArray m_response;
    QAbstractSocket::SocketError m_error = QAbstractSocket::UnknownSocketError;
    QString m_errorString;
    int m_upgradeStatus = 0;
    bool m_failed = false; // errorOccurred was emitted; the only one
    bool m_ended = false;
};
