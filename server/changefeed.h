#pragma once

#include "core/changeevent.h"
#include "core/dberror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>

class ServedDatabase;

// One subscriber's cursor over a database's change log: it reads the events after its last LSN
// that match its tables and operations, hands them out in LSN order, and follows new commits.
// The transport says how many events it has put on the wire. At most `maxBuffered` events are
// ever on their way; past that the feed waits for the subscriber, and a subscriber that takes
// nothing for kOverflowGraceMs is dropped with BUFFER_OVERFLOW (it may resume from its last LSN).
// A subscriber catching up quickly therefore never overflows; one that stopped reading does.
class ChangeFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeFeed)

public:
    struct Options
    {
        QSet<QString> tables; // empty: all tables
        QSet<ChangeEvent::Operation> operations{ChangeEvent::Operation::Insert,
                                                ChangeEvent::Operation::Update,
                                                ChangeEvent::Operation::Delete};
        int batchSize = 100;
        int maxBuffered = 10000;
    };

    ChangeFeed(ServedDatabase *database, const Options &options, qint64 afterLsn, QObject *parent);

    // Checks that `afterLsn` is still in the log (PROTOCOL §7: from oldest − 1 to current) and
    // starts delivering; `started` or `failed` answers.
    void start();
    // The transport has written `count` more events to the network.
    void acknowledge(int count);
    qint64 lastLsn() const { return m_lastLsn; }

    static bool parseLsn(const QJsonValue &value, qint64 *lsn);
    static constexpr int kOverflowGraceMs = 2000;

Q_SIGNALS:
    void started(qint64 currentLsn);
    void failed(const DbError &error);
    // Events in LSN order; `lastLsn` is the last LSN read, also when filters dropped events.
    void batchReady(const QList<ChangeEvent> &events, qint64 lastLsn);
    void overflowed(qint64 lastLsn);

private:
    void fetch();
    bool wants(const ChangeEvent &event) const;

    QPointer<ServedDatabase> m_database;
    Options m_options;
    qint64 m_lastLsn;
    bool m_started = false;
    bool m_fetching = false;
    bool m_dead = false;
    qint64 m_outstanding = 0;     // handed out, not yet on the wire
    QElapsedTimer m_stalledSince; // valid while waiting for the subscriber to take events
};
