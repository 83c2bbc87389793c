#include "core/net/changewatcher.h"

#include "core/net/remotesession.h"
#include "core/net/rpcchannel.h"
#include "core/protocol/changecodec.h"
#include "core/protocol/jsonvalue.h"
#include "core/sqlquoting.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

namespace {

constexpr int kFirstRetryMs = 250;
constexpr int kMaxRetryMs = 30000;

} // namespace

ChangeWatcher::ChangeWatcher(RemoteSession *session, RpcChannel *channel, const ServerInfo &info,
                             const RemoteEndpoint &endpoint, const RemoteOptions &options,
                             std::shared_ptr<ChangeSubscription::Sink> sink,
                             const ChangeSubscription::Options &watch, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_channel(channel)
    , m_info(info)
    , m_endpoint(endpoint)
    , m_options(options)
    , m_sink(std::move(sink))
    , m_watch(watch)
    , m_lastLsn(watch.fromLsn)
    , m_retry(new QTimer(this))
    , m_poll(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_poll, &QTimer::timeout, this, &ChangeWatcher::poll);
    // A quiet stream still notices when its subscription is gone, and unsubscribes.
    auto *liveness = new QTimer(this);
    connect(liveness, &QTimer::timeout, this, &ChangeWatcher::alive);
    liveness->start(1000);
}

ChangeWatcher::~ChangeWatcher()
{
    if (!m_subscriptionId.isEmpty())
        m_channel->call(QStringLiteral("unsubscribe"),
                        {{QStringLiteral("subscriptionId"), m_subscriptionId}},
                        [](const RpcResult &, const DbError *) {});
    if (m_stream)
        m_stream->abort();
}

bool ChangeWatcher::alive()
{
    if (m_sink->isAlive())
        return true;
    deleteLater(); // nobody listens any more
    return false;
}

void ChangeWatcher::start()
{
    Mode mode = m_watch.mode;
    if (mode == Mode::Auto) {
        if (m_info.has(QStringLiteral("subscribe")))
            mode = Mode::Subscribe;
        else if (m_info.kind == ServerInfo::Kind::Full && !m_info.has(QStringLiteral("sse")))
            mode = Mode::Poll;
        else
            mode = Mode::Sse; // falls back to polling if the server has no stream
    }
    begin(mode);
}

void ChangeWatcher::begin(Mode mode)
{
    m_mode = mode;
    switch (mode) {
    case Mode::Auto:
    case Mode::Subscribe:
        connect(m_channel, &RpcChannel::pushed, this, &ChangeWatcher::framePushed);
        connect(m_channel, &RpcChannel::reconnected, this, &ChangeWatcher::subscribe);
        return subscribe();
    case Mode::Sse:
        return openStream();
    case Mode::Poll:
        m_sink->post([](ChangeSubscription *s) { s->deliverStarted(Mode::Poll, 0); });
        m_started = true;
        poll();
        m_poll->start(qMax(200, m_watch.pollIntervalMs));
        return;
    }
}

void ChangeWatcher::accept(QList<ChangeEvent> events)
{
    // After a resume the server may repeat what we already have: each LSN is delivered once.
    events.removeIf([this](const ChangeEvent &e) { return e.lsn > 0 && e.lsn <= m_lastLsn; });
    if (events.isEmpty())
        return;
    if (events.last().lsn > 0)
        m_lastLsn = events.last().lsn;
    m_sink->post([events](ChangeSubscription *s) { s->deliverEvents(events); });
}

void ChangeWatcher::gap(qint64 afterLsn, qint64 oldestLsn)
{
    const QString message
        = tr("Changes after LSN %1 are no longer kept by the server (its oldest is %2): the"
             " changes in between were missed. Following on from the server's current state.")
              .arg(afterLsn)
              .arg(oldestLsn);
    m_sink->post([message](ChangeSubscription *s) { s->deliverGap(message); });
}

void ChangeWatcher::retryLater(const std::function<void()> &again)
{
    const int base = qMin(kMaxRetryMs, kFirstRetryMs << qMin(m_attempt++, 10));
    const int jitter = int(QRandomGenerator::global()->bounded(base / 2 + 1)) - base / 4;
    m_retry->disconnect(this);
    connect(m_retry, &QTimer::timeout, this, again);
    m_retry->start(base + jitter);
}

