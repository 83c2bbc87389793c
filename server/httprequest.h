#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrlQuery>

// One parsed HTTP/1.1 request.
struct HttpRequest
{
    QByteArray method;
    QString path; // percent-decoded
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    bool isWebSocketUpgrade() const
    {
        return header("upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
    }
    bool wantsClose() const { return header("connection").toLower().contains("close"); }
};

// Parses the request at the start of `data`. Returns the bytes it spans, 0 when more data is
// needed, or -1 (with `error` set to an HTTP status) when the request is malformed or too large.
qsizetype parseHttpRequest(const QByteArray &data, qint64 maxBodyBytes, HttpRequest *request,
                           int *error);
