#include "core/net/changesubscription.h"

ChangeSubscription::ChangeSubscription(QObject *parent)
    : QObject(parent)
    , m_sink(std::make_shared<Sink>())
{
    m_sink->m_target = this;
}

ChangeSubscription::~ChangeSubscription()
{
    std::lock_guard lock(m_sink->m_mutex);
    m_sink->m_target = nullptr;
}

void ChangeSubscription::Sink::post(std::function<void(ChangeSubscription *)> fn)
{
    std::lock_guard lock(m_mutex);
    if (!m_target)
        return;
    ChangeSubscription *target = m_target;
    QMetaObject::invokeMethod(
        target, [target, fn = std::move(fn)] { fn(target); }, Qt::QueuedConnection);
}

bool ChangeSubscription::Sink::isAlive()
{
    std::lock_guard lock(m_mutex);
    return m_target != nullptr;
}

void ChangeSubscription::deliverStarted(Mode mode, qint64 currentLsn)
{
    m_mode = mode;
    Q_EMIT started(mode, currentLsn);
}

void ChangeSubscription::deliverEvents(const QList<ChangeEvent> &events)
{
    if (!events.isEmpty() && events.last().lsn > 0)
        m_lastLsn = events.last().lsn;
    Q_EMIT eventsReceived(events);
}

void ChangeSubscription::deliverGap(const QString &message)
{
    Q_EMIT gapDetected(message);
}

void ChangeSubscription::deliverFailure(const DbError &error)
{
    Q_EMIT failed(error);
}
