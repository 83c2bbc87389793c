#include "core/connection.h"

#include "core/net/remoteendpoint.h"

#include <QFileInfo>

bool ConnectionSpec::isRemote() const
{
    return RemoteEndpoint::looksLikeUrl(location);
}

QString ConnectionSpec::title() const
{
    if (!displayName.isEmpty())
        return displayName;
    if (isRemote())
        return RemoteEndpoint::parse(location, remote.database).displayName();
    return QFileInfo(location).fileName();
}

Connection::Connection(const ConnectionSpec &spec, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
{}

Connection::~Connection()
{
    for (DbRequest *request : std::as_const(m_active))
        request->m_tracker = nullptr;
}

QList<DbRequest *> Connection::activeRequests() const
{
    return m_active;
}

void Connection::setState(State state, const DbError &error)
{
    m_lastError = error;
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Connection::track(DbRequest *request)
{
    Q_ASSERT(request->thread() == thread());
    request->m_tracker = this;
    m_active.append(request);
    Q_EMIT activityChanged();
}

void Connection::untrack(DbRequest *request)
{
    request->m_tracker = nullptr;
    m_active.removeOne(request);
    Q_EMIT activityChanged();
}

void Connection::failLater(DbRequest *request, const DbError &error)
{
    QMetaObject::invokeMethod(
        request, [request, error] { request->deliverFailure(error); }, Qt::QueuedConnection);
}
