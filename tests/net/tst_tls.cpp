#include "core/net/remoteconnection.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

// TLS to a DoSQL server: a certificate the system does not trust is refused, never ignored, and
// the error names the certificate; trusting its CA file lets the connection through. The server
// is a TLS WebSocket server on 127.0.0.1 with a CA and certificate made by openssl for this run.
class TestTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QWebSocketServer> m_server;

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    bool openssl(const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral("openssl"), arguments);
        return process.waitForFinished(30000) && process.exitCode() == 0;
    }

    std::unique_ptr<RemoteConnection> connect(const QString &caFile)
    {
        ConnectionSpec spec;
        spec.location = QStringLiteral("wss://127.0.0.1:%1/db/app").arg(m_server->serverPort());
        spec.remote.caFile = caFile;
        auto connection = std::make_unique<RemoteConnection>(spec);
        QSignalSpy changed(connection.get(), &Connection::stateChanged);
        connection->open();
        while (connection->state() == Connection::State::Opening && changed.wait(10000)) {
        }
        return connection;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(
            openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                     QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                     QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                     QStringLiteral("-subj"), QStringLiteral("/CN=DoSQL Test CA")}));
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-newkey"),
                         QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                         QStringLiteral("-keyout"), QStringLiteral("server.key"),
                         QStringLiteral("-out"), QStringLiteral("server.csr"),
                         QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")}));
        QFile extensions(path("san.cnf"));
        QVERIFY(extensions.open(QIODevice::WriteOnly));
        extensions.write("subjectAltName=IP:127.0.0.1\n");
        extensions.close();
        QVERIFY(openssl(
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
             QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
             QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("san.cnf")}));

        QFile key(path("server.key"));
        QVERIFY(key.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(QSslCertificate::fromPath(path("server.pem")));
        tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server = std::make_unique<QWebSocketServer>(QStringLiteral("tls"),
                                                      QWebSocketServer::SecureMode);
        m_server->setSslConfiguration(tls);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        // Enough of a DoSQL server to say hello.
        QObject::connect(m_server.get(), &QWebSocketServer::newConnection, this, [this] {
            QWebSocket *socket = m_server->nextPendingConnection();
            socket->setParent(m_server.get());
            QObject::connect(
                socket, &QWebSocket::textMessageReceived, socket, [socket](const QString &message) {
                    const QJsonObject request = QJsonDocument::fromJson(message.toUtf8()).object();
                    const QJsonObject reply{
                        {QStringLiteral("id"), request.value(QStringLiteral("id"))},
                        {QStringLiteral("result"),
                         QJsonObject{{QStringLiteral("server"), QStringLiteral("tls-test")}}}};
                    socket->sendTextMessage(
                        QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact)));
                });
        });
    }

    void anUntrustedCertificateIsRefusedAndDescribed()
    {
        auto connection = connect({});
        QCOMPARE(connection->state(), Connection::State::Failed);
        QCOMPARE(connection->lastError().code, ErrorCode::ConnectionFailed);
        const QString message = connection->lastError().message;
        QVERIFY2(message.contains(QStringLiteral("secure connection")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("DoSQL Test CA")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("CA file")), qPrintable(message));
    }

    void trustingTheCaFileLetsItThrough()
    {
        auto connection = connect(path("ca.pem"));
        QVERIFY2(connection->state() == Connection::State::Open,
                 qPrintable(connection->lastError().message));
        QCOMPARE(connection->serverInfo().server, QStringLiteral("tls-test"));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
