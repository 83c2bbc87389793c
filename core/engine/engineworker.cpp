#include "core/engine/engineworker.h"

void EngineWorker::post(Task task)
{
    m_load.fetch_add(1, std::memory_order_relaxed);
    QMetaObject::invokeMethod(
        this,
        [this, task = std::move(task)] {
            task(m_db);
            m_load.fetch_sub(1, std::memory_order_relaxed);
        },
        Qt::QueuedConnection);
}
