#pragma once

#include "core/connection.h"

#include <QLoggingCategory>

#include <atomic>
#include <memory>
#include <vector>

class WorkerThread;

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

// A Connection to a SQLite file through the embedded engine. It owns one writer and several
// reader threads, each with its own sqlite3 handle: reads run beside a long write (in WAL mode)
// and nothing touches the caller's thread. Cancel uses sqlite3_interrupt.
class LocalConnection final : public Connection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalConnection)

public:
    explicit LocalConnection(const ConnectionSpec &spec, QObject *parent = nullptr);
    ~LocalConnection() override;

    void open() override;
    QueryRequest *query(const Statement &statement, QObject *parent = nullptr) override;
    SchemaRequest *readSchema(QObject *parent = nullptr) override;

    static constexpr int kReaderCount = 2;

private:
    WorkerThread *leastBusyReader() const;
    bool mustRunOnWriter(const QString &sql) const;
    void runOnWriter(const Statement &statement, const std::shared_ptr<RequestControl> &control);
    void openReaders();
    void openFinished(const DbError &error);

    std::unique_ptr<WorkerThread> m_writer;
    std::vector<std::unique_ptr<WorkerThread>> m_readers;
    int m_readersPending = 0;
    // Set by the writer thread: while the writer holds an open transaction, reads go there
    // too so that they see its uncommitted changes.
    std::shared_ptr<std::atomic<bool>> m_writerInTransaction;
};
