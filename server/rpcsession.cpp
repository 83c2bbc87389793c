#include "server/rpcsession.h"

#include "core/net/websocketstream.h"
#include "core/protocol/changecodec.h"
#include "core/protocol/rpccodec.h"
#include "server/changefeed.h"
#include "server/servedatabase.h"
#include "server/serverstate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QScopedValueRollback>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcRpc, "studio.server.rpc", QtWarningMsg)

RpcSession::RpcSession(std::unique_ptr<WebSocketStream> socket, ServedDatabase *database,
                       ServerState *state, const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_socket(std::move(socket))
    , m_database(database)
    , m_methods(database, state)
    , m_state(state)
    , m_limits(limits)
    , m_heartbeat(new QTimer(this))
{
    ++m_state->connections;
    m_heartbeat->setInterval(m_limits.heartbeatMs);
    connect(m_heartbeat, &QTimer::timeout, this, &RpcSession::sendHeartbeat);
    connect(m_socket.get(), &WebSocketStream::bytesWritten, this, &RpcSession::bytesWritten);
    connect(m_socket.get(), &WebSocketStream::messageReceived, this, &RpcSession::frameReceived);
    connect(m_socket.get(), &WebSocketStream::disconnected, this, &QObject::deleteLater);
}

RpcSession::~RpcSession()
{
    // A socket that still holds frames reports them written as it closes, and this object's
    // members are gone by the time the socket is.
    m_socket->disconnect(this);
    --m_state->connections;
}

void RpcSession::send(const QByteArray &frame, const QString &subscriptionId, int events)
{
    if (!m_socket->isOpen())
        return;
    // What the socket will report as written: the payload and a server frame's header. Counted
    // before the frame is handed over, as a flush reports it written at once.
    const qint64 size = frame.size();
    m_inFlight.enqueue({size + WebSocketFrames::headerSize(size), subscriptionId, events});
    m_socket->sendText(frame);
    // The socket sends what it holds once control is back in the event loop. When many replies
    // are made in one go, the first ones leave early instead, so that the client works on them
    // while this thread makes the rest: the two sides overlap rather than take turns.
    // bench_dosqld's point SELECTs, medians: ~75k/s never, ~86k/s every 4, ~95k/s every 16.
    if (++m_unflushed == kFramesPerFlush) {
        m_socket->flush();
        m_unflushed = 0;
    }
    if (m_heartbeat->isActive())
        m_heartbeat->start(); // a heartbeat is only for idle sockets
}

void RpcSession::bytesWritten(qint64 bytes)
{
    m_unflushed = 0;
    while (bytes > 0 && !m_inFlight.isEmpty()) {
        InFlight &head = m_inFlight.head();
        const qint64 taken = qMin(bytes, head.bytes);
        head.bytes -= taken;
        bytes -= taken;
        if (head.bytes > 0)
            break;
        const InFlight done = m_inFlight.dequeue();
        if (ChangeFeed *feed = m_feeds.value(done.subscriptionId))
            feed->acknowledge(done.events);
    }
}

void RpcSession::sendHeartbeat()
{
    send(
        QJsonDocument(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("heartbeat")},
                        {QStringLiteral("lsn"), QString::number(m_database->currentLsn())},
                        {QStringLiteral("timestamp"), double(QDateTime::currentMSecsSinceEpoch())}})
            .toJson(QJsonDocument::Compact));
}