void ChangeWatcher::subscribe()
{
    if (!alive())
        return;
    QJsonObject params{{QStringLiteral("batchSize"), 500}};
    if (!m_watch.tables.isEmpty())
        params.insert(QStringLiteral("tables"), QJsonArray::fromStringList(m_watch.tables));
    if (m_lastLsn >= 0)
        params.insert(QStringLiteral("fromLSN"), QString::number(m_lastLsn));
    m_subscriptionId.clear();
    m_channel->call(
        QStringLiteral("subscribe"), params, [this](const RpcResult &result, const DbError *error) {
            if (!alive())
                return;
            if (error && error->code == ErrorCode::InvalidLsn) {
                gap(m_lastLsn, error->details.value(QStringLiteral("oldestLSN")).toLongLong());
                m_lastLsn = -1; // from now on
                return subscribe();
            }
            if (error
                && (error->code == ErrorCode::ConnectionClosed
                    || error->code == ErrorCode::Timeout))
                return; // the channel reconnects and `reconnected` subscribes again
            if (error) {
                const DbError failure = *error;
                m_sink->post([failure](ChangeSubscription *s) { s->deliverFailure(failure); });
                return;
            }
            const QJsonObject subscribed = result.toObject();
            m_subscriptionId = subscribed.value(QStringLiteral("subscriptionId")).toString();
            const qint64 current
                = JsonValue::toInteger(subscribed.value(QStringLiteral("currentLSN")));
            if (m_lastLsn < 0)
                m_lastLsn = current;
            m_attempt = 0;
            if (!m_started) {
                m_started = true;
                m_sink->post([current](ChangeSubscription *s) {
                    s->deliverStarted(Mode::Subscribe, current);
                });
            }
        });
}

void ChangeWatcher::framePushed(const QJsonObject &frame)
{
    if (frame.value(QStringLiteral("subscriptionId")).toString() != m_subscriptionId
        || m_subscriptionId.isEmpty() || !alive())
        return;
    const QString type = frame.value(QStringLiteral("type")).toString();
    if (type == u"cdc_batch") {
        QList<ChangeEvent> events;
        for (const QJsonValue &value : frame.value(QStringLiteral("events")).toArray()) {
            ChangeEvent event;
            if (ChangeCodec::fromLakeEvent(value.toObject(), &event))
                events.append(event);
        }
        return accept(events);
    }
    if (type == u"error") {
        // BUFFER_OVERFLOW: we fell behind and the server dropped us; pick up where we were.
        m_subscriptionId.clear();
        retryLater([this] { subscribe(); });
    }
}

void ChangeWatcher::openStream()
{
    if (!alive())
        return;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QUrl url = m_endpoint.httpUrl(QStringLiteral("cdc/stream"));
    QUrlQuery query;
    if (!m_watch.tables.isEmpty())
        query.addQueryItem(QStringLiteral("table"), m_watch.tables.join(u','));
    url.setQuery(query);
    QNetworkRequest request = m_endpoint.request(url, m_options);
    request.setRawHeader("Accept", "text/event-stream");
    if (m_lastLsn >= 0)
        request.setRawHeader("Last-Event-ID", QByteArray::number(m_lastLsn));
    m_streamBuffer.clear();
    m_stream = m_network->get(request);
    connect(m_stream, &QNetworkReply::readyRead, this, &ChangeWatcher::streamData);
    connect(m_stream, &QNetworkReply::finished, this, &ChangeWatcher::streamEnded);
}

void ChangeWatcher::streamData()
{
    if (!m_stream || !alive())
        return;
    const int status = m_stream->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the body is an error; read in streamEnded
    if (!m_started) {
        m_started = true;
        m_attempt = 0;
        m_sink->post([](ChangeSubscription *s) { s->deliverStarted(Mode::Sse, 0); });
    }
    m_streamBuffer += m_stream->readAll();
    QList<ChangeEvent> events;
    // Events end with a blank line; a partial one waits for the rest.
    qsizetype end;
    while ((end = m_streamBuffer.indexOf("\n\n")) >= 0) {
        const QByteArray block = m_streamBuffer.left(end);
        m_streamBuffer.remove(0, end + 2);
        QByteArray data;
        qint64 id = 0;
        for (const QByteArray &line : block.split('\n')) {
            if (line.startsWith("data:"))
                data += line.mid(5).trimmed();
            else if (line.startsWith("id:"))
                id = line.mid(3).trimmed().toLongLong();
        }
        ChangeEvent event;
        if (!data.isEmpty()
            && ChangeCodec::fromSseEvent(QJsonDocument::fromJson(data).object(), &event)) {
            if (event.lsn == 0)
                event.lsn = id;
            events.append(event);
        }
    }
    accept(events);
}

