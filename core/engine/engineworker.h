#pragma once

#include "core/engine/sqlitedb.h"

#include <QObject>

#include <atomic>
#include <functional>

// One thread's database connection. The worker lives in its own QThread and runs posted tasks
// in order against the sqlite3 handle it opened there, which never leaves that thread.
class EngineWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineWorker)

public:
    using Task = std::function<void(SqliteDb &)>;

    EngineWorker() = default;

    // Any thread. Tasks run in the order they were posted.
    void post(Task task);
    // Tasks posted and not yet finished; the connection sends reads to the least busy worker.
    int load() const { return m_load.load(std::memory_order_relaxed); }

    // Called from any thread: stops the statement running now, if any.
    void interrupt() { m_db.interrupt(); }

private:
    SqliteDb m_db;
    std::atomic<int> m_load{0};
};
