#include "core/net/remoteendpoint.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RemoteEndpoint", text);
}

} // namespace

bool RemoteEndpoint::looksLikeUrl(const QString &text)
{
    static const QRegularExpression scheme(QStringLiteral("^(wss?|https?|dosql)://"),
                                           QRegularExpression::CaseInsensitiveOption);
    return scheme.match(text.trimmed()).hasMatch();
}

RemoteEndpoint RemoteEndpoint::parse(const QString &address, const QString &database,
                                     QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return RemoteEndpoint();
    };
    QUrl url(address.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty())
        return fail(tr("\"%1\" is not a server address. Write it like http://localhost:8787.")
                        .arg(address));
    if (scheme != u"ws" && scheme != u"wss" && scheme != u"http" && scheme != u"https"
        && scheme != u"dosql")
        return fail(
            tr("Addresses start with http://, https://, ws:// or wss://, not %1://.").arg(scheme));
    if (!url.userInfo().isEmpty())
        return fail(tr("Put the token in the token field, not in the address."));

    RemoteEndpoint endpoint;
    endpoint.m_secure = scheme == u"wss" || scheme == u"https";
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    // A trailing /db/<name> names the database; anything before it is the server's prefix.
    static const QRegularExpression dbSuffix(QStringLiteral("^(.*)/db/([^/]+)$"));
    const QRegularExpressionMatch m = dbSuffix.match(path);
    QString name = database.trimmed();
    if (m.hasMatch()) {
        if (!name.isEmpty() && name != m.captured(2))
            return fail(tr("The address names database \"%1\" but \"%2\" was asked for.")
                            .arg(m.captured(2), name));
        name = m.captured(2);
        path = m.captured(1);
    }
    if (name.isEmpty())
        return fail(tr("Say which database to open: add /db/NAME to the address or fill in"
                       " the database name."));
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9_.-]{1,128}$"));
    if (!validName.match(name).hasMatch() || name.startsWith(u'.'))
        return fail(
            tr("\"%1\" is not a database name: use letters, digits, '_', '-' and '.'.").arg(name));

    QUrl base;
    base.setScheme(endpoint.m_secure ? QStringLiteral("https") : QStringLiteral("http"));
    base.setHost(url.host());
    if (url.port() > 0)
        base.setPort(url.port());
    else if (scheme == u"dosql")
        base.setPort(8787);
    base.setPath(path);
    endpoint.m_base = base;
    endpoint.m_database = name;
    return endpoint;
}

QUrl RemoteEndpoint::serverUrl(const QString &path) const
{
    QUrl url = m_base;
    url.setPath(m_base.path() + u'/' + path);
    return url;
}

QUrl RemoteEndpoint::httpUrl(const QString &route) const
{
    return serverUrl(QStringLiteral("db/") + m_database
                     + (route.isEmpty() ? QString() : u'/' + route));
}

QUrl RemoteEndpoint::webSocketUrl() const
{
    QUrl url = httpUrl({});
    url.setScheme(m_secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    return url;
}

QString RemoteEndpoint::displayName() const
{
    const QString server = m_base.port() > 0
                               ? QStringLiteral("%1:%2").arg(m_base.host()).arg(m_base.port())
                               : m_base.host();
    return tr("%1 on %2").arg(m_database, server);
}

QNetworkRequest RemoteEndpoint::request(QUrl url, const RemoteOptions &options) const
{
    QNetworkRequest request;
    if (!options.token.isEmpty()) {
        if (options.tokenInQuery) {
            QUrlQuery query(url);
            query.addQueryItem(QStringLiteral("token"), options.token);
            url.setQuery(query);
        } else {
            request.setRawHeader("Authorization", "Bearer " + options.token.toUtf8());
        }
    }
    request.setUrl(url);
    if (m_secure) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!options.caFile.isEmpty())
            tls.addCaCertificates(QSslCertificate::fromPath(options.caFile));
        request.setSslConfiguration(tls);
    }
    return request;
}
