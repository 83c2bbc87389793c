#include "core/requestcontrol.h"

#include <chrono>

void RequestControl::cancel()
{
    std::lock_guard lock(m_mutex);
    m_cancelled.store(true, std::memory_order_release);
    if (m_interrupt)
        m_interrupt();
    m_creditFreed.notify_all();
}

void RequestControl::setInterruptHandler(std::function<void()> handler)
{
    std::lock_guard lock(m_mutex);
    m_interrupt = std::move(handler);
}

bool RequestControl::acquireBatchCredit()
{
    std::unique_lock lock(m_mutex);
    m_creditFreed.wait(lock, [this] {
        return m_batchesInFlight < kMaxBatchesInFlight || isCancelled() || !m_target;
    });
    if (isCancelled() || !m_target)
        return false;
    ++m_batchesInFlight;
    return true;
}

void RequestControl::releaseBatchCredit()
{
    std::lock_guard lock(m_mutex);
    if (m_batchesInFlight > 0)
        --m_batchesInFlight;
    m_creditFreed.notify_all();
}

void RequestControl::detach()
{
    std::lock_guard lock(m_mutex);
    m_target = nullptr;
    m_cancelled.store(true, std::memory_order_release);
    if (m_interrupt)
        m_interrupt();
    m_creditFreed.notify_all();
}
