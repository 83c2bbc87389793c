#include "core/net/httptransport.h"

#include "core/protocol/jsonvalue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {

// The worker answers errors in words only; these are SQLite's words for the common cases.
ErrorCode codeFromMessage(const QString &message)
{
    const QString m = message.toLower();
    if (m.contains(QLatin1String("syntax error")) || m.contains(QLatin1String("incomplete input")))
        return ErrorCode::SyntaxError;
    if (m.contains(QLatin1String("no such table")))
        return ErrorCode::TableNotFound;
    if (m.contains(QLatin1String("no such column")))
        return ErrorCode::ColumnNotFound;
    if (m.contains(QLatin1String("constraint")))
        return ErrorCode::ConstraintViolation;
    if (m.contains(QLatin1String("readonly")) || m.contains(QLatin1String("read-only")))
        return ErrorCode::ReadOnly;
    return ErrorCode::Unknown;
}

} // namespace

HttpTransport::HttpTransport(const RemoteEndpoint &endpoint, const RemoteOptions &options,
                             QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_options(options)
    , m_network(new QNetworkAccessManager(this))
{}

QNetworkReply *HttpTransport::send(const QString &route, const QByteArray &body)
{
    QNetworkRequest request = m_endpoint.request(m_endpoint.httpUrl(route), m_options);
    request.setTransferTimeout(m_options.requestTimeoutMs);
    if (body.isNull())
        return m_network->get(request);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    return m_network->post(request, body);
}

DbError HttpTransport::errorFromReply(int status, const QByteArray &body, const QString &where)
{
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(body, &parseError).object();
    const QString message = object.value(QStringLiteral("error")).toString();
    if (status == 401 || status == 403)
        return {status == 401 ? ErrorCode::Unauthorized : ErrorCode::Forbidden,
                tr("%1 refused the token. Check the token saved for this connection.").arg(where),
                {{QStringLiteral("httpStatus"), status}}};
    if (status == 404)
        return {ErrorCode::ConnectionFailed,
                message.isEmpty() ? tr("%1 has nothing at this address (HTTP 404).").arg(where)
                                  : tr("%1: %2").arg(where, message),
                {{QStringLiteral("httpStatus"), status}}};
    if (parseError.error != QJsonParseError::NoError || message.isEmpty())
        return {status >= 500 ? ErrorCode::InternalError : ErrorCode::NetworkError,
                tr("%1 answered HTTP %2 with something that is not a DoSQL reply: \"%3\".")
                    .arg(where)
                    .arg(status)
                    .arg(QString::fromUtf8(body.left(80)).simplified()),
                {{QStringLiteral("httpStatus"), status}}};
    ErrorCode code = DbError::codeFromName(object.value(QStringLiteral("code")).toString());
    if (code == ErrorCode::Unknown)
        code = codeFromMessage(message);
    return {code, message, {{QStringLiteral("httpStatus"), status}}};
}

DbError HttpTransport::unreachable(const QNetworkReply *reply) const
{
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return {ErrorCode::ConnectionFailed,
                tr("Nothing answers at %1. Is the server running?").arg(m_endpoint.displayName()),
                {}};
    case QNetworkReply::HostNotFoundError:
        return {ErrorCode::ConnectionFailed,
                tr("The host %1 was not found. Check the address.").arg(m_endpoint.host()),
                {}};
    case QNetworkReply::SslHandshakeFailedError:
        return {ErrorCode::ConnectionFailed,
                tr("The secure connection to %1 was refused: %2. If the server uses its own"
                   " certificate authority, choose its CA file in the connection's settings.")
                    .arg(m_endpoint.displayName(), reply->errorString()),
                {}};
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return {
            ErrorCode::Timeout, tr("%1 did not answer in time.").arg(m_endpoint.displayName()), {}};
    default:
        return {
            ErrorCode::NetworkError,
            tr("%1 could not be reached: %2").arg(m_endpoint.displayName(), reply->errorString()),
            {}};
    }
}

