#include "core/requestcontrol.h"

#include <QCoreApplication>
#include <QPointer>

#include <chrono>
#include <iterator>
#include <mutex>
#include <utility>

namespace {

// Deliveries waiting for the main thread, from every network thread: one event wakes it for all
// that gather before it runs, however many passes of those threads they came from.
struct MainThreadMailbox
{
    std::mutex mutex;
    RequestControl::Batch waiting;
    bool posted = false; // an event to take them is on its way
};

MainThreadMailbox &mainThreadMailbox()
{
    static MainThreadMailbox mailbox;
    return mailbox;
}

} // namespace

void RequestControl::runMainThreadMailbox()
{
    decltype(MainThreadMailbox::waiting) due;
    {
        MainThreadMailbox &mailbox = mainThreadMailbox();
        std::lock_guard lock(mailbox.mutex);
        due.swap(mailbox.waiting);
        mailbox.posted = false;
    }
    // Requests are deleted only in this thread, so one found here stays until a delivery
    // deletes it, which the delivery watches for.
    for (const auto &[control, delivery] : due)
        delivery.deliverTo(*control);
}

void RequestControl::postAll(Batch batch)
{
    QCoreApplication *app = QCoreApplication::instance();
    decltype(MainThreadMailbox::waiting) forMainThread;
    for (auto &[control, delivery] : batch) {
        bool inMainThread = false;
        {
            // The request's destructor clears the target under this lock first: while it is
            // held, a target that is set is whole enough to ask its thread.
            std::lock_guard lock(control->m_mutex);
            inMainThread = app && control->m_target && control->m_target->thread() == app->thread();
        }
        if (inMainThread)
            forMainThread.emplace_back(control, std::move(delivery));
        else
            control->post([target = control, delivery = std::move(delivery)](DbRequest *) {
                delivery.deliverTo(*target);
            });
    }
    if (forMainThread.empty())
        return;
    MainThreadMailbox &mailbox = mainThreadMailbox();
    {
        std::lock_guard lock(mailbox.mutex);
        std::move(forMainThread.begin(), forMainThread.end(), std::back_inserter(mailbox.waiting));
        if (std::exchange(mailbox.posted, true))
            return;
    }
    QMetaObject::invokeMethod(app, &RequestControl::runMainThreadMailbox, Qt::QueuedConnection);
}

void RequestControl::cancel()
{
    stop(false);
}

void RequestControl::stop(bool detach)
{
    std::function<void()> waiting;
    {
        std::lock_guard lock(m_mutex);
        if (detach)
            m_target = nullptr;
        m_cancelled.store(true, std::memory_order_release);
        if (m_interrupt)
            m_interrupt();
        m_creditFreed.notify_all();
        waiting = std::exchange(m_whenCreditFree, {});
    }
    // A back end waiting for a credit hears of it, and finds the request cancelled.
    if (waiting)
        waiting();
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
    std::function<void()> waiting;
    {
        std::lock_guard lock(m_mutex);
        if (m_batchesInFlight > 0)
            --m_batchesInFlight;
        m_creditFreed.notify_all();
        if (m_batchesInFlight < kMaxBatchesInFlight)
            waiting = std::exchange(m_whenCreditFree, {});
    }
    if (waiting)
        waiting();
}

void RequestControl::takeBatchCredit()
{
    std::lock_guard lock(m_mutex);
    ++m_batchesInFlight;
}

void RequestControl::whenCreditFree(std::function<void()> fn)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_batchesInFlight >= kMaxBatchesInFlight && !isCancelled() && m_target) {
            m_whenCreditFree = std::move(fn);
            return;
        }
    }
    fn();
}

void RequestControl::detach()
{
    stop(true);
}
