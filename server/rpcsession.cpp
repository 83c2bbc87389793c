#include "server/rpcsession.h"

#include "core/protocol/rpccodec.h"
#include "server/serverstate.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcRpc, "studio.server.rpc", QtWarningMsg)

RpcSession::RpcSession(std::unique_ptr<QWebSocket> socket, ServedDatabase *database,
                       ServerState *state, qint64 maxFrameBytes, QObject *parent)
    : QObject(parent)
    , m_socket(std::move(socket))
    , m_methods(database, state)
    , m_state(state)
    , m_maxFrameBytes(maxFrameBytes)
{
    ++m_state->connections;
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { frameReceived(text.toUtf8()); });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, &RpcSession::frameReceived);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &QObject::deleteLater);
}

RpcSession::~RpcSession()
{
    --m_state->connections;
}

void RpcSession::send(const QByteArray &frame)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->sendTextMessage(QString::fromUtf8(frame));
}

void RpcSession::frameReceived(const QByteArray &frame)
{
    if (frame.size() > m_maxFrameBytes) {
        send(RpcCodec::errorFrame(QJsonValue::Null,
                                  {ErrorCode::InvalidRequest,
                                   tr("The frame is %1 bytes; this server accepts at most %2.")
                                       .arg(frame.size())
                                       .arg(m_maxFrameBytes),
                                   {}}));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        send(RpcCodec::errorFrame(
            QJsonValue::Null,
            {ErrorCode::InvalidRequest,
             tr("The frame is not a JSON object: %1.").arg(parseError.errorString()),
             {}}));
        return;
    }
    const QJsonObject envelope = document.object();
    const QJsonValue id = envelope.value(QStringLiteral("id"));
    const QJsonValue method = envelope.value(QStringLiteral("method"));
    const QJsonValue params = envelope.value(QStringLiteral("params"));
    if (!(id.isString() || id.isDouble()) || !method.isString()
        || !(params.isUndefined() || params.isNull() || params.isObject())) {
        send(RpcCodec::errorFrame(
            id.isString() || id.isDouble() ? id : QJsonValue(QJsonValue::Null),
            {ErrorCode::InvalidRequest,
             tr("A request needs a string id, a string method and object params."),
             {}}));
        return;
    }
    Pending request{id, method.toString(), params.toObject()};
    if (RpcMethods::isImmediate(request.method)) {
        m_methods.call(request.method, request.params,
                       [this, id](const QJsonValue &result, const DbError *error) {
                           send(error ? RpcCodec::errorFrame(id, *error)
                                      : RpcCodec::resultFrame(id, result));
                       });
        return;
    }
    m_queue.enqueue(request);
    runNext();
}

void RpcSession::runNext()
{
    if (m_running || m_queue.isEmpty())
        return;
    m_running = true;
    const Pending request = m_queue.dequeue();
    QPointer<RpcSession> guard(this);
    // The reply may come after this session is gone (the client left): then it is dropped.
    m_methods.call(request.method, request.params,
                   [guard, id = request.id](const QJsonValue &result, const DbError *error) {
                       if (!guard)
                           return;
                       guard->send(error ? RpcCodec::errorFrame(id, *error)
                                         : RpcCodec::resultFrame(id, result));
                       guard->m_running = false;
                       guard->runNext();
                   });
}
