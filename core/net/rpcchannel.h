#pragma once

#include "core/connectionspec.h"
#include "core/dberror.h"
#include "core/net/remoteendpoint.h"
#include "core/net/serverinfo.h"
#include "core/protocol/jsonwriter.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

class QTimer;
class ClientWebSocket;

// A request's result as it arrived: its JSON text, read into a QJsonValue only when asked for.
// Replies to the common calls are read straight from the text (ResultPage::read); building a
// QJsonDocument for each costs more than the rest of a point SELECT. Valid during the reply
// call only.
class RpcResult
{
public:
    RpcResult() = default;
    explicit RpcResult(QByteArrayView text)
        : m_text(text)
    {}
    explicit RpcResult(const QJsonValue &value)
        : m_value(value)
        , m_parsed(true)
    {}

    // The result's JSON text; empty when it came another way (a QJsonValue). Unchecked when
    // the request has an RpcCaller, which reads it with a reader that checks it.
    QByteArrayView text() const { return m_text; }
    const QJsonValue &value() const;
    QJsonObject toObject() const { return value().toObject(); }
    // After value(): the text was not JSON (only for a request with an RpcCaller).
    bool isMalformed() const { return m_malformed; }
    // The call's RpcCaller has read the result itself; there is nothing else here.
    static RpcResult readByCaller()
    {
        RpcResult result;
        result.m_readByCaller = true;
        return result;
    }
    bool isReadByCaller() const { return m_readByCaller; }

private:
    QByteArrayView m_text;
    bool m_readByCaller = false;
    mutable QJsonValue m_value;
    mutable bool m_parsed = false;
    mutable bool m_malformed = false;
};

// The caller of requests made by the thousand (a query's pages), in place of a Reply: a Reply's
// captures cost an allocation per request, and its result is read after the channel has found
// where it ends. The channel keeps the caller alive until it has answered.
class RpcCaller
{
public:
    virtual ~RpcCaller() = default;
    // Offered the result first when the reply is written as dosqld writes it (see
    // RpcCodec::splitResultFrame), so that its text is read once. True when `text` is one whole
    // JSON value and it was taken in: `replied` then gets RpcResult::readByCaller(). False
    // leaves the reply to the channel's other paths.
    virtual bool readResult(QByteArrayView text) = 0;
    // Otherwise the result comes here with its text unchecked: read it with a reader that checks
    // it (ResultPage::read), and handle RpcResult::isMalformed.
    virtual void replied(const RpcResult &result, const DbError *error) = 0;
};

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

    using Reply = std::function<void(const RpcResult &result, const DbError *error)>;
    using CallOptions = RpcCallOptions;

    RpcChannel(const RemoteEndpoint &endpoint, const RemoteOptions &options,
               QObject *parent = nullptr);
    ~RpcChannel() override;

    // Connects and says hello; `opened` or `failed` answers.
    void open();
    void close();
    State state() const { return m_state; }
    ServerInfo serverInfo() const { return m_info; }

    // Sends a request now, or as soon as the socket is open. Returns its id (never 0).
    qint64 call(const QString &method, const QJsonObject &params, Reply reply,
                CallOptions options = {});
    // The same, with the params object's members written by `writeParams(JsonWriter &)` straight
    // into the frame: the common requests cost one buffer instead of a QJsonObject and three
    // copies. `method` is one of the contract's plain names.
    template<typename WriteParams>
    qint64 callWith(QLatin1StringView method, WriteParams &&writeParams, Reply reply,
                    CallOptions options = {})
    {
        const qint64 id = writeFrame(method, std::forward<WriteParams>(writeParams));
        return enqueue(id, endFrame(m_frameWriter), std::move(reply), nullptr, options);
    }
    // The same, answered through `caller`.
    template<typename WriteParams>
    qint64 callWith(QLatin1StringView method, WriteParams &&writeParams,
                    std::shared_ptr<RpcCaller> caller, CallOptions options = {})
    {
        const qint64 id = writeFrame(method, std::forward<WriteParams>(writeParams));
        return enqueue(id, endFrame(m_frameWriter), {}, std::move(caller), options);
    }
    // Forgets a request: its reply, if any comes, is dropped.
    void abandon(qint64 id);

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
        QByteArray frame; // the whole request, sent again as it is after a reconnect
        Reply reply;      // or:
        std::shared_ptr<RpcCaller> caller;
        CallOptions options;
        qint64 deadline; // on m_clock
        bool sent = false;
    };

    void setState(State state);
    void connectSocket();
    void socketConnected();
    void socketClosed();
    // Fails everything and drops the socket when it closed on a message too big for one end:
    // a reply over kMaxReplyBytes, or a request over the server's limit.
    bool dropIfTooBig();
    void socketError();
    void frameReceived(const QByteArray &utf8);
    // `{"id":"<id>","method":"<method>","params":{` ... `}}`
    static void beginFrame(JsonWriter &frame, qint64 id, QLatin1StringView method);
    static QByteArray endFrame(JsonWriter &frame);
    template<typename WriteParams>
    qint64 writeFrame(QLatin1StringView method, WriteParams &&writeParams)
    {
        const qint64 id = ++m_nextId;
        m_frameWriter.clear();
        beginFrame(m_frameWriter, id, method);
        writeParams(m_frameWriter);
        return id;
    }
    qint64 enqueue(qint64 id, QByteArray frame, Reply reply, std::shared_ptr<RpcCaller> caller,
                   CallOptions options);
    void sendPending(Pending &pending);
    void checkDeadlines();
    // The general path for a frame the fast reader left (errors, pushes, the unusual).
    void readFrame(const QByteArray &utf8);
    void finish(qint64 id, const RpcResult &result, const DbError *error);
    void finish(std::map<qint64, Pending>::iterator it, const RpcResult &result,
                const DbError *error);
    void finish(const QString &id, const RpcResult &result, const DbError *error);
    void dropConnection(const DbError &error);
    void refuse(const DbError &error);
    void scheduleReconnect();
    void failAll(const DbError &error, bool keepRetryable);
    DbError describeSocketError() const;

    RemoteEndpoint m_endpoint;
    RemoteOptions m_options;
    ClientWebSocket *m_socket = nullptr;
    QTimer *m_deadlines;
    QTimer *m_reconnect;
    State m_state = State::Idle;
    ServerInfo m_info;
    // By id; ids count up, so this is also the order the requests were made in, for resending.
    std::map<qint64, Pending> m_pending;
    JsonWriter m_frameWriter; // the request being written, in room kept from one to the next
    qint64 m_nextId = 0;
    int m_attempt = 0;
    bool m_everOpened = false;
    qint64 m_helloId = 0;
    QElapsedTimer m_clock;
    qint64 m_helloSentAt = 0;
    QString m_sslProblem; // the certificate's problem, when TLS refused it
};
