#pragma once

#include "server/httprequest.h"

#include <QObject>
#include <QPointer>

class QTcpSocket;
class QTimer;

// One client's HTTP/1.1 connection: requests are read one at a time and answered in order
// (keep-alive); a WebSocket upgrade hands the untouched socket on. A client that goes quiet in
// the middle of a request, or idles too long between requests, is disconnected.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    HttpConnection(QTcpSocket *socket, qint64 maxBodyBytes, QObject *parent);

    void respond(int status, const QByteArray &body,
                 const QByteArray &contentType = QByteArrayLiteral("application/json"));
    // Server-Sent Events: a 200 head without a length, then chunks until either side closes.
    void beginStream(const QByteArray &contentType);
    void writeStream(const QByteArray &chunk);
    // Bytes written to the stream that the client has not yet taken.
    qint64 pendingBytes() const;
    void endStream();
    // Drops the connection without sending what is still buffered (for clients that stopped
    // reading).
    void abortStream();

    // Gives the socket away (to a WebSocketStream), with the upgrade request read from it.
    QTcpSocket *takeSocket();

    static QByteArray statusText(int status);
    static constexpr int kIdleTimeoutMs = 60000;

Q_SIGNALS:
    void requestReceived(const HttpRequest &request);
    void upgradeRequested(const HttpRequest &request);
    void closed();

private:
    void readRequest();

    QPointer<QTcpSocket> m_socket;
    QTimer *m_idle;
    qint64 m_maxBodyBytes;
    bool m_busy = false; // a request is being answered
    bool m_closeAfterResponse = false;
    qsizetype m_unreadUpgradeBytes = 0;
};
