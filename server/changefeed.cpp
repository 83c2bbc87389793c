#include "server/changefeed.h"

#include "server/servedatabase.h"

#include <QJsonValue>
#include <QTimer>

ChangeFeed::ChangeFeed(ServedDatabase *database, const Options &options, qint64 afterLsn,
                       QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_options(options)
    , m_lastLsn(afterLsn)
{
    connect(database, &ServedDatabase::committed, this, &ChangeFeed::fetch);
}

bool ChangeFeed::parseLsn(const QJsonValue &value, qint64 *lsn)
{
    bool ok = false;
    if (value.isString())
        *lsn = value.toString().toLongLong(&ok);
    else if (value.isDouble()) {
        // Past qint64 a double has no integer to convert to.
        const double d = value.toDouble();
        ok = d >= 0 && d < 9223372036854775808.0;
        *lsn = ok ? qint64(d) : 0;
    }
    return ok && *lsn >= 0;
}

void ChangeFeed::start()
{
    // An empty read gives the log's bounds: is the resume point still covered?
    m_database->readChanges(
        m_lastLsn, 0,
        [this, guard = QPointer<ChangeFeed>(this)](const ServedDatabase::ChangePage &page) {
            if (!guard)
                return;
            if (page.error) {
                m_dead = true;
                Q_EMIT failed(*page.error);
                return;
            }
            if (m_lastLsn < page.oldestLsn - 1 || m_lastLsn > page.currentLsn) {
                m_dead = true;
                Q_EMIT failed(
                    {ErrorCode::InvalidLsn,
                     tr("LSN %1 is outside the change log, which holds %2 to %3. Subscribe from"
                        " the current LSN and reload the data you show.")
                         .arg(m_lastLsn)
                         .arg(page.oldestLsn)
                         .arg(page.currentLsn),
                     {{QStringLiteral("oldestLSN"), QString::number(page.oldestLsn)},
                      {QStringLiteral("currentLSN"), QString::number(page.currentLsn)}}});
                return;
            }
            m_started = true;
            Q_EMIT started(page.currentLsn);
            fetch();
        });
}

void ChangeFeed::acknowledge(int count)
{
    m_outstanding = qMax<qint64>(0, m_outstanding - count);
    if (m_outstanding < m_options.maxBuffered && m_stalledSince.isValid()) {
        m_stalledSince.invalidate();
        fetch();
    }
}

bool ChangeFeed::wants(const ChangeEvent &event) const
{
    if (!m_options.operations.contains(event.operation))
        return false;
    return m_options.tables.isEmpty() || event.operation == ChangeEvent::Operation::Ddl
           || m_options.tables.contains(event.table);
}

void ChangeFeed::fetch()
{
    if (!m_started || m_fetching || m_dead || !m_database || m_lastLsn >= m_database->currentLsn())
        return;
    if (m_outstanding >= m_options.maxBuffered) {
        if (!m_stalledSince.isValid())
            m_stalledSince.start();
        if (m_stalledSince.elapsed() > kOverflowGraceMs) {
            m_dead = true;
            Q_EMIT overflowed(m_lastLsn);
            return;
        }
        QTimer::singleShot(100, this, &ChangeFeed::fetch);
        return;
    }
    m_fetching = true;
    const int limit = int(qMin<qint64>(m_options.batchSize, m_options.maxBuffered - m_outstanding));
    m_database->readChanges(
        m_lastLsn, limit,
        [this, guard = QPointer<ChangeFeed>(this)](const ServedDatabase::ChangePage &page) {
            if (!guard)
                return;
            m_fetching = false;
            if (page.error || m_dead) {
                if (page.error) {
                    m_dead = true;
                    Q_EMIT failed(*page.error);
                }
                return;
            }
            QList<ChangeEvent> events;
            for (const ChangeEvent &e : page.events) {
                if (wants(e))
                    events.append(e);
            }
            if (!page.events.isEmpty())
                m_lastLsn = page.events.last().lsn;
            m_outstanding += events.size();
            if (!page.events.isEmpty())
                Q_EMIT batchReady(events, m_lastLsn);
            // More may be waiting: keep reading until caught up.
            if (!page.events.isEmpty())
                QMetaObject::invokeMethod(this, &ChangeFeed::fetch, Qt::QueuedConnection);
        });
}
