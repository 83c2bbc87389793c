#pragma once

#include "core/connectionspec.h"
#include "core/net/changesubscription.h"
#include "core/net/remoteendpoint.h"
#include "core/net/serverinfo.h"
#include "core/resultset.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;
class RemoteSession;
class RpcChannel;

// The network-thread half of a ChangeSubscription: follows a remote database's changes in the
// best way the server offers (PROTOCOL.md §3) and hands them to the subscription's sink, in LSN
// order, each once. After a drop it resumes from the last LSN it delivered; when the server no
// longer has what came after that, it says so through the sink (a gap is never silent). It ends
// itself once the subscription is gone.
class ChangeWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeWatcher)

public:
    using Mode = ChangeSubscription::Mode;

    ChangeWatcher(RemoteSession *session, RpcChannel *channel, const ServerInfo &info,
                  const RemoteEndpoint &endpoint, const RemoteOptions &options,
                  std::shared_ptr<ChangeSubscription::Sink> sink,
                  const ChangeSubscription::Options &watch, QObject *parent);
    ~ChangeWatcher() override;

    void start();

    static constexpr int kMaxPolledRows = 50000;

private:
    bool alive();
    void begin(Mode mode);
    void accept(QList<ChangeEvent> events);
    void gap(qint64 afterLsn, qint64 oldestLsn);
    void retryLater(const std::function<void()> &again);

    // lake.do subscribe over the WebSocket
    void subscribe();
    void framePushed(const QJsonObject &frame);
    // Server-Sent Events
    void openStream();
    void streamData();
    void streamEnded();
    // polling
    void poll();
    void pollTable(const QString &table);
    void diffTable(const QString &table, const QList<ResultColumn> &columns, const QList<Row> &rows,
                   int keyCount);

    RemoteSession *m_session; // our parent
    RpcChannel *m_channel;    // the session's
    ServerInfo m_info;
    RemoteEndpoint m_endpoint;
    RemoteOptions m_options;
    std::shared_ptr<ChangeSubscription::Sink> m_sink;
    ChangeSubscription::Options m_watch;
    Mode m_mode = Mode::Auto;
    bool m_started = false;
    qint64 m_lastLsn = -1;
    QString m_subscriptionId;
    QNetworkAccessManager *m_network = nullptr;
    QNetworkReply *m_stream = nullptr;
    QByteArray m_streamBuffer;
    QTimer *m_retry;
    QTimer *m_poll;
    int m_attempt = 0;
    // Polling: each table's rows by key (as JSON text), from the last read.
    QHash<QString, QHash<QString, Row>> m_snapshots;
    int m_pollsPending = 0;
};
