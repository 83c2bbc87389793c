#pragma once

// Pieces the network benchmarks share: a real dosqld started as a child process, a bare
// WebSocket echo server (the transport's ceiling on this machine), and medians.

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

namespace BenchSupport {

// A WebSocket server that sends every text frame back, on a thread of its own: the transport's
// own ceiling on this machine, for reading the dosqld figures against.
class EchoServer
{
public:
    EchoServer()
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                m_server = new QWebSocketServer(QStringLiteral("echo"),
                                                QWebSocketServer::NonSecureMode, &m_context);
                m_server->listen(QHostAddress::LocalHost, 0);
                QObject::connect(m_server, &QWebSocketServer::newConnection, m_server, [this] {
                    QWebSocket *socket = m_server->nextPendingConnection();
                    QObject::connect(
                        socket, &QWebSocket::textMessageReceived, socket,
                        [socket](const QString &text) { socket->sendTextMessage(text); });
                });
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }
    ~EchoServer()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    quint16 port() const { return m_port; }

private:
    QThread m_thread;
    QObject m_context;
    QWebSocketServer *m_server = nullptr;
    quint16 m_port = 0;
};

inline bool openSocket(QWebSocket &socket, const QUrl &url)
{
    QEventLoop connecting;
    QObject::connect(&socket, &QWebSocket::connected, &connecting, &QEventLoop::quit);
    QObject::connect(&socket, &QWebSocket::disconnected, &connecting, &QEventLoop::quit);
    QTimer::singleShot(10000, &connecting, &QEventLoop::quit);
    socket.open(url);
    connecting.exec();
    return socket.state() == QAbstractSocket::ConnectedState;
}

inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Starts bin/dosqld on a free port serving `dataDir`; returns the port, 0 when it did not start.
inline quint16 startDosqld(QProcess &server, const QString &dataDir, const QStringList &extra = {})
{
    server.start(QCoreApplication::applicationDirPath() + QStringLiteral("/dosqld"),
                 QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--data-dir"), dataDir}
                     + extra);
    QByteArray banner;
    while (server.waitForReadyRead(10000)) {
        banner += server.readAllStandardOutput();
        const auto m = QRegularExpression(QStringLiteral("listening on http://[^:]+:(\\d+)"))
                           .match(QString::fromUtf8(banner));
        if (m.hasMatch())
            return quint16(m.captured(1).toUInt());
    }
    return 0;
}

// This process's resident memory now, in bytes (Linux).
inline qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return 0;
}

} // namespace BenchSupport
