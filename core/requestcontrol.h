#pragma once

#include "core/dbrequest.h"
#include "core/querydelivery.h"

#include <QMetaObject>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

// The thread-safe side of a DbRequest, shared between the request (in its owner's thread) and the
// back end doing the work (a worker or network thread). It carries cancellation, and it posts
// results to the request only while the request is alive: a deleted request simply stops
// receiving, and its pending deliveries are dropped by Qt with the object.
class RequestControl
{
public:
    explicit RequestControl(DbRequest *target)
        : m_target(target)
    {}

    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }
    // The flag itself, for a database connection to watch while a statement runs
    // (SqliteDb::setCancelFlag).
    const std::atomic<bool> *cancelFlag() const { return &m_cancelled; }
    // Any thread. Runs the interrupt handler if the work is under way.
    void cancel();

    // The back end says how to stop the running work (sqlite3_interrupt, a `cancel` frame...).
    // Cleared again with an empty function before the resource it touches goes away.
    void setInterruptHandler(std::function<void()> handler);

    // Runs `fn(request)` in the request's thread, if the request still exists then.
    template<typename Fn>
    void post(Fn fn)
    {
        std::lock_guard lock(m_mutex);
        if (!m_target)
            return;
        DbRequest *target = m_target;
        QMetaObject::invokeMethod(
            target, [target, fn = std::move(fn)] { fn(target); }, Qt::QueuedConnection);
    }

    // The request, or null once it is gone. Only in the request's own thread, which alone
    // clears it (a receiver of one of its signals may delete it).
    DbRequest *targetInItsThread() const { return m_target; }

    // One delivery per query: everything it has coming, delivered in order.
    using Batch = std::vector<std::pair<std::shared_ptr<RequestControl>, QueryDelivery>>;
    // Like post() for many queries at once, with the deliveries for requests that live in the
    // application's main thread (the usual case) sent in one event: every post wakes the
    // receiving thread, and a back end answering many small requests at once would otherwise
    // wake it once per request.
    static void postAll(Batch batch);

    // Flow control for streamed rows: a producer takes a credit per batch it posts and blocks
    // while too many are undelivered, so a slow consumer bounds the memory in flight. Returns
    // false when the request was cancelled or abandoned meanwhile.
    bool acquireBatchCredit();
    void releaseBatchCredit();

    // The same for back ends on an event loop, which must not block: counts a batch as in flight
    // at once, and runs `fn` once fewer than kMaxBatchesInFlight are undelivered (at once if
    // that is so now; else on the thread that delivers one). Cancelling runs `fn` as well, so a
    // back end waiting on it notices.
    void takeBatchCredit();
    void whenCreditFree(std::function<void()> fn);

    static constexpr int kMaxBatchesInFlight = 8;

private:
    friend class DbRequest;
    // Runs the deliveries postAll gathered for the main thread (on it).
    static void runMainThreadMailbox();
    void detach();
    void stop(bool detach);

    std::atomic<bool> m_cancelled{false};
    std::mutex m_mutex;
    std::condition_variable m_creditFreed;
    DbRequest *m_target; // not owned; cleared by the request's destructor
    std::function<void()> m_interrupt;
    int m_batchesInFlight = 0;
    std::function<void()> m_whenCreditFree;
};
