#include "core/net/serverinfo.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ServerInfo", text);
}

} // namespace

QString ServerInfo::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Unknown:
        return tr("unknown");
    case Kind::Full:
        return tr("full contract");
    case Kind::Envelope:
        return tr("sql.do WebSocket");
    case Kind::HttpOnly:
        return tr("HTTP compatibility");
    }
    return {};
}

QString ServerInfo::capabilities() const
{
    switch (kind) {
    case Kind::Unknown:
        return {};
    case Kind::Full: {
        QStringList missing;
        if (!has(QStringLiteral("cursors")))
            missing << tr("paged results");
        if (!has(QStringLiteral("cancel")))
            missing << tr("cancelling a running statement");
        if (!has(QStringLiteral("subscribe")))
            missing << tr("live changes");
        return missing.isEmpty() ? tr(
                   "Everything: queries, transactions, paged results, cancel and live changes.")
                                 : tr("Queries and transactions; this server lacks %1.")
                                       .arg(missing.join(QStringLiteral(", ")));
    }
    case Kind::Envelope:
        return tr("Queries and transactions. Large results arrive whole, cancelling abandons the"
                  " request without stopping it, and changes are found by polling.");
    case Kind::HttpOnly:
        return tr("Queries and single-statement writes, each committed at once, with parameters"
                  " written into the SQL as literals. No transactions or cancel; changes are"
                  " found by polling.");
    }
    return {};
}
