#include "core/engine/workerthread.h"

#include <QThread>

WorkerThread::WorkerThread(const QString &name)
    : m_thread(new QThread)
    , m_worker(new EngineWorker)
{
    m_thread->setObjectName(name);
    m_worker->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

WorkerThread::~WorkerThread()
{
    stop();
    delete m_thread;
}

void WorkerThread::stop()
{
    if (m_thread->isFinished())
        return;
    QThread *thread = m_thread;
    m_worker->interrupt();
    m_worker->post([thread](SqliteDb &db) {
        db.close();
        thread->quit();
    });
    m_thread->wait();
}
