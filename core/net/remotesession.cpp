#include "core/net/remotesession.h"

#include "core/dbrequest.h"
#include "core/net/changewatcher.h"
#include "core/net/httptransport.h"
#include "core/net/rpcchannel.h"
#include "core/protocol/rpccodec.h"
#include "core/querydelivery.h"
#include "core/requestcontrol.h"
#include "core/schemaqueries.h"
#include "core/sqlinliner.h"
#include "core/sqlkeywords.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QPointer>
#include <QUuid>

namespace {

// A statement's params, rows asked for as arrays so that duplicate column names survive.
void writeStatementParams(JsonWriter &json, const Statement &statement,
                          JsonWriter::StringMemo *sqlMemo = nullptr)
{
    RpcCodec::writeStatement(json, statement, sqlMemo);
    json.key(QLatin1StringView("rowFormat"));
    json.plainString(QLatin1StringView("array"));
}

// A result page from either path: straight from the text when it has the usual shape. Empty
// when it was read; else why not.
std::optional<DbError> readPage(const RpcResult &result, ResultPage *page,
                                ResultPage::ColumnCache *cache = nullptr)
{
    if (!result.text().isEmpty() && ResultPage::read(result.text(), page, cache))
        return {};
    const QJsonValue &value = result.value();
    if (result.isMalformed())
        return DbError{ErrorCode::NetworkError,
                       QCoreApplication::translate(
                           "RemoteSession",
                           "The server's reply is not valid JSON. Check that the address points"
                           " at a DoSQL server."),
                       {}};
    if (ResultPage::fromJson(value.toObject(), page))
        return {};
    return DbError{ErrorCode::NetworkError,
                   QCoreApplication::translate(
                       "RemoteSession", "The server sent a row value this client cannot read."),
                   {}};
}

// dosqld's own bookkeeping (change log, idempotency keys), not the user's schema.
bool isInternalTable(const QString &name)
{
    return name.startsWith(QLatin1String("_dosql_"));
}

} // namespace

// One query in flight: where it is, and what has been delivered. It is the caller of its
// requests to the channel (RpcCaller), and reads its pages where they arrive.
struct RemoteSession::Run final : RpcCaller, std::enable_shared_from_this<Run>
{
    bool readResult(QByteArrayView text) override
    {
        return ResultPage::read(text, &page, &session->m_columnCache);
    }
    void replied(const RpcResult &result, const DbError *error) override
    {
        session->replied(shared_from_this(), result, error);
    }

    RemoteSession *session = nullptr;
    std::shared_ptr<RequestControl> control;
    Statement statement;
    bool read = true;
    qint64 callId = 0;                  // the channel request under way
    QNetworkReply *httpReply = nullptr; // or the HTTP one
    QString cursor;
    int cursorLink = 0; // the link the cursor lives on (see m_link)
    bool columnsDelivered = false;
    bool ended = false;
    qint64 rowsRead = 0;
    qint64 rowsDelivered = 0; // after sampling
    ExecSummary summary;
    QElapsedTimer clock;
    QString keyword; // the statement's first, which routes it
    // What has come for the request since the last hand-over: columns, rows and the end of a
    // small result travel to its thread together.
    QueryDelivery delivery;
    ResultPage page;       // as readResult() read it
    bool fetching = false; // the request under way is a `fetch`
};

void RemoteSession::flush(const std::shared_ptr<Run> &run)
{
    if (run->delivery.isEmpty())
        return;
    // Replies that arrive together are handed over together, once this thread has read them
    // all: one wake-up of the callers' thread for many requests instead of one each.
    if (m_outbox.empty()) {
        QMetaObject::invokeMethod(
            this, [this] { RequestControl::postAll(std::exchange(m_outbox, {})); },
            Qt::QueuedConnection);
        m_outbox.reserve(32); // room for a pass's replies, rather than growing through them
    }
    m_outbox.emplace_back(run->control, std::exchange(run->delivery, {}));
}

