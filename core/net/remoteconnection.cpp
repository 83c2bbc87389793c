#include "core/net/remoteconnection.h"

#include "core/net/remotesession.h"
#include "core/requestcontrol.h"
#include "core/sqlkeywords.h"

#include <QCoreApplication>

RemoteConnection::RemoteConnection(const ConnectionSpec &spec, QObject *parent)
    : Connection(spec, parent)
{
    m_thread.setObjectName(QStringLiteral("dosql-net"));
}

RemoteConnection::~RemoteConnection()
{
    if (m_session) {
        // The session and its socket belong to the network thread: they end there.
        RemoteSession *session = m_session;
        QMetaObject::invokeMethod(
            session, [session] { delete session; }, Qt::QueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

void RemoteConnection::open()
{
    if (m_session)
        return;
    QString problem;
    const RemoteEndpoint endpoint
        = RemoteEndpoint::parse(spec().location, spec().remote.database, &problem);
    if (!endpoint.isValid()) {
        setState(State::Failed, {ErrorCode::ConnectionFailed, problem, {}});
        return;
    }
    setState(State::Opening);
    m_session = new RemoteSession(endpoint, spec().remote);
    m_session->moveToThread(&m_thread);
    connect(m_session, &RemoteSession::opened, this, [this](const ServerInfo &info) {
        m_info = info;
        setState(State::Open);
    });
    connect(m_session, &RemoteSession::failed, this, [this](const DbError &error) {
        m_reconnecting = false;
        setState(State::Failed, error);
    });
    connect(m_session, &RemoteSession::reconnecting, this, [this] {
        m_reconnecting = true;
        Q_EMIT reconnectingChanged(true);
    });
    connect(m_session, &RemoteSession::reconnected, this, [this] {
        m_reconnecting = false;
        Q_EMIT reconnectingChanged(false);
    });
    connect(m_session, &RemoteSession::schemaChanged, this, &Connection::schemaChanged);
    m_thread.start();
    QMetaObject::invokeMethod(m_session, &RemoteSession::open, Qt::QueuedConnection);
}

void RemoteConnection::callSession(std::function<void(RemoteSession *)> call)
{
    postSessionCall({{}, {}, std::move(call)});
}

void RemoteConnection::callSession(const std::shared_ptr<RequestControl> &control,
                                   const Statement &statement)
{
    postSessionCall({control, statement, {}});
}

void RemoteConnection::postSessionCall(SessionCall call)
{
    std::lock_guard lock(m_sessionCalls->mutex);
    m_sessionCalls->waiting.push_back(std::move(call));
    if (m_sessionCalls->waiting.size() > 1)
        return; // an event is on its way already
    RemoteSession *session = m_session;
    QMetaObject::invokeMethod(
        session,
        [session, calls = m_sessionCalls] {
            std::vector<SessionCall> due;
            {
                std::lock_guard lock(calls->mutex);
                due.swap(calls->waiting);
            }
            for (const SessionCall &call : due) {
                if (call.other)
                    call.other(session);
                else
                    session->runQuery(call.control, call.statement);
            }
            // Its room is kept for the next pass, unless calls came in meanwhile.
            due.clear();
            std::lock_guard lock(calls->mutex);
            if (calls->waiting.empty())
                calls->waiting.swap(due);
        },
        Qt::QueuedConnection);
}

DbError RemoteConnection::notConnected() const
{
    return {ErrorCode::ConnectionClosed, tr("%1 is not connected.").arg(spec().title()), {}};
}

bool RemoteConnection::failUnlessOpen(DbRequest *request)
{
    if (state() == State::Open && m_session)
        return false;
    failLater(request, notConnected());
    return true;
}

QueryRequest *RemoteConnection::query(const Statement &statement, QObject *parent)
{
    auto *request = new QueryRequest(statement.sql, parent);
    track(request);
    if (failUnlessOpen(request))
        return request;
    const QString keyword = isReadOnly() ? firstSqlKeyword(statement.sql) : QString();
    if (isReadOnly() && !RemoteSession::isRead(keyword) && !isTransactionControl(keyword)) {
        failLater(request, {ErrorCode::ReadOnly,
                            tr("This connection is read-only; the statement was not sent."),
                            {}});
        return request;
    }
    callSession(request->control(), statement);
    return request;
}

SchemaRequest *RemoteConnection::readSchema(QObject *parent)
{
    auto *request = new SchemaRequest(parent);
    track(request);
    if (failUnlessOpen(request))
        return request;
    callSession(
        [control = request->control()](RemoteSession *session) { session->readSchema(control); });
    return request;
}

ChangeSubscription *RemoteConnection::watch(const ChangeSubscription::Options &options,
                                            QObject *parent)
{
    auto *subscription = new ChangeSubscription(parent);
    if (state() != State::Open || !m_session) {
        const DbError error = notConnected();
        subscription->sink()->post([error](ChangeSubscription *s) { s->deliverFailure(error); });
        return subscription;
    }
    callSession([sink = subscription->sink(), options](RemoteSession *session) {
        session->watch(sink, options);
    });
    return subscription;
}
