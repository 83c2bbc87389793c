#include "server/httprequest.h"

#include <QUrl>

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

} // namespace

qsizetype parseHttpRequest(const QByteArray &data, qint64 maxBodyBytes, HttpRequest *request,
                           int *error)
{
    const qsizetype headerEnd = data.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (data.size() > kMaxHeaderBytes) {
            *error = 431;
            return -1;
        }
        return 0;
    }
    const QList<QByteArray> lines = data.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        *error = 400;
        return -1;
    }
    HttpRequest r;
    r.method = requestLine.at(0).toUpper();
    const QUrl url(QString::fromLatin1(requestLine.at(1)));
    if (!url.isValid()) {
        *error = 400;
        return -1;
    }
    r.path = url.path(QUrl::FullyDecoded);
    r.query = QUrlQuery(url);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            *error = 400;
            return -1;
        }
        r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    if (r.headers.contains("transfer-encoding")) {
        *error = 501; // chunked request bodies: no DoSQL client sends them
        return -1;
    }
    bool ok = true;
    const qint64 length = r.headers.value("content-length", "0").toLongLong(&ok);
    if (!ok || length < 0) {
        *error = 400;
        return -1;
    }
    if (length > maxBodyBytes) {
        *error = 413;
        return -1;
    }
    const qsizetype total = headerEnd + 4 + qsizetype(length);
    if (data.size() < total)
        return 0;
    r.body = data.mid(headerEnd + 4, qsizetype(length));
    *request = std::move(r);
    return total;
}
