#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

// What a DoSQL server turned out to be when we connected (PROTOCOL.md §0), and so what the
// client can do with it.
struct ServerInfo
{
    enum class Kind {
        Unknown,
        Full,     // answers `hello`: the whole contract, with the features it lists (dosqld)
        Envelope, // sql.do's WebSocket methods only: no cursors, cancel or change stream
        HttpOnly, // the deployed worker: HTTP /query and /execute, autocommit only
    };

    Kind kind = Kind::Unknown;
    QString server; // e.g. "dosqld"
    QString version;
    QStringList features;
    double latencyMs = 0; // one round trip, measured on connect

    bool has(const QString &feature) const { return features.contains(feature); }
    static QString kindName(Kind kind);
    // For people: what this mode can and cannot do.
    QString capabilities() const;
};

Q_DECLARE_METATYPE(ServerInfo)
