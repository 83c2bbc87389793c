#pragma once

#include "core/engine/sqlitedb.h"
#include "server/dosqlserver.h"

#include <QTemporaryDir>

#include <memory>

// A real dosqld in this process, on 127.0.0.1 and a free port, serving `dir` with an empty
// app.db in it; `config` gives anything else (token, limits). Null if it could not start.
inline std::unique_ptr<DosqlServer> startInProcessDosqld(const QTemporaryDir &dir,
                                                         DosqlServer::Config config = {})
{
    SqliteDb db;
    if (db.open(dir.filePath(QStringLiteral("app.db")), SqliteDb::OpenMode::Create))
        return nullptr;
    db.close();
    config.dataDir = dir.path();
    config.port = 0;
    auto server = std::make_unique<DosqlServer>(config);
    QString error;
    if (!server->start(&error)) {
        qWarning("dosqld did not start: %s", qPrintable(error));
        return nullptr;
    }
    return server;
}
