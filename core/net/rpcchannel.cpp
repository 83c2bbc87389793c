#include "core/net/rpcchannel.h"

#include "core/net/clientwebsocket.h"
#include "core/net/websocketframes.h"
#include "core/protocol/jsonvalue.h"
#include "core/protocol/rpccodec.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

#include <charconv>

Q_LOGGING_CATEGORY(lcChannel, "studio.net.channel", QtWarningMsg)

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RpcChannel", text);
}

constexpr int kHelloTimeoutMs = 5000;
constexpr int kFirstBackoffMs = 250;
constexpr int kMaxBackoffMs = 30000;

// JSON-RPC's numeric codes, which other DoSQL parts use (PROTOCOL.md §5).
ErrorCode codeFromNumber(int code)
{
    switch (code) {
    case -32601:
        return ErrorCode::MethodNotFound;
    case -32600:
    case -32602:
    case -32700:
        return ErrorCode::InvalidRequest;
    case -32603:
        return ErrorCode::InternalError;
    default:
        return ErrorCode::Unknown;
    }
}

DbError errorFromReply(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    DbError error = RpcCodec::errorFromObject(object);
    const QJsonValue code = object.value(QStringLiteral("code"));
    if (code.isDouble())
        error.code = codeFromNumber(code.toInt());
    if (value.isString()) // {"error": "message"}
        error.message = value.toString();
    if (error.message.isEmpty())
        error.message = tr("The server reported an error without saying what it was.");
    return error;
}

QString describeCertificate(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return tr("certificate for %1, issued by %2, valid %3 to %4")
        .arg(certificate.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", ")),
             certificate.issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", ")),
             certificate.effectiveDate().toString(Qt::ISODate),
             certificate.expiryDate().toString(Qt::ISODate));
}

// An id exactly as the client wrote it (a positive decimal number, no sign, no leading zero),
// or 0: a reply whose id is written any other way answers none of ours.
qint64 idNumber(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 18 || id.front() == '0')
        return 0;
    qint64 number = 0;
    for (const char c : id) {
        if (c < '0' || c > '9')
            return 0;
        number = number * 10 + (c - '0');
    }
    return number;
}

qint64 idNumber(const QString &id)
{
    return idNumber(QByteArrayView(id.toLatin1()));
}

} // namespace

const QJsonValue &RpcResult::value() const
{
    if (!m_parsed) {
        m_parsed = true;
        // Wrapped, as a document holds only an object or an array and a result may be neither.
        QByteArray wrapped;
        wrapped.reserve(m_text.size() + 2);
        wrapped.append('[').append(m_text).append(']');
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
        m_malformed = error.error != QJsonParseError::NoError;
        m_value = document.array().at(0);
    }
    return m_value;
}

RpcChannel::RpcChannel(const RemoteEndpoint &endpoint, const RemoteOptions &options,
                       QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_options(options)
    , m_deadlines(new QTimer(this))
    , m_reconnect(new QTimer(this))
{
    m_clock.start();
    m_deadlines->setInterval(100);
    connect(m_deadlines, &QTimer::timeout, this, &RpcChannel::checkDeadlines);
    m_reconnect->setSingleShot(true);
    connect(m_reconnect, &QTimer::timeout, this, &RpcChannel::connectSocket);
}

RpcChannel::~RpcChannel()
{
    close();
}

void RpcChannel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void RpcChannel::open()
{
    if (m_state != State::Idle && m_state != State::Failed)
        return;
    m_attempt = 0;
    m_everOpened = false;
    setState(State::Connecting);
    connectSocket();
}

void RpcChannel::close()
{
    m_reconnect->stop();
    m_deadlines->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    failAll({ErrorCode::ConnectionClosed, tr("The connection was closed."), {}}, false);
    setState(State::Idle);
}

void RpcChannel::connectSocket()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_sslProblem.clear();
    m_socket = new ClientWebSocket(kMaxReplyBytes, this);
    connect(m_socket, &ClientWebSocket::connected, this, &RpcChannel::socketConnected);
    connect(m_socket, &ClientWebSocket::disconnected, this, &RpcChannel::socketClosed);
    connect(m_socket, &ClientWebSocket::errorOccurred, this, &RpcChannel::socketError);
    connect(m_socket, &ClientWebSocket::messageReceived, this, &RpcChannel::frameReceived);
    connect(m_socket, &ClientWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: the connection fails, and the user sees why.
        QStringList problems;
        for (const QSslError &e : errors)
            problems << e.errorString();
        m_sslProblem = problems.join(QStringLiteral("; "));
        if (!errors.isEmpty()) {
            const QString certificate = describeCertificate(errors.first().certificate());
            if (!certificate.isEmpty())
                m_sslProblem += QStringLiteral(" (") + certificate + u')';
        }
    });

    QNetworkRequest request = m_endpoint.request(m_endpoint.webSocketUrl(), m_options);
    request.setTransferTimeout(m_options.connectTimeoutMs);
    m_socket->open(request);
    m_deadlines->start();
}

