#include "server/servedcursors.h"

#include "core/engine/sqlitedb.h"
#include "core/engine/workerthread.h"
#include "server/servedatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QUuid>

namespace {

// Steps up to `max` rows of an open statement; `done` says whether it reached the end.
std::optional<DbError> readPage(SqliteStatement &stmt, int max, StatementResult *result, bool *done)
{
    *done = false;
    const int columns = stmt.columnCount();
    while (result->rows.size() < max) {
        const auto step = stmt.step();
        if (step == SqliteStatement::StepResult::Error)
            return stmt.error();
        if (step == SqliteStatement::StepResult::Done) {
            *done = true;
            return std::nullopt;
        }
        Row row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(stmt.value(c));
        result->rows.append(std::move(row));
    }
    return std::nullopt;
}

} // namespace

struct ServedCursors::Cursor
{
    std::unique_ptr<WorkerThread> worker;
    // Made, used and destroyed only on `worker`'s thread.
    std::shared_ptr<std::unique_ptr<SqliteStatement>> statement
        = std::make_shared<std::unique_ptr<SqliteStatement>>();
    QTimer *idle = nullptr;
    QList<ResultColumn> columns;

    ~Cursor()
    {
        idle->deleteLater(); // we may be inside its timeout signal
        worker->post([statement = statement](SqliteDb &) { statement->reset(); });
        worker.reset();
    }
};

ServedCursors::ServedCursors(ServedDatabase *database)
    : QObject(database)
    , m_database(database)
{}

ServedCursors::~ServedCursors() = default;

namespace {

DbError cancelled()
{
    return {ErrorCode::Cancelled,
            QCoreApplication::translate("ServedCursors", "The request was cancelled."),
            {}};
}

} // namespace

void ServedCursors::open(const Statement &statement, int pageSize, Done done, const Cancel &cancel)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto cursor = std::make_unique<Cursor>();
    cursor->worker = std::make_unique<WorkerThread>(QStringLiteral("dosqld-cursor"));
    cursor->idle = new QTimer;
    cursor->idle->setSingleShot(true);
    connect(cursor->idle, &QTimer::timeout, this, [this, id] { m_open.erase(id); });
    Cursor *raw = cursor.get();
    m_open.emplace(id, std::move(cursor));
    const int max = qBound(1, pageSize, kMaxPage);
    const QString path = m_database->path();
    raw->worker->post(
        [this, id, statement, max, path, holder = raw->statement, done, cancel](SqliteDb &db) {
            Page page;
            QElapsedTimer timer;
            timer.start();
            page.error = db.open(path, SqliteDb::OpenMode::ReadOnly);
            if (!page.error && cancel && !cancel->begin(&db))
                page.error = cancelled();
            // One read snapshot for every page of this result.
            if (!page.error)
                page.error = db.exec(QStringLiteral("BEGIN"));
            DbError error;
            if (!page.error) {
                *holder = db.prepare(statement.sql, &error);
                if (!*holder)
                    page.error = error;
                else if (!(*holder)->isReadOnly())
                    page.error = DbError{ErrorCode::InvalidRequest,
                                         tr("pageSize pages reads only; run writes without it."),
                                         {}};
                else
                    page.error = StatementRunner::bind(**holder, statement);
            }
            bool finished = true;
            if (!page.error) {
                page.result.columns = (*holder)->columns();
                page.error = readPage(**holder, max, &page.result, &finished);
            }
            if (cancel)
                cancel->end();
            page.result.durationMs = double(timer.nsecsElapsed()) / 1e6;
            if (!page.error && !finished)
                page.cursor = id;
            QMetaObject::invokeMethod(
                this, [this, id, page, done] { finish(id, page, done); }, Qt::QueuedConnection);
        });
}

void ServedCursors::fetch(const QString &id, int max, Done done, const Cancel &cancel)
{
    auto it = m_open.find(id);
    if (it == m_open.end()) {
        Page page;
        page.error = DbError{ErrorCode::InvalidRequest,
                             tr("There is no open cursor \"%1\"; it ended, was closed, or sat idle"
                                " too long. Run the query again.")
                                 .arg(id),
                             {}};
        return done(page);
    }
    Cursor *cursor = it->second.get();
    cursor->idle->stop();
    const int limit = qBound(1, max, kMaxPage);
    cursor->worker->post([this, id, limit, holder = cursor->statement, done, cancel](SqliteDb &db) {
        Page page;
        bool finished = true;
        if (cancel && !cancel->begin(&db))
            page.error = cancelled();
        else if (*holder)
            page.error = readPage(**holder, limit, &page.result, &finished);
        if (cancel)
            cancel->end();
        if (!page.error && !finished)
            page.cursor = id;
        QMetaObject::invokeMethod(
            this, [this, id, page, done] { finish(id, page, done); }, Qt::QueuedConnection);
    });
}

bool ServedCursors::close(const QString &id)
{
    return m_open.erase(id) > 0;
}

void ServedCursors::finish(const QString &id, const Page &page, const Done &done)
{
    Page out = page;
    auto it = m_open.find(id);
    if (it != m_open.end()) {
        // Later pages carry the columns of the first, so rows can be keyed by name.
        if (!page.result.columns.isEmpty())
            it->second->columns = page.result.columns;
        else
            out.result.columns = it->second->columns;
        if (page.cursor.isEmpty())
            m_open.erase(it); // the end, or an error: nothing left to keep
        else
            it->second->idle->start(kIdleTimeoutMs);
    }
    done(out);
}
