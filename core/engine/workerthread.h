#pragma once

#include "core/engine/engineworker.h"

class QThread;

// Owns one EngineWorker and the thread it runs in. Stopping lets the tasks already queued
// finish, closes the worker's database in its own thread, and joins the thread.
class WorkerThread
{
public:
    explicit WorkerThread(const QString &name);
    ~WorkerThread();
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    void post(EngineWorker::Task task) { m_worker->post(std::move(task)); }
    int load() const { return m_worker->load(); }
    void interrupt() { m_worker->interrupt(); }
    // Idempotent; the destructor calls it.
    void stop();

private:
    QThread *m_thread;      // owned; joined by stop()
    EngineWorker *m_worker; // lives in m_thread, deleted when it finishes
};