void RpcChannel::socketConnected()
{
    m_attempt = 0;
    // Say hello first: whether it is answered tells a dosqld from a plain sql.do server.
    m_helloSentAt = m_clock.elapsed();
    m_helloId
        = call(QStringLiteral("hello"),
               {{QStringLiteral("client"), QStringLiteral("dosql-studio")},
                {QStringLiteral("version"), QCoreApplication::applicationVersion()}},
               [this](const RpcResult &result, const DbError *error) {
                   if (!m_socket)
                       return; // the connection is gone; that is handled where it was seen
                   const bool reconnect = m_everOpened;
                   m_info.latencyMs = double(m_clock.elapsed() - m_helloSentAt);
                   if (!error) {
                       const QJsonObject hello = result.toObject();
                       m_info.kind = ServerInfo::Kind::Full;
                       m_info.server = hello.value(QStringLiteral("server")).toString();
                       m_info.version = hello.value(QStringLiteral("version")).toString();
                       m_info.features.clear();
                       for (const QJsonValue &f : hello.value(QStringLiteral("features")).toArray())
                           m_info.features << f.toString();
                   } else if (error->code == ErrorCode::Unauthorized) {
                       return refuse(*error);
                   } else {
                       // METHOD_NOT_FOUND, -32601, or no answer: the sql.do envelope and no more.
                       m_info.kind = ServerInfo::Kind::Envelope;
                       m_info.features.clear();
                   }
                   m_everOpened = true;
                   setState(State::Open);
                   // Requests made while connecting go out now, in the order they were made.
                   // Each is looked up again: a failed write may drop the connection midway.
                   QList<qint64> unsent;
                   for (const auto &[id, pending] : m_pending) {
                       if (!pending.sent)
                           unsent << id;
                   }
                   for (const qint64 id : std::as_const(unsent)) {
                       const auto it = m_pending.find(id);
                       if (it != m_pending.end() && m_socket)
                           sendPending(it->second);
                   }
                   if (reconnect)
                       Q_EMIT reconnected();
                   else
                       Q_EMIT opened(m_info);
               },
               {kHelloTimeoutMs, false});
    auto it = m_pending.find(m_helloId);
    if (it != m_pending.end())
        sendPending(it->second);
}

qint64 RpcChannel::call(const QString &method, const QJsonObject &params, Reply reply,
                        CallOptions options)
{
    return callWith(
        QLatin1StringView(method.toLatin1()),
        [&params](JsonWriter &json) {
            for (auto it = params.begin(); it != params.end(); ++it) {
                json.key(it.key());
                json.json(it.value());
            }
        },
        std::move(reply), options);
}

void RpcChannel::beginFrame(JsonWriter &frame, qint64 id, QLatin1StringView method)
{
    frame.beginObject();
    frame.key(QLatin1StringView("id"));
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, id).ptr;
    frame.plainString(QLatin1StringView(digits, end - digits));
    frame.key(QLatin1StringView("method"));
    frame.plainString(method);
    frame.key(QLatin1StringView("params"));
    frame.beginObject();
}

