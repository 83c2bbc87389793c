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

Connection::~Connection() = default;

QList<DbRequest *> Connection::activeRequests() const
{
    QList<DbRequest *> result;
    for (const QPointer<DbRequest> &r : m_active) {
        if (r && !r->isDone())
            result.append(r.data());
    }
    return result;
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
    m_active.removeIf([](const QPointer<DbRequest> &r) { return !r || r->isDone(); });
    m_active.append(request);
    connect(request, &DbRequest::ended, this, &Connection::activityChanged);
    connect(request, &QObject::destroyed, this, &Connection::activityChanged);
    Q_EMIT activityChanged();
}

void Connection::failLater(DbRequest *request, const DbError &error)
{
    QMetaObject::invokeMethod(
        request, [request, error] { request->deliverFailure(error); }, Qt::QueuedConnection);
}