RemoteSession::RemoteSession(const RemoteEndpoint &endpoint, const RemoteOptions &options,
                             QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_options(options)
    , m_channel(new RpcChannel(endpoint, options, this))
    , m_handle(std::make_shared<Handle>())
{
    m_handle->session = this;
    connect(m_channel, &RpcChannel::opened, this, [this](const ServerInfo &info) {
        m_info = info;
        m_pagesReads = info.has(QStringLiteral("cursors"));
        m_keysWrites = info.has(QStringLiteral("idempotency"));
        Q_EMIT opened(info);
    });
    connect(m_channel, &RpcChannel::failed, this, &RemoteSession::failed);
    connect(m_channel, &RpcChannel::upgradeRefused, this, [this](int status) {
        // A 404 to the upgrade is what the deployed worker says: it speaks HTTP only.
        if (status == 404 && m_options.transport == RemoteOptions::Transport::Auto)
            return openOverHttp();
        DbError error{ErrorCode::ConnectionFailed,
                      tr("%1 refused the WebSocket connection (HTTP %2).")
                          .arg(m_endpoint.displayName())
                          .arg(status),
                      {{QStringLiteral("httpStatus"), status}}};
        Q_EMIT failed(error);
    });
    connect(m_channel, &RpcChannel::stateChanged, this, [this](RpcChannel::State state) {
        if (state == RpcChannel::State::Reconnecting)
            Q_EMIT reconnecting();
    });
    connect(m_channel, &RpcChannel::reconnected, this, [this] {
        ++m_link;
        Q_EMIT reconnected();
    });
}

bool RemoteSession::endIfCursorLost(const std::shared_ptr<Run> &run)
{
    // A cursor is the server's: after a reconnect it is gone (the server restarted, or it closed
    // it with the socket).
    if (run->cursorLink == m_link)
        return false;
    run->cursor.clear();
    const DbError lost{
        ErrorCode::ConnectionClosed,
        tr("The connection to %1 was lost after %n row(s) of this result had arrived, and the"
           " rest of the result went with it. Run the query again.",
           nullptr, int(qMin<qint64>(run->rowsRead, INT_MAX)))
            .arg(m_endpoint.displayName()),
        {}};
    end(run, &lost);
    return true;
}

RemoteSession::~RemoteSession()
{
    {
        std::lock_guard lock(m_handle->mutex);
        m_handle->session = nullptr;
    }
    // From here on replies go unheard, while this is still whole. The watchers go before the
    // channel they unsubscribe through.
    m_closing = true;
    qDeleteAll(findChildren<ChangeWatcher *>(Qt::FindDirectChildrenOnly));
    delete m_channel;
}

void RemoteSession::Handle::post(std::function<void(RemoteSession *)> fn)
{
    std::lock_guard lock(mutex);
    if (!session)
        return;
    RemoteSession *target = session;
    QMetaObject::invokeMethod(
        target, [target, fn = std::move(fn)] { fn(target); }, Qt::QueuedConnection);
}

void RemoteSession::open()
{
    if (m_options.transport == RemoteOptions::Transport::Http)
        return openOverHttp();
    m_channel->open();
}

void RemoteSession::openOverHttp()
{
    if (!m_http)
        m_http = new HttpTransport(m_endpoint, m_options, this);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_http->probe([this, clock](const DbError *error) {
        if (error)
            return Q_EMIT failed(*error);
        m_info = {};
        m_info.kind = ServerInfo::Kind::HttpOnly;
        m_info.latencyMs = double(clock->elapsed());
        Q_EMIT opened(m_info);
    });
}

void RemoteSession::select(const Statement &statement, SelectDone done)
{
    if (m_info.kind == ServerInfo::Kind::HttpOnly) {
        DbError error;
        const std::optional<QString> sql = SqlInliner::inlineParameters(statement, &error);
        if (!sql)
            return done({}, {}, &error);
        m_http->run(*sql, false,
                    [done](const HttpTransport::Result &result, const DbError *failure) {
                        done(result.columns, result.rows, failure);
                    });
        return;
    }
    m_channel->callWith(
        QLatin1StringView("query"),
        [&statement](JsonWriter &json) { writeStatementParams(json, statement); },
        [done](const RpcResult &result, const DbError *error) {
            if (error)
                return done({}, {}, error);
            ResultPage page;
            if (const auto unreadable = readPage(result, &page))
                return done({}, {}, &*unreadable);
            done(page.columns, page.rows, nullptr);
        },
        {-1, true});
}

bool RemoteSession::isRead(const QString &keyword)
{
    return keyword == QLatin1StringView("SELECT") || keyword == QLatin1StringView("VALUES")
           || keyword == QLatin1StringView("WITH") || keyword == QLatin1StringView("EXPLAIN")
           || keyword == QLatin1StringView("PRAGMA");
}

void RemoteSession::runQuery(const std::shared_ptr<RequestControl> &control,
                             const Statement &statement)
{
    auto run = std::make_shared<Run>();
    run->control = control;
    run->statement = statement;
    run->session = this;
    run->keyword = firstSqlKeyword(statement.sql);
    run->read = isRead(run->keyword);
    run->clock.start();
    // Any thread may cancel; the work happens on ours.
    control->setInterruptHandler(
        [handle = m_handle, run] { handle->post([run](RemoteSession *s) { s->interrupt(run); }); });
    if (control->isCancelled()) {
        const DbError error{ErrorCode::Cancelled, tr("The request was cancelled."), {}};
        return end(run, &error);
    }
    send(run);
}

void RemoteSession::sendOverHttp(const std::shared_ptr<Run> &run)
{
    if (controlTransaction(run))
        return;
    DbError error;
    const std::optional<QString> sql = SqlInliner::inlineParameters(run->statement, &error);
    if (!sql)
        return end(run, &error);
    run->httpReply = m_http->run(
        *sql, !run->read, [this, run](const HttpTransport::Result &result, const DbError *failure) {
            run->httpReply = nullptr;
            if (run->ended)
                return;
            if (failure)
                return end(run, failure);
            ResultPage page{result.columns, result.rows, result.rowsAffected, 0, {}};
            deliverPage(run, page);
        });
}

bool RemoteSession::controlTransaction(const std::shared_ptr<Run> &run)
{
    const QString &keyword = run->keyword;
    if (!isTransactionControl(keyword) || keyword == QLatin1StringView("SAVEPOINT")
        || keyword == QLatin1StringView("RELEASE"))
        return false;
    // The contract has methods for these; SQL text for them is refused by servers.
    if (m_info.kind == ServerInfo::Kind::HttpOnly) {
        const DbError error{ErrorCode::InvalidRequest,
                            tr("This server speaks HTTP only and commits every statement on its"
                               " own: it has no transactions."),
                            {}};
        end(run, &error);
        return true;
    }
    const bool begin = keyword == u"BEGIN";
    if (begin && !m_transactionId.isEmpty()) {
        const DbError error{ErrorCode::InvalidRequest,
                            tr("A transaction is already open; COMMIT or ROLLBACK it first."),
                            {}};
        end(run, &error);
        return true;
    }
    if (!begin && m_transactionId.isEmpty()) {
        if (keyword == u"ROLLBACK") {
            end(run, nullptr); // nothing to undo
            return true;
        }
        const DbError error{
            ErrorCode::InvalidRequest, tr("There is no open transaction to commit."), {}};
        end(run, &error);
        return true;
    }
    const QString method = begin                    ? QStringLiteral("beginTransaction")
                           : keyword == u"ROLLBACK" ? QStringLiteral("rollback")
                                                    : QStringLiteral("commit");
    QJsonObject params;
    if (!begin)
        params.insert(QStringLiteral("transactionId"), m_transactionId);
    run->callId = m_channel->call(
        method, params, [this, run, begin](const RpcResult &result, const DbError *error) {
            run->callId = 0;
            if (begin && !error)
                m_transactionId = result.toObject().value(QStringLiteral("id")).toString();
            // Ended, or lost on the server (timed out): either way
            // no longer ours.
            if (!begin
                || (error
                    && (error->code == ErrorCode::TransactionNotFound
                        || error->code == ErrorCode::TransactionAborted)))
                m_transactionId.clear();
            end(run, error);
        });
    return true;
}

void RemoteSession::send(const std::shared_ptr<Run> &run)
{
    if (m_info.kind == ServerInfo::Kind::HttpOnly)
        return sendOverHttp(run);
    if (controlTransaction(run))
        return;
    const QueryOptions &options = run->statement.options;
    const bool keyed = !run->read && m_transactionId.isEmpty() && m_keysWrites;
    RpcChannel::CallOptions callOptions;
    // A read may be sent again after a drop; so may a write with a key, which the server runs
    // at most once.
    callOptions.retryable = run->read || keyed;
    const auto writeParams = [&](JsonWriter &json) {
        writeStatementParams(json, run->statement, &m_sqlMemo);
        if (!m_transactionId.isEmpty()) {
            // Inside a transaction every statement goes to it (and sees its uncommitted changes).
            json.key(QLatin1StringView("transactionId"));
            json.string(m_transactionId);
        } else if (run->read && m_pagesReads) {
            const qint64 wanted = options.maxRows >= 0 ? options.maxRows : kPageRows;
            json.key(QLatin1StringView("pageSize"));
            json.integer(qBound<qint64>(1, wanted, qint64(kPageRows)));
        }
        if (keyed) {
            json.key(QLatin1StringView("idempotencyKey"));
            json.string(QUuid::createUuid().toString(QUuid::WithoutBraces));
        }
    };
    run->callId
        = m_channel->callWith(run->read ? QLatin1StringView("query") : QLatin1StringView("exec"),
                              writeParams, run, callOptions);
}

void RemoteSession::replied(const std::shared_ptr<Run> &run, const RpcResult &result,
                            const DbError *error)
{
    if (m_closing)
        return;
    if (error && run->fetching && endIfCursorLost(run))
        return;
    if (error)
        return end(run, error);
    receivePage(run, result);
}

void RemoteSession::receivePage(const std::shared_ptr<Run> &run, const RpcResult &result)
{
    run->callId = 0;
    if (run->ended)
        return;
    ResultPage page;
    if (result.isReadByCaller())
        page = std::exchange(run->page, {});
    else if (const auto unreadable = readPage(result, &page, &m_columnCache))
        return end(run, &*unreadable);
    if (!page.cursor.isEmpty())
        run->cursorLink = m_link;
    deliverPage(run, page);
}

void RemoteSession::deliverPage(const std::shared_ptr<Run> &run, ResultPage &page)
{
    if (!run->columnsDelivered) {
        run->delivery.columns = page.columns;
        run->columnsDelivered = true;
        run->summary.rowsAffected = page.rowsAffected;
        run->summary.lastInsertRowid = page.lastInsertRowid;
        run->summary.changedData = !run->read || page.rowsAffected > 0;
    }
    const QueryOptions &options = run->statement.options;
    const int sampleEvery = qMax(1, options.sampleEvery);
    const int batchSize = qMax(1, options.batchSize);
    RowBatch batch;
    batch.firstRow = run->rowsDelivered;
    auto flushBatch = [&] {
        if (batch.rows.isEmpty())
            return;
        run->control->takeBatchCredit();
        run->delivery.batches.append(std::move(batch));
        batch = {};
        batch.firstRow = run->rowsDelivered;
    };
    const qsizetype pageRows = page.rows.size();
    if (sampleEvery == 1 && pageRows <= batchSize
        && (options.maxRows < 0 || run->rowsRead + pageRows <= options.maxRows)) {
        // The usual page: all of it, as one batch, without taking it apart.
        batch.rows = std::move(page.rows);
        run->rowsRead += pageRows;
        run->rowsDelivered += pageRows;
        page.rows = {};
    }
    bool limitReached = false;
    // By index: a QList's begin() makes room in an empty list first.
    for (qsizetype i = 0; i < page.rows.size(); ++i) {
        Row &row = page.rows[i];
        if (options.maxRows >= 0 && run->rowsRead >= options.maxRows) {
            limitReached = true;
            break;
        }
        if (run->rowsRead % sampleEvery == 0) {
            batch.rows.append(std::move(row));
            ++run->rowsDelivered;
            if (batch.rows.size() >= batchSize)
                flushBatch();
        }
        ++run->rowsRead;
    }
    flushBatch();
    run->cursor = page.cursor;
    const bool more = !run->cursor.isEmpty();
    if (!more || limitReached || (options.maxRows >= 0 && run->rowsRead >= options.maxRows))
        return end(run, nullptr);
    flush(run);
    // The next page once the consumer has caught up, so a slow one bounds what is in memory.
    run->control->whenCreditFree(
        [handle = m_handle, run] { handle->post([run](RemoteSession *s) { s->fetchMore(run); }); });
}

void RemoteSession::fetchMore(const std::shared_ptr<Run> &run)
{
    if (run->ended)
        return;
    if (run->control->isCancelled()) {
        const DbError error{ErrorCode::Cancelled, tr("The request was cancelled."), {}};
        return end(run, &error);
    }
    if (endIfCursorLost(run))
        return;
    const qint64 left = run->statement.options.maxRows >= 0
                            ? run->statement.options.maxRows - run->rowsRead
                            : kPageRows;
    const int max = int(qBound<qint64>(1, left, qint64(kPageRows)));
    run->fetching = true;
    run->callId = m_channel->callWith(QLatin1StringView("fetch"),
                                      [&](JsonWriter &json) {
                                          json.key(QLatin1StringView("cursor"));
                                          json.string(run->cursor);
                                          json.key(QLatin1StringView("max"));
                                          json.integer(max);
                                          json.key(QLatin1StringView("rowFormat"));
                                          json.plainString(QLatin1StringView("array"));
                                      },
                                      run, {-1, true});
}

void RemoteSession::interrupt(const std::shared_ptr<Run> &run)
{
    if (run->ended)
        return;
    if (run->httpReply) {
        // HTTP has no cancel: the request is dropped here and may still complete there.
        run->httpReply->abort();
        run->httpReply = nullptr;
        const DbError error{
            ErrorCode::Cancelled,
            run->read ? tr("The request was cancelled.")
                      : tr("Cancelled here, but this server cannot stop a statement: it may still"
                           " complete there."),
            {}};
        return end(run, &error);
    }
    if (run->callId != 0 && m_info.has(QStringLiteral("cancel"))) {
        // The server stops the statement and answers it with CANCELLED. When it cannot (a
        // statement inside a transaction), the request is let go here and the user told.
        QPointer<RemoteSession> self(this);
        const bool inTransaction = !m_transactionId.isEmpty();
        m_channel->call(
            QStringLiteral("cancel"), {{QStringLiteral("requestId"), QString::number(run->callId)}},
            [self, run, inTransaction](const RpcResult &result, const DbError *error) {
                if (!self || run->ended
                    || (!error && result.toObject().value(QStringLiteral("cancelled")).toBool()))
                    return;
                self->m_channel->abandon(run->callId);
                const DbError abandoned{
                    ErrorCode::Cancelled,
                    inTransaction
                        ? tr("Cancelled here, but the server cannot stop a statement inside a"
                             " transaction: it may still complete there, as part of the open"
                             " transaction.")
                        : tr("Cancelled here, but the server could not stop the statement: it may"
                             " still complete there."),
                    {}};
                self->end(run, &abandoned);
            });
        return;
    }
    if (run->callId != 0)
        m_channel->abandon(run->callId);
    const DbError error{
        ErrorCode::Cancelled,
        run->callId == 0 || run->read
            ? tr("The request was cancelled.")
            : tr("Cancelled here, but this server cannot stop a statement: it may still"
                 " complete there."),
        {}};
    end(run, &error);
}

void RemoteSession::end(const std::shared_ptr<Run> &run, const DbError *error)
{
    if (run->ended)
        return;
    run->ended = true;
    run->control->setInterruptHandler({});
    if (!run->cursor.isEmpty()) {
        // The rest of a paged result is not wanted: stopped early, failed or cancelled.
        m_channel->call(QStringLiteral("closeCursor"), {{QStringLiteral("cursor"), run->cursor}},
                        [](const RpcResult &, const DbError *) {});
        run->cursor.clear();
    }
    if (error) {
        run->delivery.failure = *error;
        flush(run);
        return;
    }
    run->summary.rowsRead = run->rowsRead;
    run->summary.durationMs = double(run->clock.nsecsElapsed()) / 1e6;
    run->delivery.finished = run->summary;
    flush(run);
    if (isSchemaChange(run->keyword))
        Q_EMIT schemaChanged();
}

void RemoteSession::watch(const std::shared_ptr<ChangeSubscription::Sink> &sink,
                          const ChangeSubscription::Options &options)
{
    // It ends itself once the subscription is gone.
    auto *watcher
        = new ChangeWatcher(this, m_channel, m_info, m_endpoint, m_options, sink, options, this);
    watcher->start();
}

void RemoteSession::readSchema(const std::shared_ptr<RequestControl> &control)
{
    // The five schema queries, pipelined; the schema is built when the last one answers.
    const QStringList queries = SchemaQueries::all();
    auto rows = std::make_shared<QList<QList<Row>>>(queries.size());
    auto remaining = std::make_shared<int>(int(queries.size()));
    auto failed = std::make_shared<bool>(false);
    for (qsizetype i = 0; i < queries.size(); ++i) {
        select(Statement(queries.at(i)), [control, rows, remaining, failed,
                                          i](const QList<ResultColumn> &, const QList<Row> &result,
                                             const DbError *error) {
            if (*failed)
                return;
            if (error) {
                *failed = true;
                const DbError failure = *error;
                control->post([failure](DbRequest *r) { r->deliverFailure(failure); });
                return;
            }
            (*rows)[i] = result;
            if (--*remaining > 0)
                return;
            DatabaseSchema schema = SchemaQueries::build(*rows);
            schema.tables.removeIf([](const TableSchema &t) { return isInternalTable(t.name); });
            control->post(
                [schema](DbRequest *r) { static_cast<SchemaRequest *>(r)->deliverSchema(schema); });
        });
    }
}