void RpcSession::frameReceived(const QByteArray &frame)
{
    if (frame.size() > m_limits.maxFrameBytes) {
        send(RpcCodec::errorFrame(RpcId(),
                                  {ErrorCode::InvalidRequest,
                                   tr("The frame is %1 bytes; this server accepts at most %2.")
                                       .arg(frame.size())
                                       .arg(m_limits.maxFrameBytes),
                                   {}}));
        return;
    }
    // Most frames are a query or an exec of the plain shape, read without a QJsonDocument.
    if (StatementRequest request; StatementRequest::read(frame, &request, &m_sqlMemo)) {
        const auto group = request.method == QLatin1StringView("query") ? RpcMethods::Group::Read
                                                                        : RpcMethods::Group::Write;
        m_queue.enqueue({request.id, request.method, {}, group, std::move(request)});
        return scheduleRun();
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        send(RpcCodec::errorFrame(
            RpcId(), {ErrorCode::InvalidRequest,
                      tr("The frame is not a JSON object: %1.").arg(parseError.errorString()),
                      {}}));
        return;
    }
    const QJsonObject envelope = document.object();
    const RpcId id = RpcId::fromJson(envelope.value(QStringLiteral("id")));
    const QJsonValue method = envelope.value(QStringLiteral("method"));
    const QJsonValue params = envelope.value(QStringLiteral("params"));
    if (id.isNull() || !method.isString()
        || !(params.isUndefined() || params.isNull() || params.isObject())) {
        send(RpcCodec::errorFrame(
            id, {ErrorCode::InvalidRequest,
                 tr("A request needs a string id, a string method and object params."),
                 {}}));
        return;
    }
    Pending request{id, method.toString(), params.toObject(), RpcMethods::Group::None, {}};
    request.group = RpcMethods::groupOf(request.method, request.params);
    if (request.method == u"cancel")
        return cancel(id, request.params);
    if (RpcMethods::isImmediate(request.method)) {
        m_methods.call(request.method, request.params,
                       [this, id](const QByteArray &result, const DbError *error) {
                           send(error ? RpcCodec::errorFrame(id, *error)
                                      : RpcCodec::resultFrame(id, result));
                       });
        return;
    }
    m_queue.enqueue(request);
    // The socket hands over every frame that arrived together before control returns to the
    // event loop: run them from there, so that pipelined reads go to a reader as one group
    // (one hop there and back) rather than one by one.
    scheduleRun();
}

void RpcSession::scheduleRun()
{
    if (m_runScheduled)
        return;
    m_runScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_runScheduled = false;
            runNext();
        },
        Qt::QueuedConnection);
}

void RpcSession::runNext()
{
    // Requests answered at once end inside this loop: it goes on with the next one itself, so
    // that a long pipeline of them does not nest a call per request.
    if (m_inRunNext)
        return;
    const QScopedValueRollback inRunNext(m_inRunNext, true);
    const ServedDatabase::QuickBatch quickBatch(m_database);
    int quickReads = 0;
    while (!m_queue.isEmpty() && !m_running) {
        const RpcMethods::Group group = m_queue.head().group;
        // Reads follow reads at once, on the reader the earlier ones went to, which runs and
        // answers them in order; anything else waits until everything before it has answered.
        if (group == RpcMethods::Group::Read) {
            // With no read still out on a reader, a quick read is answered here and now.
            if (m_readGroupsInFlight == 0 && answerQuickly(m_queue.head())) {
                m_queue.dequeue();
                // The other sockets on this thread get their turn now and then.
                if (++quickReads == kMaxQuickReadsPerTurn)
                    return scheduleRun();
                continue;
            }
            runGroup(group);
            continue;
        }
        if (m_readGroupsInFlight > 0)
            return;
        m_running = true;
        if (group == RpcMethods::Group::Write) {
            runGroup(group);
            continue;
        }
        const Pending request = m_queue.dequeue();
        if (request.method == u"subscribe") {
            subscribe(request.id, request.params);
            continue;
        }
        if (request.method == u"unsubscribe") {
            unsubscribe(request.id, request.params);
            continue;
        }
        QPointer<RpcSession> guard(this);
        // A fetch can be cancelled while it runs. Statements in a transaction cannot (an
        // interrupted write would roll the whole transaction back), and neither can the
        // methods that only look things up: `cancel` answers {cancelled: false} for them.
        auto token = std::make_shared<ServedDatabase::CancelToken>();
        const QString key = request.id.key();
        if (request.method == u"fetch")
            m_cancellable.insert(key, token);
        // The reply may come after this session is gone (the client left): then it is dropped.
        m_methods.call(
            request.method, request.params,
            [guard, key, id = request.id](const QByteArray &result, const DbError *error) {
                if (!guard)
                    return;
                guard->m_cancellable.remove(key);
                guard->finishCurrent(id, result, error);
            },
            token);
    }
}

std::optional<ServedDatabase::Work> RpcSession::work(const Pending &request,
                                                     const RpcMethods::Reply &reply)
{
    if (request.statement)
        return m_methods.work(*request.statement, reply);
    return m_methods.work(request.method, request.params, reply);
}

