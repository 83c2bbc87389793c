#pragma once

#include "core/connectionspec.h"
#include "core/dberror.h"
#include "core/net/remoteendpoint.h"
#include "core/net/serverinfo.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>

class QTimer;
class QWebSocket;

struct RpcCallOptions
{
    int timeoutMs = -1;     // -1: the channel's default
    bool retryable = false; // safe to send again after a reconnect (reads, idempotent writes)
};

// One WebSocket to a DoSQL server speaking the RPC envelope (PROTOCOL.md §2). It lives on a
// network thread: frames are parsed there and replies are handed to callbacks there. Requests
// are pipelined and matched to replies by id; each has a timeout. When the socket drops it
// reconnects with exponential backoff and jitter: requests marked retryable are sent again,
// the others fail with CONNECTION_CLOSED (their effect is unknown).
class RpcChannel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RpcChannel)

public:
    enum class State { Idle, Connecting, Open, Reconnecting, Failed };
    Q_ENUM(State)

    using Reply = std::function<void(const QJsonValue &result, const DbError *error)>;
    using CallOptions = RpcCallOptions;

    RpcChannel(const RemoteEndpoint &endpoint, const RemoteOptions &options,
               QObject *parent = nullptr);
    ~RpcChannel() override;

    // Connects and says hello; `opened` or `failed` answers.
    void open();
    void close();
    State state() const { return m_state; }
    ServerInfo serverInfo() const { return m_info; }

    // Sends a request now, or as soon as the socket is open. Returns its id.
    QString call(const QString &method, const QJsonObject &params, Reply reply,
                 CallOptions options = {});
    // Forgets a request: its reply, if any comes, is dropped.
    void abandon(const QString &id);

    static constexpr qint64 kMaxReplyBytes = 64 * 1024 * 1024;

Q_SIGNALS:
    void opened(const ServerInfo &info);
    // Opening failed for good (or a reconnect was refused, e.g. the token no longer works).
    void failed(const DbError &error);
    // The server refused the WebSocket upgrade with this HTTP status: for 404 it may be an
    // HTTP-only DoSQL worker (PROTOCOL.md §0).
    void upgradeRefused(int httpStatus);
    void stateChanged(RpcChannel::State state);
    // Reconnected after a drop; subscriptions should be made again from their last LSN.
    void reconnected();
    // Frames that answer no request: cdc_batch, heartbeat, subscription errors.
    void pushed(const QJsonObject &frame);

private:
    struct Pending
    {
        QString method;
        QJsonObject params;
        Reply reply;
        CallOptions options;
        qint64 deadline; // on m_clock
        bool sent = false;
    };

    void setState(State state);
    void connectSocket();
    void socketConnected();
    void socketClosed();
    void socketError();
    void frameReceived(const QString &text);
    void sendPending(const QString &id, Pending &pending);
    void checkDeadlines();
    void finish(const QString &id, const QJsonValue &result, const DbError *error);
    void dropConnection(const DbError &error);
    void refuse(const DbError &error);
    void scheduleReconnect();
    void failAll(const DbError &error, bool keepRetryable);
    DbError describeSocketError() const;

    RemoteEndpoint m_endpoint;
    RemoteOptions m_options;
    QWebSocket *m_socket = nullptr;
    QTimer *m_deadlines;
    QTimer *m_reconnect;
    State m_state = State::Idle;
    ServerInfo m_info;
    QHash<QString, Pending> m_pending;
    QStringList m_order; // ids in the order they were made, for resending
    qint64 m_nextId = 0;
    int m_attempt = 0;
    bool m_everOpened = false;
    QString m_helloId;
    QElapsedTimer m_clock;
    qint64 m_helloSentAt = 0;
    QString m_sslProblem; // the certificate's problem, when TLS refused it
};