void HttpTransport::probe(std::function<void(const DbError *error)> done)
{
    QNetworkReply *reply = send(QStringLiteral("health"), {});
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 200 && QJsonDocument::fromJson(body).isObject())
            return done(nullptr);
        DbError error = status == 0 ? unreachable(reply)
                                    : errorFromReply(status, body, m_endpoint.displayName());
        if (status == 404)
            error.message = tr("There is no database \"%1\" on %2.")
                                .arg(m_endpoint.database(), m_endpoint.host());
        done(&error);
    });
}

QNetworkReply *HttpTransport::run(const QString &sql, bool write, Done done)
{
    const QByteArray body
        = QJsonDocument(QJsonObject{{QStringLiteral("sql"), sql}}).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = send(write ? QStringLiteral("execute") : QStringLiteral("query"), body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] {
        reply->deleteLater();
        if (reply->error() == QNetworkReply::OperationCanceledError)
            return; // abandoned
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        if (status == 0) {
            const DbError error = unreachable(reply);
            return done({}, &error);
        }
        const QJsonObject object = QJsonDocument::fromJson(bytes).object();
        if (status != 200 || !object.value(QStringLiteral("success")).toBool()) {
            const DbError error = errorFromReply(status, bytes, m_endpoint.displayName());
            return done({}, &error);
        }
        Result result;
        const QStringList keys = firstRowKeys(bytes);
        for (const QString &key : keys)
            result.columns.append({key, {}});
        for (const QJsonValue &rowValue : object.value(QStringLiteral("rows")).toArray()) {
            const QJsonObject rowObject = rowValue.toObject();
            Row row;
            row.reserve(keys.size());
            for (const QString &key : keys) {
                SqlValue value;
                if (!JsonValue::decode(rowObject.value(key), &value))
                    value
                        = SqlValue(QString::fromUtf8(QJsonDocument(rowObject.value(key).toObject())
                                                         .toJson(QJsonDocument::Compact)));
                row.append(value);
            }
            result.rows.append(row);
        }
        result.rowsAffected = JsonValue::toInteger(object.value(QStringLiteral("stats"))
                                                       .toObject()
                                                       .value(QStringLiteral("rowsAffected"))
                                                       .toDouble());
        done(result, nullptr);
    });
    return reply;
}

QStringList HttpTransport::firstRowKeys(const QByteArray &json)
{
    // A small scanner over the text: find "rows" at depth 1, then the keys of its first object.
    QStringList keys;
    int depth = 0;
    bool inRows = false;  // inside the top-level rows array
    int objectDepth = -1; // depth of the first row object once entered
    QByteArray lastString;
    bool expectKey = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '"') {
            QByteArray text;
            qsizetype j = i + 1;
            for (; j < json.size() && json.at(j) != '"'; ++j) {
                if (json.at(j) == '\\' && j + 1 < json.size())
                    text.append(json.at(j++));
                text.append(json.at(j));
            }
            lastString = text;
            // A key is a string followed by ':' at the row object's own depth.
            qsizetype k = j + 1;
            while (k < json.size() && (json.at(k) == ' ' || json.at(k) == '\n'))
                ++k;
            const bool isKey = k < json.size() && json.at(k) == ':';
            if (isKey && objectDepth >= 0 && depth == objectDepth && expectKey)
                keys << QJsonDocument::fromJson("[\"" + text + "\"]").array().at(0).toString();
            i = j;
            continue;
        }
        switch (c) {
        case '{':
        case '[':
            ++depth;
            if (c == '[' && depth == 2 && lastString == "rows")
                inRows = true;
            else if (c == '{' && inRows && objectDepth < 0 && depth == 3) {
                objectDepth = depth;
                expectKey = true;
            }
            break;
        case '}':
        case ']':
            if (objectDepth >= 0 && depth == objectDepth && c == '}')
                return keys; // the first row is complete
            --depth;
            if (inRows && depth < 2)
                return keys;
            break;
        default:
            break;
        }
    }
    return keys;
}