bool RpcSession::answerQuickly(const Pending &read)
{
    if (read.statement) { // the common request, in one frame or not at all
        const QByteArray frame = m_methods.quickReply(read.id, *read.statement);
        if (!frame.isEmpty())
            send(frame);
        return !frame.isEmpty();
    }
    QPointer<RpcSession> guard(this);
    auto reply = [guard, id = read.id](const QByteArray &result, const DbError *error) {
        if (guard)
            guard->send(error ? RpcCodec::errorFrame(id, *error)
                              : RpcCodec::resultFrame(id, result));
    };
    const std::optional<ServedDatabase::Work> unit = work(read, reply);
    // Without a unit, the request was answered already (its params were wrong).
    return !unit || m_database->runQuickly(*unit);
}

void RpcSession::runGroup(RpcMethods::Group group)
{
    // Pipelined requests of one kind run together: reads on one reader, writes in one group
    // commit. They still run, and are answered, in arrival order.
    QList<ServedDatabase::Work> units;
    // One count per request still to answer, and one held here until the group is sent off, so
    // that requests answered at once (bad params) cannot end the group while it is being built.
    auto remaining = std::make_shared<int>(1);
    QPointer<RpcSession> guard(this);
    auto release = [guard, remaining, group] {
        if (--*remaining == 0 && guard)
            guard->groupFinished(group);
    };
    if (group == RpcMethods::Group::Read)
        ++m_readGroupsInFlight;
    else
        m_running = true;
    const int maxUnits = group == RpcMethods::Group::Read ? kMaxReadGroup : kMaxGroup;
    while (!m_queue.isEmpty() && units.size() < maxUnits && m_queue.head().group == group) {
        const Pending request = m_queue.dequeue();
        ++*remaining;
        auto reply
            = [guard, release, id = request.id](const QByteArray &result, const DbError *error) {
                  if (guard) {
                      guard->m_cancellable.remove(id.key());
                      guard->send(error ? RpcCodec::errorFrame(id, *error)
                                        : RpcCodec::resultFrame(id, result));
                  }
                  release();
              };
        if (std::optional<ServedDatabase::Work> unit = work(request, reply)) {
            m_cancellable.insert(request.id.key(), unit->cancel);
            units.append(*unit);
        }
    }
    if (group == RpcMethods::Group::Read && !units.isEmpty())
        m_readLane = m_database->runInOrder(units, m_readLane);
    else if (!units.isEmpty())
        m_database->runWrites(units);
    release();
}

void RpcSession::groupFinished(RpcMethods::Group group)
{
    if (group == RpcMethods::Group::Read) {
        if (--m_readGroupsInFlight == 0)
            m_readLane = -1;
    } else {
        m_running = false;
    }
    runNext();
}

void RpcSession::finishCurrent(const RpcId &id, const QByteArray &result, const DbError *error)
{
    send(error ? RpcCodec::errorFrame(id, *error) : RpcCodec::resultFrame(id, result));
    m_running = false;
    runNext();
}

void RpcSession::cancel(const RpcId &id, const QJsonObject &params)
{
    const QString target = params.value(QStringLiteral("requestId")).toVariant().toString();
    bool cancelled = false;
    // Still waiting in this socket's queue: it never runs.
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).id.key() == target) {
            const Pending dropped = m_queue.takeAt(i);
            send(RpcCodec::errorFrame(
                dropped.id, {ErrorCode::Cancelled, tr("The request was cancelled."), {}}));
            cancelled = true;
            break;
        }
    }
    // A read under way is interrupted and answers CANCELLED itself.
    if (!cancelled) {
        if (const auto token = m_cancellable.value(target))
            cancelled = token->cancel();
    }
    send(RpcCodec::resultFrame(id, QJsonObject{{QStringLiteral("cancelled"), cancelled}}));
}

