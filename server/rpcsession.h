#pragma once

#include "server/rpcmethods.h"

#include <QJsonValue>
#include <QObject>
#include <QQueue>

#include <memory>

class QWebSocket;

// One WebSocket client of one database. Frames are JSON envelopes {id, method, params};
// requests run one after another in arrival order (ping and hello answer at once), and every
// reply carries its request's id. A bad frame gets an error reply and the socket stays open.
class RpcSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RpcSession)

public:
    RpcSession(std::unique_ptr<QWebSocket> socket, ServedDatabase *database, ServerState *state,
               qint64 maxFrameBytes, QObject *parent);
    ~RpcSession() override;

private:
    struct Pending
    {
        QJsonValue id;
        QString method;
        QJsonObject params;
    };

    void frameReceived(const QByteArray &frame);
    void runNext();
    void send(const QByteArray &frame);

    std::unique_ptr<QWebSocket> m_socket;
    RpcMethods m_methods;
    ServerState *m_state; // not owned
    qint64 m_maxFrameBytes;
    QQueue<Pending> m_queue;
    bool m_running = false;
};
