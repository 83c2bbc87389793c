#pragma once

#include "core/changeevent.h"
#include "core/dberror.h"

#include <QObject>

#include <functional>
#include <memory>
#include <mutex>

// A live stream of a remote database's changes, as the caller's thread sees it. Made by
// RemoteConnection::watch(); the work happens on the network thread (ChangeWatcher), which
// resumes after drops from the last LSN received, drops duplicates, and reports any gap it
// cannot avoid instead of hiding it. Deleting the subscription ends the stream.
class ChangeSubscription final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeSubscription)

public:
    enum class Mode {
        Auto,      // the best the server has: subscribe, then SSE, then polling
        Subscribe, // lake.do `subscribe` over the WebSocket (PROTOCOL.md §3.1)
        Sse,       // the SvelteKit guide's Server-Sent Events (§3.2)
        Poll,      // re-reading the tables and diffing (§3.3): events carry no LSN
    };
    Q_ENUM(Mode)

    struct Options
    {
        QStringList tables;  // empty: every table
        qint64 fromLsn = -1; // -1: only changes from now on
        Mode mode = Mode::Auto;
        int pollIntervalMs = 2000;
    };

    explicit ChangeSubscription(QObject *parent = nullptr);
    ~ChangeSubscription() override;

    Mode mode() const { return m_mode; }
    qint64 lastLsn() const { return m_lastLsn; }

    // The network thread's way in: runs `fn` on this object's thread while it exists.
    class Sink
    {
    public:
        void post(std::function<void(ChangeSubscription *)> fn);
        bool isAlive();

    private:
        friend class ChangeSubscription;
        std::mutex m_mutex;
        ChangeSubscription *m_target = nullptr;
    };
    std::shared_ptr<Sink> sink() const { return m_sink; }

    // Called through the sink.
    void deliverStarted(Mode mode, qint64 currentLsn);
    void deliverEvents(const QList<ChangeEvent> &events);
    void deliverGap(const QString &message);
    void deliverFailure(const DbError &error);

Q_SIGNALS:
    // Streaming in `mode`; `currentLsn` is the server's latest (0 when polling).
    void started(ChangeSubscription::Mode mode, qint64 currentLsn);
    void eventsReceived(const QList<ChangeEvent> &events);
    // Changes were missed and cannot be recovered; `message` says which and why.
    void gapDetected(const QString &message);
    // The stream ended for good.
    void failed(const DbError &error);

private:
    std::shared_ptr<Sink> m_sink;
    Mode m_mode = Mode::Auto;
    qint64 m_lastLsn = -1;
};