QByteArray RpcChannel::endFrame(JsonWriter &frame)
{
    frame.endObject();
    frame.endObject();
    return frame.view().toByteArray();
}

qint64 RpcChannel::enqueue(qint64 id, QByteArray frame, Reply reply,
                           std::shared_ptr<RpcCaller> caller, CallOptions options)
{
    const int timeout = options.timeoutMs > 0 ? options.timeoutMs : m_options.requestTimeoutMs;
    Pending pending{std::move(frame), std::move(reply), std::move(caller), options,
                    m_clock.elapsed() + timeout};
    if (m_state == State::Failed || m_state == State::Idle) {
        const DbError error{ErrorCode::ConnectionClosed,
                            tr("Not connected to %1.").arg(m_endpoint.displayName()),
                            {}};
        if (pending.caller)
            pending.caller->replied({}, &error);
        else
            pending.reply({}, &error);
        return id;
    }
    auto [it, inserted] = m_pending.emplace(id, std::move(pending));
    if (m_state == State::Open)
        sendPending(it->second);
    return id;
}

void RpcChannel::abandon(qint64 id)
{
    m_pending.erase(id);
}

void RpcChannel::sendPending(Pending &pending)
{
    if (!m_socket)
        return;
    m_socket->sendText(pending.frame);
    pending.sent = true;
}

void RpcChannel::frameReceived(const QByteArray &utf8)
{
    QByteArrayView idText, result;
    if (RpcCodec::splitResultFrame(utf8, &idText, &result)) {
        const auto it = m_pending.find(idNumber(idText));
        if (it != m_pending.end() && it->second.caller && it->second.caller->readResult(result))
            return finish(it, RpcResult::readByCaller(), nullptr);
    }
    if (RpcCodec::readResultFrame(utf8, &idText, &result)) {
        const qint64 id = idNumber(idText);
        const auto it = m_pending.find(id);
        // An RpcCaller reads the result with a reader that checks it, and handles
        // RpcResult::isMalformed: the channel does not check it first, so it is read once.
        const bool readerChecks = it != m_pending.end() && it->second.caller;
        JsonReader check(result);
        if (readerChecks || (check.skip() && check.atEnd()))
            return finish(id, RpcResult(result), nullptr);
    }
    readFrame(utf8);
}

void RpcChannel::readFrame(const QByteArray &utf8)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        // A reply we cannot read answers some request we cannot name: nothing after it can be
        // trusted to match, so the connection starts over.
        qCWarning(lcChannel) << "unreadable frame from" << m_endpoint.displayName();
        return dropConnection(
            {ErrorCode::NetworkError,
             tr("%1 sent something that is not a DoSQL reply (it begins \"%2\"). Check that the"
                " address points at a DoSQL server.")
                 .arg(m_endpoint.displayName(),
                      QString::fromUtf8(utf8.left(160)).left(40).simplified()),
             {}});
    }
    const QJsonObject frame = document.object();
    const QJsonValue idValue = frame.value(QStringLiteral("id"));
    const QString id = idValue.isDouble()
                           ? QString::number(JsonValue::toInteger(idValue.toDouble()))
                           : idValue.toString();
    if (id.isEmpty() || !m_pending.count(idNumber(id))) {
        if (frame.contains(QStringLiteral("type")))
            Q_EMIT pushed(frame);
        else if (frame.contains(QStringLiteral("error")) && id.isEmpty())
            qCWarning(lcChannel) << "server error not tied to a request:"
                                 << errorFromReply(frame.value(QStringLiteral("error"))).message;
        return;
    }
    if (frame.contains(QStringLiteral("error"))) {
        const DbError error = errorFromReply(frame.value(QStringLiteral("error")));
        return finish(id, {}, &error);
    }
    if (!frame.contains(QStringLiteral("result"))) {
        const DbError error{ErrorCode::NetworkError,
                            tr("The server's reply has neither a result nor an error."),
                            {}};
        return finish(id, {}, &error);
    }
    finish(id, RpcResult(frame.value(QStringLiteral("result"))), nullptr);
}

void RpcChannel::finish(const QString &id, const RpcResult &result, const DbError *error)
{
    finish(idNumber(id), result, error);
}

