#include "core/engine/localconnection.h"

#include "core/engine/queryexecutor.h"
#include "core/engine/schemareader.h"
#include "core/engine/workerthread.h"
#include "core/requestcontrol.h"
#include "core/sqlkeywords.h"

Q_LOGGING_CATEGORY(lcEngine, "studio.engine", QtWarningMsg)

namespace {

SqliteDb::OpenMode engineMode(ConnectionSpec::OpenMode mode)
{
    switch (mode) {
    case ConnectionSpec::OpenMode::ReadOnly:
        return SqliteDb::OpenMode::ReadOnly;
    case ConnectionSpec::OpenMode::Create:
        return SqliteDb::OpenMode::Create;
    case ConnectionSpec::OpenMode::ReadWrite:
        break;
    }
    return SqliteDb::OpenMode::ReadWrite;
}

DbError notOpenError()
{
    return {ErrorCode::ConnectionClosed,
            LocalConnection::tr("The database is not open. Open it again and retry."),
            {}};
}

} // namespace

LocalConnection::LocalConnection(const ConnectionSpec &spec, QObject *parent)
    : Connection(spec, parent)
    , m_writerInTransaction(std::make_shared<std::atomic<bool>>(false))
{}

LocalConnection::~LocalConnection()
{
    for (DbRequest *request : activeRequests())
        request->cancel();
    // Readers go first: a reader may still hand a statement to the writer. Each worker closes
    // its database in its own thread after the tasks queued before, which end quickly because
    // their requests are cancelled.
    m_readers.clear();
    m_writer.reset();
}

void LocalConnection::open()
{
    if (state() == State::Opening || state() == State::Open)
        return;
    setState(State::Opening);
    m_writer = std::make_unique<WorkerThread>(QStringLiteral("engine-writer"));
    const QString path = spec().location;
    const SqliteDb::OpenMode mode = engineMode(spec().mode);
    // The writer opens first: in Create mode it makes the file the readers then open.
    m_writer->post([this, path, mode](SqliteDb &db) {
        const auto error = db.open(path, mode);
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                if (error)
                    openFinished(*error);
                else
                    openReaders();
            },
            Qt::QueuedConnection);
    });
}

void LocalConnection::openReaders()
{
    const QString path = spec().location;
    const SqliteDb::OpenMode mode
        = spec().isReadOnly() ? SqliteDb::OpenMode::ReadOnly : SqliteDb::OpenMode::ReadWrite;
    m_readersPending = kReaderCount;
    for (int i = 0; i < kReaderCount; ++i) {
        m_readers.push_back(
            std::make_unique<WorkerThread>(QStringLiteral("engine-reader-%1").arg(i)));
        m_readers.back()->post([this, path, mode](SqliteDb &db) {
            const auto error = db.open(path, mode);
            QMetaObject::invokeMethod(
                this, [this, error] { openFinished(error.value_or(DbError{})); },
                Qt::QueuedConnection);
        });
    }
}

void LocalConnection::openFinished(const DbError &error)
{
    if (state() != State::Opening)
        return;
    if (!error.message.isEmpty()) {
        qCWarning(lcEngine) << "open failed:" << error.toString();
        setState(State::Failed, error);
        return;
    }
    if (--m_readersPending == 0) {
        qCInfo(lcEngine) << "opened" << spec().location;
        setState(State::Open);
    }
}

WorkerThread *LocalConnection::leastBusyReader() const
{
    WorkerThread *best = nullptr;
    for (const auto &w : m_readers) {
        if (!best || w->load() < best->load())
            best = w.get();
    }
    return best;
}

bool LocalConnection::mustRunOnWriter(const QString &sql) const
{
    if (m_writerInTransaction->load())
        return true;
    // sqlite3_stmt_readonly() calls transaction control read-only, and pragmas and ATTACH
    // change the connection they run on: these all belong to the writer's session.
    const QString keyword = firstSqlKeyword(sql);
    return isTransactionControl(keyword) || keyword == u"PRAGMA" || keyword == u"ATTACH"
           || keyword == u"DETACH" || keyword == u"VACUUM";
}

QueryRequest *LocalConnection::query(const Statement &statement, QObject *parent)
{
    auto *request = new QueryRequest(statement.sql, parent);
    track(request);
    auto control = request->control();
    if (state() != State::Open) {
        failLater(request, notOpenError());
        return request;
    }

    if (mustRunOnWriter(statement.sql) || m_readers.empty()) {
        runOnWriter(statement, control);
        return request;
    }
    // Prepare on a reader; a statement that turns out to write moves to the writer.
    leastBusyReader()->post([this, statement, control](SqliteDb &db) {
        QueryExecutor executor(db, statement, control);
        if (!executor.prepare())
            return;
        if (executor.isReadOnly()) {
            executor.run();
            return;
        }
        runOnWriter(statement, control);
    });
    return request;
}

void LocalConnection::runOnWriter(const Statement &statement,
                                  const std::shared_ptr<RequestControl> &control)
{
    const bool changesSchema
        = QStringList{QStringLiteral("CREATE"), QStringLiteral("DROP"), QStringLiteral("ALTER")}
              .contains(firstSqlKeyword(statement.sql));
    auto inTransaction = m_writerInTransaction;
    m_writer->post([this, statement, control, changesSchema, inTransaction](SqliteDb &db) {
        QueryExecutor executor(db, statement, control);
        if (executor.prepare())
            executor.run();
        inTransaction->store(db.inTransaction());
        if (changesSchema)
            QMetaObject::invokeMethod(this, &Connection::schemaChanged, Qt::QueuedConnection);
    });
}

SchemaRequest *LocalConnection::readSchema(QObject *parent)
{
    auto *request = new SchemaRequest(parent);
    track(request);
    auto control = request->control();
    if (state() != State::Open) {
        failLater(request, notOpenError());
        return request;
    }
    // The writer sees its own uncommitted DDL; with no open transaction any reader will do.
    WorkerThread *worker = m_writerInTransaction->load() ? m_writer.get() : leastBusyReader();
    worker->post([control](SqliteDb &db) {
        if (control->isCancelled()) {
            control->post([](DbRequest *r) {
                r->deliverFailure(
                    {ErrorCode::Cancelled, tr("Reading the schema was cancelled."), {}});
            });
            return;
        }
        DatabaseSchema schema;
        if (auto error = SchemaReader(db).read(&schema)) {
            control->post([error = *error](DbRequest *r) { r->deliverFailure(error); });
            return;
        }
        control->post(
            [schema](DbRequest *r) { static_cast<SchemaRequest *>(r)->deliverSchema(schema); });
    });
    return request;
}
