#pragma once

#include "core/connectionspec.h"
#include "core/dberror.h"
#include "core/net/changesubscription.h"
#include "core/net/remoteendpoint.h"
#include "core/net/serverinfo.h"
#include "core/protocol/jsonwriter.h"
#include "core/protocol/resultpage.h"
#include "core/requestcontrol.h"
#include "core/resultset.h"
#include "core/statement.h"

#include <QObject>

#include <functional>
#include <memory>
#include <mutex>

class HttpTransport;
class RpcChannel;
class RpcResult;

// The network-thread half of a RemoteConnection: it owns the transport to one remote database
// and turns Connection requests into the contract's calls, streaming rows back through each
// request's RequestControl (PROTOCOL.md §2). Everything here runs on the network thread.
class RemoteSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteSession)

public:
    RemoteSession(const RemoteEndpoint &endpoint, const RemoteOptions &options,
                  QObject *parent = nullptr);
    ~RemoteSession() override;

    void open();
    // Runs a read and hands back all its rows, over whichever transport is in use (for the
    // schema and for polling, whose results are small).
    using SelectDone = std::function<void(const QList<ResultColumn> &columns,
                                          const QList<Row> &rows, const DbError *error)>;
    void select(const Statement &statement, SelectDone done);
    void runQuery(const std::shared_ptr<RequestControl> &control, const Statement &statement);
    void readSchema(const std::shared_ptr<RequestControl> &control);
    void watch(const std::shared_ptr<ChangeSubscription::Sink> &sink,
               const ChangeSubscription::Options &options);

    // Statements sent with `query` (and paged); the rest go with `exec`.
    static bool isRead(const QString &keyword);
    // The largest page asked for at once.
    static constexpr int kPageRows = 2000;

Q_SIGNALS:
    void opened(const ServerInfo &info);
    void failed(const DbError &error);
    void reconnecting();
    void reconnected();
    void schemaChanged();

private:
    struct Run;
    void openOverHttp();
    void send(const std::shared_ptr<Run> &run);
    void sendOverHttp(const std::shared_ptr<Run> &run);
    // BEGIN, COMMIT/END and ROLLBACK become the contract's transaction methods, and statements
    // in between carry the transaction's id. True when `run` was one of them.
    bool controlTransaction(const std::shared_ptr<Run> &run);
    void deliverPage(const std::shared_ptr<Run> &run, ResultPage &page);
    void fetchMore(const std::shared_ptr<Run> &run);
    void replied(const std::shared_ptr<Run> &run, const RpcResult &result, const DbError *error);
    void receivePage(const std::shared_ptr<Run> &run, const RpcResult &result);
    void end(const std::shared_ptr<Run> &run, const DbError *error);
    // Sends what `run` has delivered so far on its way to the request.
    void flush(const std::shared_ptr<Run> &run);
    // Ends `run` saying so when its server cursor was lost with a reconnect.
    bool endIfCursorLost(const std::shared_ptr<Run> &run);
    void interrupt(const std::shared_ptr<Run> &run);

    RemoteEndpoint m_endpoint;
    RemoteOptions m_options;
    // A reference to this session that other threads (a request's cancel, a consumer freeing a
    // batch credit) may hold: cleared when the session goes, read under its lock, so a late
    // call never reaches a deleted session.
    struct Handle
    {
        std::mutex mutex;
        RemoteSession *session = nullptr;
        void post(std::function<void(RemoteSession *)> fn);
    };

    RpcChannel *m_channel;
    bool m_closing = false;          // set first thing by the destructor: replies then go unheard
    HttpTransport *m_http = nullptr; // once the server turned out to speak HTTP only
    std::shared_ptr<Handle> m_handle;
    ServerInfo m_info;
    // Features of m_info that every statement asks about, looked up once.
    bool m_pagesReads = false;      // "cursors": reads are paged
    bool m_keysWrites = false;      // "idempotency": writes carry a key, and may be sent again
    QString m_transactionId;        // the open transaction, if any
    int m_link = 0;                 // counts reconnects: server cursors do not outlive their link
    RequestControl::Batch m_outbox; // deliveries not yet handed over, see flush()
    ResultPage::ColumnCache m_columnCache; // the columns of the last page read
    JsonWriter::StringMemo m_sqlMemo;      // the last statement's SQL, as JSON
};
