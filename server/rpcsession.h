#pragma once

#include "server/rpcmethods.h"

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QQueue>

#include <memory>

class ChangeFeed;
class QTimer;
class WebSocketStream;

// One WebSocket client of one database. Frames are JSON envelopes {id, method, params};
// requests take effect in arrival order (ping and hello answer at once): consecutive reads are
// pipelined onto one reader, anything else waits for what came before. Every reply carries its
// request's id. A bad frame gets an error reply and the socket stays open.
class RpcSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RpcSession)

public:
    struct Limits
    {
        qint64 maxFrameBytes = 16 * 1024 * 1024;
        int maxBufferedEvents = 10000; // per subscription, see ChangeFeed
        int heartbeatMs = 15000;
    };

    RpcSession(std::unique_ptr<WebSocketStream> socket, ServedDatabase *database,
               ServerState *state, const Limits &limits, QObject *parent);
    ~RpcSession() override;

private:
    struct Pending
    {
        RpcId id;
        QString method;
        QJsonObject params;
        RpcMethods::Group group;
        std::optional<StatementRequest> statement; // set: read the fast way, params unused
    };
    std::optional<ServedDatabase::Work> work(const Pending &request,
                                             const RpcMethods::Reply &reply);

    // A frame on its way to the client, for telling subscriptions what has left.
    struct InFlight
    {
        qint64 bytes;
        QString subscriptionId; // empty for replies
        int events;
    };

    void frameReceived(const QByteArray &frame);
    void scheduleRun();
    void runNext();
    // Answers a read here if it is quick (ServedDatabase::runQuickly); false: it was not run.
    bool answerQuickly(const Pending &read);
    static constexpr int kMaxQuickReadsPerTurn = 64;
    void runGroup(RpcMethods::Group group);
    void groupFinished(RpcMethods::Group group);
    static constexpr int kMaxGroup = 128;
    // Reads go to their reader a few at a time: one by one, every read costs two thread hops;
    // all at once, the socket's thread and the reader take turns instead of working side by
    // side. bench_dosqld's point SELECTs: ~65k/s at 1 and at 64, ~94k/s at 4 to 8.
    static constexpr int kMaxReadGroup = 8;
    void finishCurrent(const RpcId &id, const QByteArray &result, const DbError *error);
    void send(const QByteArray &frame, const QString &subscriptionId = {}, int events = 0);
    static constexpr int kFramesPerFlush = 16;
    void bytesWritten(qint64 bytes);
    void cancel(const RpcId &id, const QJsonObject &params);
    void subscribe(const RpcId &id, const QJsonObject &params);
    void unsubscribe(const RpcId &id, const QJsonObject &params);
    void dropSubscription(const QString &subscriptionId);
    void sendHeartbeat();

    std::unique_ptr<WebSocketStream> m_socket;
    ServedDatabase *m_database; // not owned; outlives its sessions
    RpcMethods m_methods;
    ServerState *m_state; // not owned
    Limits m_limits;
    JsonReader::StringMemo m_sqlMemo; // the SQL text last read the fast way
    QQueue<Pending> m_queue;
    bool m_running = false;      // a request that is not a read is under way
    bool m_runScheduled = false; // runNext() is due once the frames at hand are queued
    bool m_inRunNext = false;
    int m_unflushed = 0; // frames sent since the last explicit flush
    int m_readGroupsInFlight = 0;
    int m_readLane = -1;                  // the reader those read groups went to
    QHash<QString, ChangeFeed *> m_feeds; // children of this session
    // Requests of the group under way that `cancel` can still reach, by request id.
    QHash<QString, std::shared_ptr<ServedDatabase::CancelToken>> m_cancellable;
    QHash<QString, qint64> m_batchNumbers;
    QQueue<InFlight> m_inFlight;
    QTimer *m_heartbeat;
};