void ChangeWatcher::streamEnded()
{
    QNetworkReply *reply = m_stream;
    m_stream = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (!alive())
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    if (status == 400 && body.contains(QStringLiteral("oldestLSN"))) {
        gap(m_lastLsn, JsonValue::toInteger(body.value(QStringLiteral("oldestLSN"))));
        m_lastLsn = -1;
        return openStream();
    }
    if (status == 404 && !m_started && m_watch.mode == Mode::Auto)
        return begin(Mode::Poll); // no change stream here: fall back to polling
    if (status == 401 || status == 403) {
        const DbError error{
            ErrorCode::Unauthorized, tr("The server refused the token for the change stream."), {}};
        m_sink->post([error](ChangeSubscription *s) { s->deliverFailure(error); });
        return;
    }
    // Dropped or refused for now: resume from the last LSN after a pause.
    retryLater([this] { openStream(); });
}

void ChangeWatcher::poll()
{
    if (!alive() || m_pollsPending > 0)
        return;
    if (m_watch.tables.isEmpty()) {
        const DbError error{ErrorCode::InvalidRequest,
                            tr("This server has no change stream; name the tables to watch, and"
                               " they will be polled."),
                            {}};
        m_poll->stop();
        m_sink->post([error](ChangeSubscription *s) { s->deliverFailure(error); });
        return;
    }
    for (const QString &table : std::as_const(m_watch.tables))
        pollTable(table);
}

void ChangeWatcher::pollTable(const QString &table)
{
    ++m_pollsPending;
    // Rows keyed by the primary key (or rowid): first the key's columns, then the rows.
    Statement keyQuery(QStringLiteral("SELECT name FROM pragma_table_info(?) WHERE pk > 0"
                                      " ORDER BY pk"),
                       {SqlValue(table)});
    m_session->select(keyQuery, [this, table](const QList<ResultColumn> &,
                                              const QList<Row> &keyRows, const DbError *error) {
        if (error) {
            --m_pollsPending;
            return;
        }
        QStringList keys;
        for (const Row &row : keyRows)
            keys << quoteIdentifier(row.value(0).toText());
        if (keys.isEmpty())
            keys << QStringLiteral("rowid");
        const int keyCount = int(keys.size());
        const Statement rowsQuery(QStringLiteral("SELECT %1, * FROM %2 LIMIT %3")
                                      .arg(keys.join(QStringLiteral(", ")), quoteIdentifier(table))
                                      .arg(kMaxPolledRows + 1));
        m_session->select(
            rowsQuery, [this, table, keyCount](const QList<ResultColumn> &resultColumns,
                                               const QList<Row> &rows, const DbError *readError) {
                --m_pollsPending;
                if (readError || !alive())
                    return;
                diffTable(table, resultColumns.mid(keyCount), rows, keyCount);
            });
    });
}

void ChangeWatcher::diffTable(const QString &table, const QList<ResultColumn> &resultColumns,
                              const QList<Row> &rows, int keyCount)
{
    QStringList columns;
    for (const ResultColumn &c : resultColumns)
        columns << c.name;
    QHash<QString, Row> now;
    for (const Row &row : rows) {
        QStringList key;
        for (int k = 0; k < keyCount; ++k)
            key << row.value(k).toSqlLiteral();
        now.insert(key.join(u','), row.mid(keyCount));
    }
    const bool first = !m_snapshots.contains(table);
    const QHash<QString, Row> before = m_snapshots.value(table);
    m_snapshots.insert(table, now);
    if (first)
        return; // the baseline
    QList<ChangeEvent> events;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    auto event = [&](ChangeEvent::Operation op, const Row &old, const Row &fresh) {
        ChangeEvent e; // lsn 0: inferred by polling
        e.table = table;
        e.operation = op;
        e.timestampMs = nowMs;
        e.columns = columns;
        e.before = old;
        e.after = fresh;
        events.append(e);
    };
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const auto was = before.constFind(it.key());
        if (was == before.cend())
            event(ChangeEvent::Operation::Insert, {}, it.value());
        else if (*was != it.value())
            event(ChangeEvent::Operation::Update, *was, it.value());
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!now.contains(it.key()))
            event(ChangeEvent::Operation::Delete, it.value(), {});
    }
    if (!events.isEmpty())
        m_sink->post([events](ChangeSubscription *s) { s->deliverEvents(events); });
}