void RpcChannel::finish(qint64 id, const RpcResult &result, const DbError *error)
{
    auto it = m_pending.find(id);
    if (it != m_pending.end())
        finish(it, result, error);
}

void RpcChannel::finish(std::map<qint64, Pending>::iterator it, const RpcResult &result,
                        const DbError *error)
{
    // Out of the list before it runs: a reply may make requests, or drop others.
    const Reply reply = std::move(it->second.reply);
    const std::shared_ptr<RpcCaller> caller = std::move(it->second.caller);
    m_pending.erase(it);
    if (caller)
        caller->replied(result, error);
    else
        reply(result, error);
}

void RpcChannel::checkDeadlines()
{
    const qint64 now = m_clock.elapsed();
    QList<qint64> late;
    for (const auto &[id, pending] : m_pending) {
        if (pending.deadline <= now)
            late << id;
    }
    for (const qint64 id : std::as_const(late)) {
        const auto it = m_pending.find(id);
        if (it == m_pending.end())
            continue; // let go by the reply to one before it
        // Read before anything is written: a failed write may drop the connection, and the
        // request with it.
        const Pending &pending = it->second;
        const int seconds = int(
            (pending.options.timeoutMs > 0 ? pending.options.timeoutMs : m_options.requestTimeoutMs)
            / 1000);
        const bool hello = id == m_helloId;
        if (!hello && pending.sent && m_info.has(QStringLiteral("cancel")) && m_socket)
            m_socket->sendText(
                QJsonDocument(
                    QJsonObject{{QStringLiteral("id"),
                                 QString(QStringLiteral("cancel-") + QString::number(id))},
                                {QStringLiteral("method"), QStringLiteral("cancel")},
                                {QStringLiteral("params"),
                                 QJsonObject{{QStringLiteral("requestId"), QString::number(id)}}}})
                    .toJson(QJsonDocument::Compact));
        const DbError error{
            ErrorCode::Timeout,
            m_state == State::Open
                ? tr("%1 did not answer within %2 s.").arg(m_endpoint.displayName()).arg(seconds)
                : tr("%1 could not be reached within %2 s.")
                      .arg(m_endpoint.displayName())
                      .arg(seconds),
            {}};
        finish(id, {}, &error);
    }
    if (m_pending.empty() && m_state == State::Open)
        m_deadlines->stop();
}

void RpcChannel::socketError()
{
    if (!m_socket || dropIfTooBig())
        return;
    const int httpStatus = m_socket->upgradeStatus();
    if (httpStatus == 401 || httpStatus == 403) {
        const DbError error{
            httpStatus == 401 ? ErrorCode::Unauthorized : ErrorCode::Forbidden,
            httpStatus == 401
                ? tr("%1 refused the token. Check the token saved for this connection.")
                      .arg(m_endpoint.displayName())
                : tr("%1 does not allow this token to open the database.")
                      .arg(m_endpoint.displayName()),
            {{QStringLiteral("httpStatus"), httpStatus}}};
        return refuse(error);
    }
    if (httpStatus != 0 && !m_everOpened) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket = nullptr;
        setState(State::Failed);
        Q_EMIT upgradeRefused(httpStatus);
        return;
    }
    dropConnection(describeSocketError());
}

void RpcChannel::refuse(const DbError &error)
{
    // Not retried: the same token would be refused again, by every attempt.
    m_reconnect->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    failAll(error, false);
    setState(State::Failed);
    Q_EMIT failed(error);
}

