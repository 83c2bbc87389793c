#pragma once

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

// A test's DoSQL WebSocket client: sends envelopes and waits for the reply with the same id,
// keeping any other frames it sees on the way.
class RpcClient
{
public:
    explicit RpcClient(const QUrl &url, const QByteArray &bearer = {})
    {
        QNetworkRequest request(url);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer);
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &text) {
                             m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
                         });
        m_socket.open(request);
        // Until the handshake succeeds or is refused (a refusal must not cost a timeout).
        QDeadlineTimer deadline(5000);
        while (m_socket.state() != QAbstractSocket::ConnectedState
               && m_socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired())
            QTest::qWait(2);
    }

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_socket; }

    QString send(const QString &method, const QJsonObject &params = {})
    {
        const QString id = QString::number(++m_nextId);
        sendRaw(QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                          {QStringLiteral("method"), method},
                                          {QStringLiteral("params"), params}})
                    .toJson(QJsonDocument::Compact));
        return id;
    }

    void sendRaw(const QByteArray &frame) { m_socket.sendTextMessage(QString::fromUtf8(frame)); }

    // The reply whose id is `id` (a JSON null id matches an empty string).
    QJsonObject waitFor(const QString &id, int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            for (qsizetype i = 0; i < m_frames.size(); ++i) {
                const QJsonValue frameId = m_frames.at(i).value(QStringLiteral("id"));
                const bool matches = id.isEmpty() ? frameId.isNull() : frameId.toString() == id;
                if (matches && m_frames.at(i).contains(QStringLiteral("id")))
                    return m_frames.takeAt(i);
            }
            QTest::qWait(2);
        }
        return {};
    }

    // The next frame, whatever it is.
    QJsonObject next(int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_frames.isEmpty() && !deadline.hasExpired())
            QTest::qWait(2);
        return m_frames.isEmpty() ? QJsonObject{} : m_frames.takeFirst();
    }

    QJsonObject call(const QString &method, const QJsonObject &params = {})
    {
        return waitFor(send(method, params));
    }

    QList<QJsonObject> m_frames;

private:
    QWebSocket m_socket;
    int m_nextId = 0;
};
