#pragma once

#include "core/connectionspec.h"

#include <QNetworkRequest>
#include <QString>
#include <QUrl>

// Where a DoSQL database lives on the network: a server address and a database name, turned into
// the URLs of each transport (PROTOCOL.md §1). A user may give `http://host:8787` and a name, or
// the whole `ws://host:8787/db/name`; both mean the same database.
class RemoteEndpoint
{
public:
    RemoteEndpoint() = default;

    // Reads `address` (ws, wss, http, https or dosql://, which means ws) and, when the address
    // has no /db/<name> at its end, `database`. Returns an invalid endpoint with `error` set to
    // a sentence a person can act on.
    static RemoteEndpoint parse(const QString &address, const QString &database = {},
                                QString *error = nullptr);
    // Whether `text` looks like a server address rather than a file path.
    static bool looksLikeUrl(const QString &text);

    bool isValid() const { return !m_database.isEmpty(); }
    bool isSecure() const { return m_secure; }
    QString database() const { return m_database; }
    QString host() const { return m_base.host(); }

    QUrl webSocketUrl() const;                 // ws(s)://host:port/prefix/db/<name>
    QUrl httpUrl(const QString &route) const;  // http(s)://host:port/prefix/db/<name>/<route>
    QUrl serverUrl(const QString &path) const; // http(s)://host:port/prefix/<path>
    // For people: "app on localhost:8787".
    QString displayName() const;

    // A request to `url` (one of this endpoint's) with the token as `options` say (a bearer
    // header, or ?token= when chosen) and, over TLS, the options' CA file trusted beside the
    // system's.
    QNetworkRequest request(QUrl url, const RemoteOptions &options) const;

private:
    QUrl m_base; // http(s)://host:port/prefix, no trailing slash, no query
    QString m_database;
    bool m_secure = false;
};