DbError RpcChannel::describeSocketError() const
{
    if (!m_sslProblem.isEmpty())
        return {ErrorCode::ConnectionFailed,
                tr("The secure connection to %1 was refused: %2. If the server uses its own"
                   " certificate authority, choose its CA file in the connection's settings.")
                    .arg(m_endpoint.displayName(), m_sslProblem),
                {}};
    const QString reason = m_socket ? m_socket->errorString() : QString();
    if (m_socket && m_socket->error() == QAbstractSocket::ConnectionRefusedError)
        return {ErrorCode::ConnectionFailed,
                tr("Nothing answers at %1. Is the server running?").arg(m_endpoint.displayName()),
                {}};
    if (m_socket && m_socket->error() == QAbstractSocket::HostNotFoundError)
        return {ErrorCode::ConnectionFailed,
                tr("The host %1 was not found. Check the address.").arg(m_endpoint.host()),
                {}};
    return {m_everOpened ? ErrorCode::ConnectionClosed : ErrorCode::ConnectionFailed,
            tr("The connection to %1 failed: %2").arg(m_endpoint.displayName(), reason),
            {}};
}

bool RpcChannel::dropIfTooBig()
{
    // The socket closes itself on a reply over its limit; a server still writing the rest of it
    // may then see the connection reset, and which of `error` and `disconnected` comes first
    // varies: both look here first. A server closes the same way on a request over its own.
    if (m_socket->closeCode() != WebSocketFrames::CloseTooBig)
        return false;
    // Asking again would bring the same reply, or send the same request: everything waiting
    // fails, reads too.
    const QString reason = m_socket->closeReason();
    const DbError tooBig{
        ErrorCode::ResourceExhausted,
        m_socket->closedHere()
            ? tr("%1 sent a reply larger than %2 MiB; ask for fewer rows at a time.")
                  .arg(m_endpoint.displayName())
                  .arg(kMaxReplyBytes / (1024 * 1024))
            : tr("%1 closed the connection on a request too large for it (%2). Send less at a"
                 " time: smaller values, or fewer statements in one batch.")
                  .arg(m_endpoint.displayName(), reason.isEmpty() ? tr("close code 1009") : reason),
        {}};
    failAll(tooBig, false);
    dropConnection(tooBig);
    return true;
}

void RpcChannel::socketClosed()
{
    if (!m_socket)
        return;
    if (dropIfTooBig())
        return;
    if (!m_everOpened) // never got as far as a hello: say why it failed
        return dropConnection(describeSocketError());
    // A server that closed with a reason gave it for the user.
    const QString reason = m_socket->closeReason();
    dropConnection({ErrorCode::ConnectionClosed,
                    reason.isEmpty() || m_socket->closedHere()
                        ? tr("The connection to %1 closed.").arg(m_endpoint.displayName())
                        : tr("%1 closed the connection: %2").arg(m_endpoint.displayName(), reason),
                    {}});
}

void RpcChannel::dropConnection(const DbError &error)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (!m_everOpened && m_state == State::Connecting) {
        DbError failure = error;
        failure.code = ErrorCode::ConnectionFailed; // whatever went wrong, opening failed
        failAll(failure, false);
        setState(State::Failed);
        Q_EMIT failed(failure);
        return;
    }
    if (m_state == State::Failed || m_state == State::Idle)
        return;
    // Reads (and writes with an idempotency key) wait for the reconnect; other writes may or
    // may not have run, so they fail and the user decides.
    failAll({ErrorCode::ConnectionClosed,
             error.message
                 + tr(" A change sent just before may or may not have been applied; check before"
                      " sending it again."),
             {}},
            true);
    setState(State::Reconnecting);
    scheduleReconnect();
}

void RpcChannel::scheduleReconnect()
{
    const int base = qMin(kMaxBackoffMs, kFirstBackoffMs << qMin(m_attempt, 10));
    ++m_attempt;
    // ±25 % jitter, so that many clients of one restarted server do not return in step.
    const int jitter = int(QRandomGenerator::global()->bounded(base / 2 + 1)) - base / 4;
    m_reconnect->start(base + jitter);
    m_deadlines->start();
}

void RpcChannel::failAll(const DbError &error, bool keepRetryable)
{
    QList<qint64> ids;
    for (const auto &[id, pending] : m_pending)
        ids << id;
    // In order; a reply may make new requests or drop others, so each is looked up afresh.
    for (const qint64 id : std::as_const(ids)) {
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            continue;
        if (keepRetryable && it->second.options.retryable && id != m_helloId) {
            it->second.sent = false;
            continue;
        }
        finish(id, {}, &error);
    }
}
