#include "core/engine/demodatabase.h"

#include "core/engine/sqlitedb.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

static void initDemoResources()
{
    // Resources of a static library must be registered by name before first use.
    Q_INIT_RESOURCE(demo);
}

namespace DemoDatabase {

QString fileName()
{
    return QStringLiteral("dosql-demo-v1.db");
}

std::optional<DbError> create(const QString &path)
{
    initDemoResources();
    QFile script(QStringLiteral(":/demo/demo.sql"));
    if (!script.open(QIODevice::ReadOnly))
        return DbError{ErrorCode::InternalError,
                       QCoreApplication::translate("DemoDatabase",
                                                   "The demo script is missing from this build."),
                       {}};
    const QString sql = QString::fromUtf8(script.readAll());

    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString partial = path + QStringLiteral(".part");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(partial + suffix);
    {
        SqliteDb db;
        if (auto error = db.open(partial, SqliteDb::OpenMode::Create))
            return error;
        // Build in rollback mode for speed and a single file, then switch the result to WAL.
        if (auto error = db.exec(QStringLiteral("PRAGMA journal_mode=DELETE")))
            return error;
        if (auto error = db.exec(sql))
            return error;
        if (auto error = db.exec(QStringLiteral("PRAGMA journal_mode=WAL; PRAGMA optimize;")))
            return error;
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        return DbError{ErrorCode::ResourceExhausted,
                       QCoreApplication::translate(
                           "DemoDatabase", "Could not move the demo database into place at %1."
                                           " Check that the folder is writable and the disk"
                                           " has space.")
                           .arg(path),
                       {}};
    }
    return std::nullopt;
}

} // namespace DemoDatabase