void RpcSession::subscribe(const RpcId &id, const QJsonObject &params)
{
    ChangeFeed::Options options;
    options.maxBuffered = m_limits.maxBufferedEvents;
    for (const QJsonValue &t : params.value(QStringLiteral("tables")).toArray())
        options.tables.insert(t.toString());
    const QJsonValue operations = params.value(QStringLiteral("operations"));
    if (operations.isArray()) {
        options.operations.clear();
        for (const QJsonValue &o : operations.toArray()) {
            ChangeEvent::Operation op;
            if (!ChangeEvent::operationFromName(o.toString(), &op)) {
                const DbError error{
                    ErrorCode::InvalidRequest,
                    tr("Unknown operation \"%1\": use INSERT, UPDATE, DELETE or DDL.")
                        .arg(o.toString()),
                    {}};
                return finishCurrent(id, {}, &error);
            }
            options.operations.insert(op);
        }
    }
    options.batchSize = qBound(1, params.value(QStringLiteral("batchSize")).toInt(100), 10000);
    // Without fromLSN a stream starts after the current LSN: live changes only.
    qint64 from = m_database->currentLsn();
    const QJsonValue fromValue = params.value(QStringLiteral("fromLSN"));
    if (!fromValue.isUndefined() && !fromValue.isNull()
        && !ChangeFeed::parseLsn(fromValue, &from)) {
        const DbError error{
            ErrorCode::InvalidLsn, tr("fromLSN must be a non-negative integer."), {}};
        return finishCurrent(id, {}, &error);
    }

    const QString subscriptionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto *feed = new ChangeFeed(m_database, options, from, this);
    connect(feed, &ChangeFeed::started, this, [this, id, subscriptionId, feed](qint64 currentLsn) {
        m_feeds.insert(subscriptionId, feed);
        m_heartbeat->start();
        finishCurrent(id,
                      RpcCodec::toJson(
                          QJsonObject{{QStringLiteral("subscriptionId"), subscriptionId},
                                      {QStringLiteral("currentLSN"), QString::number(currentLsn)}}),
                      nullptr);
    });
    connect(feed, &ChangeFeed::failed, this,
            [this, id, subscriptionId, feed](const DbError &error) {
                if (!m_feeds.contains(subscriptionId)) { // failed to start: answer the subscribe
                    feed->deleteLater();
                    return finishCurrent(id, {}, &error);
                }
                send(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                                               {QStringLiteral("subscriptionId"), subscriptionId},
                                               {QStringLiteral("code"), error.codeName()},
                                               {QStringLiteral("message"), error.message}})
                         .toJson(QJsonDocument::Compact));
                dropSubscription(subscriptionId);
            });
    connect(feed, &ChangeFeed::batchReady, this,
            [this, subscriptionId](const QList<ChangeEvent> &events, qint64) {
                if (events.isEmpty())
                    return;
                QJsonArray list;
                for (const ChangeEvent &e : events)
                    list.append(ChangeCodec::lakeEvent(e));
                const qint64 number = ++m_batchNumbers[subscriptionId];
                send(
                    QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("cdc_batch")},
                                              {QStringLiteral("subscriptionId"), subscriptionId},
                                              {QStringLiteral("sequenceNumber"), double(number)},
                                              {QStringLiteral("timestamp"),
                                               double(QDateTime::currentMSecsSinceEpoch())},
                                              {QStringLiteral("sourceDoId"), m_database->name()},
                                              {QStringLiteral("events"), list}})
                        .toJson(QJsonDocument::Compact),
                    subscriptionId, int(events.size()));
            });
    connect(feed, &ChangeFeed::overflowed, this, [this, subscriptionId](qint64 lastLsn) {
        send(QJsonDocument(
                 QJsonObject{
                     {QStringLiteral("type"), QStringLiteral("error")},
                     {QStringLiteral("subscriptionId"), subscriptionId},
                     {QStringLiteral("code"), QStringLiteral("BUFFER_OVERFLOW")},
                     {QStringLiteral("message"),
                      tr("The subscriber fell too far behind; subscribe again from lastLSN.")},
                     {QStringLiteral("lastLSN"), QString::number(lastLsn)}})
                 .toJson(QJsonDocument::Compact));
        dropSubscription(subscriptionId);
    });
    feed->start();
}

void RpcSession::unsubscribe(const RpcId &id, const QJsonObject &params)
{
    const QString subscriptionId = params.value(QStringLiteral("subscriptionId")).toString();
    if (!m_feeds.contains(subscriptionId)) {
        const DbError error{
            ErrorCode::SubscriptionError,
            tr("There is no subscription \"%1\" on this connection.").arg(subscriptionId),
            {}};
        return finishCurrent(id, {}, &error);
    }
    dropSubscription(subscriptionId);
    finishCurrent(id, "{}", nullptr);
}

void RpcSession::dropSubscription(const QString &subscriptionId)
{
    if (ChangeFeed *feed = m_feeds.take(subscriptionId)) {
        // A batch it already read may still be queued: it must not reach the client now.
        disconnect(feed, nullptr, this, nullptr);
        feed->deleteLater();
    }
    m_batchNumbers.remove(subscriptionId);
    if (m_feeds.isEmpty())
        m_heartbeat->stop();
}
